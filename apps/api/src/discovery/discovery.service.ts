import { Inject, Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import type { ResourceGroup, ResourceRegistry, ResourceType } from '@flotilla/domain';
import { RESOURCE_REGISTRY } from '../tokens';
import { aggregatedContentType } from './discovery-accept';
import { aggregatedDiscovery, apiGroup, apiGroupList, apiResourceList, apiVersions } from './discovery.documents';

export type DiscoveryRoot = 'api' | 'apis';

/** A serialised answer: the body bytes and, for aggregated discovery, the entity tag. */
export interface DiscoveryReply {
  contentType: string;
  body: string;
  etag?: string;
}

interface Snapshot {
  entries: ResourceType[];
  core: ResourceGroup | undefined;
  named: ResourceGroup[];
  replies: Map<string, DiscoveryReply>;
}

/**
 * Discovery documents for the registry's current contents. Documents are built once per registry state and
 * re-built when its entries change (custom resources), so the hot `/api` `/apis` path only serialises once.
 */
@Injectable()
export class DiscoveryService {
  private snapshot: Snapshot | undefined;

  constructor(@Inject(RESOURCE_REGISTRY) private readonly registry: ResourceRegistry) {}

  aggregated(root: DiscoveryRoot, version: 'v2' | 'v2beta1'): DiscoveryReply {
    return this.cached(`${root}:${version}`, (s) => {
      const groups = root === 'api' ? (s.core ? [s.core] : []) : s.named;
      const body = JSON.stringify(aggregatedDiscovery(groups, version));
      return { contentType: aggregatedContentType(version), body, etag: etagOf(body) };
    });
  }

  /** Legacy `/api`: not cached, because it names the address the client used. */
  apiVersions(serverAddress: string): DiscoveryReply {
    return json(JSON.stringify(apiVersions(this.current().core, serverAddress)));
  }

  apiGroupList(): DiscoveryReply {
    return this.cached('apis:legacy', (s) => json(JSON.stringify(apiGroupList(s.named))));
  }

  /** `/apis/<group>`, or undefined for a group nothing serves. */
  apiGroup(name: string): DiscoveryReply | undefined {
    const group = this.current().named.find((g) => g.name === name);
    if (!group) return undefined;
    return this.cached(`group:${name}`, () => json(JSON.stringify(apiGroup(group))));
  }

  /** `/api/v1` (group '') or `/apis/<group>/<version>`, or undefined when that group version is not served. */
  apiResourceList(group: string, version: string): DiscoveryReply | undefined {
    const s = this.current();
    const g = group === '' ? s.core : s.named.find((n) => n.name === group);
    const gv = g?.versions.find((v) => v.version === version);
    if (!gv) return undefined;
    return this.cached(`resources:${group}/${version}`, () => json(JSON.stringify(apiResourceList(group, gv))));
  }

  private cached(key: string, build: (s: Snapshot) => DiscoveryReply): DiscoveryReply {
    const s = this.current();
    let reply = s.replies.get(key);
    if (!reply) {
      reply = build(s);
      s.replies.set(key, reply);
    }
    return reply;
  }

  private current(): Snapshot {
    const entries = this.registry.all();
    const prev = this.snapshot;
    if (prev && prev.entries.length === entries.length && prev.entries.every((e, i) => e === entries[i])) return prev;
    const groups = this.registry.groups();
    this.snapshot = {
      entries,
      core: groups.find((g) => g.name === ''),
      named: groups.filter((g) => g.name !== ''),
      replies: new Map(),
    };
    return this.snapshot;
  }
}

function json(body: string): DiscoveryReply {
  return { contentType: 'application/json', body };
}

function etagOf(body: string): string {
  return `"${createHash('sha512').update(body).digest('hex').toUpperCase()}"`;
}
