import { Inject, Injectable } from '@nestjs/common';
import {
  ExpiredError,
  HISTORY_GROUP,
  MethodNotAllowedError,
  NotFoundError,
  StatusError,
  revisionResourceType,
  toRevision,
  type KubeObject,
  type ResourceRegistry,
} from '@flotilla/domain';
import type { EventStore, HistoryRepository } from '@flotilla/persistence';
import { negotiate } from '../request/content-negotiation';
import { renderList, renderObject } from '../resources/renderer';
import { RESOURCE_REGISTRY } from '../tokens';
import { encodeHistoryContinue, parseHistoryListOptions } from './history.query';

export const HISTORY_REPOSITORY = Symbol('HISTORY_REPOSITORY');

/** Where a request under `/apis/history.flotilla.dev/v1/` points. */
export interface HistoryRequest {
  method: string;
  /** The path below the group version, e.g. `namespaces/shop/revisions/17`. */
  path: string;
  query: Record<string, unknown>;
  accept?: string;
}

export interface HistoryReply {
  table: boolean;
  body: unknown;
}

/** Events read from the log per round trip while filling a filtered page. */
const SCAN = 500;

/** Serves `revisions.history.flotilla.dev`: the change history of objects, read from the event log. */
@Injectable()
export class HistoryService {
  constructor(
    @Inject(HISTORY_REPOSITORY) private readonly history: HistoryRepository,
    @Inject('EVENT_STORE') private readonly store: EventStore,
    @Inject(RESOURCE_REGISTRY) private readonly registry: ResourceRegistry,
  ) {}

  async handle(req: HistoryRequest, now: Date): Promise<HistoryReply> {
    const { namespace, name, watch } = parsePath(req.path);
    if (req.method !== 'GET' && req.method !== 'HEAD') throw new MethodNotAllowedError();
    if (watch || req.query.watch === 'true' || req.query.watch === '1') throw new MethodNotAllowedError();
    const rt = revisionResourceType;
    if (name !== undefined) {
      const form = negotiate(req.accept, false);
      const revision = await this.revision(namespace, name);
      return { table: form.as === 'Table', body: renderObject(rt, revision, form, now, req.query.includeObject as string | undefined) };
    }
    const form = negotiate(req.accept, true);
    const page = await this.list(namespace, req.query);
    const body = renderList(rt, page.items, { resourceVersion: page.resourceVersion, continue: page.continue }, form, now, req.query.includeObject as string | undefined);
    return { table: form.as === 'Table', body };
  }

  /**
   * One revision with the whole object at that version. A revision of a namespaced object is read under its
   * namespace; one of a cluster-scoped object (node, namespace, …) under the group version root.
   */
  private async revision(namespace: string | undefined, name: string): Promise<KubeObject> {
    const notFound = new NotFoundError(HISTORY_GROUP, 'revisions', name);
    if (!/^[1-9][0-9]*$/.test(name) || !Number.isSafeInteger(Number(name))) throw notFound;
    const rv = Number(name);
    const event = await this.history.at(rv);
    if (!event) {
      const { compacted } = await this.store.logBounds();
      if (rv <= compacted) throw new ExpiredError(`too old resource version: ${rv} (${compacted})`);
      throw notFound;
    }
    if (event.namespace !== (namespace ?? '')) throw notFound;
    return toRevision(event, { includeObject: true });
  }

  private async list(namespace: string | undefined, query: Record<string, unknown>): Promise<{ items: KubeObject[]; resourceVersion: string; continue?: string }> {
    const options = parseHistoryListOptions(this.registry, query);
    const limit = options.limit > 0 ? options.limit : Number.POSITIVE_INFINITY;
    const filter = { group: options.group, resource: options.resource, namespace, name: options.name };
    let upto = options.continueFrom?.upto;
    let after = options.continueFrom?.after;
    const items: KubeObject[] = [];
    for (;;) {
      const page = await this.history.list({ ...filter, after, upto, limit: SCAN });
      const snapshot = upto ?? page.resourceVersion;
      upto = snapshot;
      for (const event of page.events) {
        const revision = toRevision(event);
        after = event.resourceVersion;
        if (!options.matches(revision)) continue;
        items.push(revision);
        if (items.length >= limit) {
          const more = page.events.length === SCAN || event !== page.events[page.events.length - 1];
          return { items, resourceVersion: String(snapshot), continue: more ? encodeHistoryContinue({ upto: snapshot, after: event.resourceVersion }) : undefined };
        }
      }
      if (page.events.length < SCAN) return { items, resourceVersion: String(snapshot) };
    }
  }
}

/** `[namespaces/<ns>/]revisions[/<name>]`, optionally after a `watch/` prefix; anything else is a 404. */
function parsePath(path: string): { namespace?: string; name?: string; watch: boolean } {
  let parts = path.split('/').filter((p) => p.length > 0).map(decodeURIComponent);
  const watch = parts[0] === 'watch';
  if (watch) parts = parts.slice(1);
  let namespace: string | undefined;
  if (parts[0] === 'namespaces' && parts.length >= 3) {
    namespace = parts[1];
    parts = parts.slice(2);
  }
  if (parts[0] !== 'revisions' || parts.length > 2) {
    throw new StatusError(404, 'NotFound', 'the server could not find the requested resource', {});
  }
  return { namespace, name: parts[1], watch };
}

