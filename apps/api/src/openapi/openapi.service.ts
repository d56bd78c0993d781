import { Inject, Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import type { ResourceRegistry, ResourceType } from '@flotilla/domain';
import { RESOURCE_REGISTRY } from '../tokens';
import { groupVersionDocument } from './openapi.document';

/** One served document: its bytes and the hash that names this content in URLs and entity tags. */
export interface OpenApiBody {
  body: string;
  hash: string;
}

interface Snapshot {
  entries: ResourceType[];
  /** Keyed `api/v1`, `apis/apps/v1`, … as in the `/openapi/v3` index. */
  documents: Map<string, OpenApiBody>;
  index: OpenApiBody;
}

/**
 * OpenAPI v3 documents generated from the registry, one per group version, plus the `/openapi/v3` index that
 * names each with the hash of its content. Rebuilt when the registry's entries change.
 */
@Injectable()
export class OpenApiService {
  private snapshot: Snapshot | undefined;

  constructor(@Inject(RESOURCE_REGISTRY) private readonly registry: ResourceRegistry) {}

  index(): OpenApiBody {
    return this.current().index;
  }

  /** The document of `api/v1` or `apis/<g>/<v>`, or undefined when that group version is not served. */
  document(key: string): OpenApiBody | undefined {
    return this.current().documents.get(key);
  }

  private current(): Snapshot {
    const entries = this.registry.all();
    const prev = this.snapshot;
    if (prev && prev.entries.length === entries.length && prev.entries.every((e, i) => e === entries[i])) return prev;
    const documents = new Map<string, OpenApiBody>();
    for (const group of this.registry.groups()) {
      for (const gv of group.versions) {
        const key = group.name ? `apis/${group.name}/${gv.version}` : `api/${gv.version}`;
        documents.set(key, hashed(JSON.stringify(groupVersionDocument(group.name, gv.version, gv.resources))));
      }
    }
    const paths: Record<string, { serverRelativeURL: string }> = {};
    for (const key of [...documents.keys()].sort()) paths[key] = { serverRelativeURL: serverRelativeUrl(key, documents.get(key)!.hash) };
    this.snapshot = { entries, documents, index: hashed(JSON.stringify({ paths })) };
    return this.snapshot;
  }
}

export function serverRelativeUrl(key: string, hash: string): string {
  return `/openapi/v3/${key}?hash=${hash}`;
}

/** kube-openapi names content by the upper-case hex SHA-512 of its bytes. */
function hashed(body: string): OpenApiBody {
  return { body, hash: createHash('sha512').update(body).digest('hex').toUpperCase() };
}
