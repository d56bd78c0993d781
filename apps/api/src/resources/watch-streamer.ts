import type { Request, Response } from 'express';
import { isStatusError, InternalError, type KubeObject } from '@flotilla/domain';
import type { StoredEvent, WatchHub } from '@flotilla/persistence';
import type { ResponseForm } from '../request/content-negotiation';
import type { ListOptions } from './list-options';
import { renderObject } from './renderer';
import type { RequestContext } from './request-context';
import type { ResourceReader } from './resource-reader';

type WatchType = 'ADDED' | 'MODIFIED' | 'DELETED' | 'BOOKMARK' | 'ERROR';

/** A watcher that falls this far behind (bytes queued in the socket) is dropped rather than buffered without bound. */
const MAX_BUFFERED_BYTES = 16 * 1024 * 1024;
const BOOKMARK_INTERVAL_MS = 60_000;
/** kube-apiserver picks a timeout in [min-request-timeout, 2×) for watches without timeoutSeconds. */
const DEFAULT_MIN_TIMEOUT_S = 1800;

export interface WatchHooks {
  onOpen?(): void;
  onClose?(): void;
}

/** Serves `?watch=true` as newline-delimited JSON over chunked HTTP. */
export class WatchStreamer {
  constructor(
    private readonly hub: WatchHub,
    private readonly reader: ResourceReader,
    private readonly hooks: WatchHooks = {},
  ) {}

  async serve(ctx: RequestContext, options: ListOptions, form: ResponseForm, req: Request, res: Response): Promise<void> {
    const { rt } = ctx;
    const rv = options.resourceVersion;
    const initial = options.sendInitialEvents ?? (rv === undefined || rv === '0');
    let from: number;
    let initialItems: KubeObject[] = [];
    if (initial) {
      const list = await this.reader.list(ctx, { ...options, limit: 0, continueFrom: undefined, resourceVersionMatch: undefined, resourceVersion: undefined });
      initialItems = list.items;
      from = Number(list.resourceVersion);
    } else {
      from = Number(rv);
    }

    res.status(200);
    res.setHeader('Content-Type', 'application/json');
    res.setHeader('Cache-Control', 'no-cache, private');
    res.flushHeaders();

    let closed = false;
    let lastRv = from;
    const known = new Set<string>();
    const keyOf = (o: KubeObject) => `${o.metadata.namespace ?? ''}/${o.metadata.name}`;
    const now = () => new Date();
    const send = (type: WatchType, object: unknown) => {
      if (closed) return;
      if (res.writableLength > MAX_BUFFERED_BYTES) {
        finish();
        return;
      }
      res.write(JSON.stringify({ type, object }) + '\n');
    };
    const sendObject = (type: WatchType, obj: KubeObject) => send(type, renderObject(rt, obj, form, now(), options.includeObject));
    const bookmark = (annotations?: Record<string, string>) =>
      send('BOOKMARK', {
        kind: rt.kind,
        apiVersion: rt.group ? `${rt.group}/${rt.version}` : rt.version,
        metadata: annotations ? { resourceVersion: String(lastRv), annotations } : { resourceVersion: String(lastRv) },
      });

    const timers: NodeJS.Timeout[] = [];
    const subscription: { current?: { close(): void } } = {};
    const finish = () => {
      if (closed) return;
      closed = true;
      timers.forEach((t) => clearTimeout(t));
      subscription.current?.close();
      this.hooks.onClose?.();
      res.end();
    };
    req.on('close', finish);
    this.hooks.onOpen?.();

    for (const obj of initialItems) {
      known.add(keyOf(obj));
      sendObject('ADDED', obj);
    }
    if (options.sendInitialEvents && options.allowWatchBookmarks) bookmark({ 'k8s.io/initial-events-end': 'true' });

    const onEvent = (event: StoredEvent) => {
      lastRv = event.resourceVersion;
      const obj = event.object;
      const k = keyOf(obj);
      if (event.type === 'DELETED') {
        if (options.matches(obj) || known.has(k)) sendObject('DELETED', obj);
        known.delete(k);
        return;
      }
      if (options.matches(obj)) {
        // With the initial state sent, an object this watcher has not seen yet (it just started matching) is new to it.
        const type = event.type === 'ADDED' || (initial && !known.has(k)) ? 'ADDED' : 'MODIFIED';
        sendObject(type, obj);
        known.add(k);
      } else if (known.has(k)) {
        // It stopped matching the selector: for this watcher it is gone.
        known.delete(k);
        sendObject('DELETED', obj);
      }
    };
    subscription.current = this.hub.subscribe({
      group: rt.group,
      resource: rt.plural,
      namespace: rt.namespaced ? ctx.info.namespace : undefined,
      fromResourceVersion: from,
      onEvent,
      onError: (error) => {
        send('ERROR', (isStatusError(error) ? error : new InternalError(String(error))).toStatus());
        finish();
      },
    });

    const timeoutS = options.timeoutSeconds ?? DEFAULT_MIN_TIMEOUT_S * (1 + Math.random());
    timers.push(setTimeout(finish, timeoutS * 1000));
    if (options.allowWatchBookmarks) {
      const tick = () => {
        if (closed) return;
        bookmark();
        timers.push(setTimeout(tick, BOOKMARK_INTERVAL_MS));
      };
      timers.push(setTimeout(tick, BOOKMARK_INTERVAL_MS));
    }
  }
}
