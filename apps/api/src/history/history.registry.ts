import { ResourceRegistry, revisionResourceType } from '@flotilla/domain';

/** The registry plus the read-only `revisions.history.flotilla.dev`, so discovery and OpenAPI serve the group. */
export function withHistoryResources(registry: ResourceRegistry): ResourceRegistry {
  return new ResourceRegistry([...registry.all(), revisionResourceType]);
}
