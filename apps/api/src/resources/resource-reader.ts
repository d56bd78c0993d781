import { NotFoundError, StatusError, type KubeObject, type ObjectKey } from '@flotilla/domain';
import type { EventStore, ListPage, ListQuery, TextListPage } from '@flotilla/persistence';
import { exactReadVersion } from '../history/exact-read';
import { continueExpired, encodeContinue, type ListOptions } from './list-options';
import type { RequestContext } from './request-context';
import { scaleOf } from './scale';

export interface ListResult<T = KubeObject> {
  items: T[];
  resourceVersion: string;
  continue?: string;
}

/** Most rows per store read. */
const SCAN = 2000;

interface PageSource<P> {
  current(q: ListQuery): Promise<P>;
  at(q: ListQuery, resourceVersion: number): Promise<P>;
}

/** Reads: single objects (and their status/scale views) and lists with paging and selectors. */
export class ResourceReader {
  constructor(private readonly store: EventStore) {}

  async get(ctx: RequestContext, key: ObjectKey): Promise<KubeObject> {
    const { rt } = ctx;
    const exact = exactReadVersion(ctx.query);
    const obj = exact === undefined ? await this.store.get(key) : await this.store.getAt(key, exact);
    if (!obj) throw new NotFoundError(rt.group, rt.plural, key.name);
    if (ctx.info.subresource === 'scale') {
      if (!rt.scale) throw new NotFoundError(rt.group, `${rt.plural}/scale`, key.name);
      return scaleOf(rt, obj);
    }
    return obj;
  }

  /**
   * A list page: `limit` matching items (0 = all), read from the current state on the first page and at the first
   * page's resourceVersion on continued pages, so that every page is consistent with the first.
   */
  list(ctx: RequestContext, options: ListOptions): Promise<ListResult> {
    return this.collect(ctx, options, { current: (q) => this.store.list(q), at: (q, rv) => this.store.listAt(q, rv) }, options.matches);
  }

  /** `list` with the objects as their stored JSON texts, for lists without selectors. */
  listText(ctx: RequestContext, options: ListOptions): Promise<ListResult<string>> {
    return this.collect(ctx, options, { current: (q) => this.store.listText(q), at: (q, rv) => this.store.listTextAt(q, rv) }, () => true);
  }

  private async collect<T>(ctx: RequestContext, options: ListOptions, source: PageSource<ListPage | TextListPage>, matches: (obj: T) => boolean): Promise<ListResult<T>> {
    const { rt, info } = ctx;
    const base = { group: rt.group, resource: rt.plural, namespace: rt.namespaced ? info.namespace : undefined };
    const limit = options.limit > 0 ? options.limit : Number.POSITIVE_INFINITY;
    let at: number | undefined;
    let after = options.continueFrom ? { namespace: options.continueFrom.namespace, name: options.continueFrom.name } : undefined;
    if (options.continueFrom) at = options.continueFrom.resourceVersion;
    else if (options.resourceVersion && options.resourceVersionMatch === 'Exact') at = Number(options.resourceVersion);

    const items: T[] = [];
    let resourceVersion: number | undefined = at;
    for (;;) {
      const want = Math.min(SCAN, Number.isFinite(limit) ? Math.max(limit - items.length, 1) : SCAN);
      let page: ListPage | TextListPage;
      try {
        page = at !== undefined ? await source.at({ ...base, after, limit: want }, at) : await source.current({ ...base, after, limit: want });
      } catch (e) {
        if (options.continueFrom && (e as { code?: number }).code === 410) throw continueExpired();
        throw e;
      }
      // Later pages of this request read at the first page's position, so the whole answer is one snapshot.
      if (at === undefined) {
        at = page.resourceVersion;
        if (options.resourceVersion && Number(options.resourceVersion) > at) throw tooLarge(Number(options.resourceVersion), at);
      }
      resourceVersion ??= page.resourceVersion;
      for (const obj of page.items as T[]) if (matches(obj)) items.push(obj);
      if (!page.next) return { items, resourceVersion: String(resourceVersion) };
      after = page.next;
      if (items.length >= limit) {
        return { items, resourceVersion: String(resourceVersion), continue: encodeContinue(resourceVersion, after.namespace, after.name) };
      }
    }
  }
}

/** A read "not older than" a resourceVersion the log has not reached: kube-apiserver's 504 with a retry hint. */
function tooLarge(requested: number, current: number): StatusError {
  return new StatusError(504, 'Timeout', `Too large resource version: ${requested}, current: ${current}`, {
    causes: [{ reason: 'ResourceVersionTooLarge', message: 'Too large resource version' }],
    retryAfterSeconds: 1,
  });
}
