import type { IncomingMessage, ServerResponse } from 'node:http';
import { isStatusError, InternalError, jsonText, type KubeObject } from '@flotilla/domain';
import type { StoredEvent, WatchHub } from '@flotilla/persistence';
import type { ResponseForm } from '../request/content-negotiation';
import type { ListOptions } from './list-options';
import { httpChunk, httpChunkOf, WatchMessage } from './watch-message';
import { renderObject } from './renderer';
import type { RequestContext } from './request-context';
import type { ResourceReader } from './resource-reader';

export type WatchEventType = 'ADDED' | 'MODIFIED' | 'DELETED' | 'BOOKMARK' | 'ERROR';

/** A watcher that falls this far behind (bytes queued) is dropped rather than buffered without bound. */
export const MAX_BUFFERED_BYTES = 16 * 1024 * 1024;
const BOOKMARK_INTERVAL_MS = 60_000;
/** kube-apiserver picks a timeout in [min-request-timeout, 2×) for watches without timeoutSeconds. */
const DEFAULT_MIN_TIMEOUT_S = 1800;

export interface WatchHooks {
  onOpen?(): void;
  onClose?(): void;
  /** kube-apiserver's --min-request-timeout: watches without timeoutSeconds end after [this, 2×this) seconds. */
  minTimeoutSeconds?: number;
}

/** Where a watch's events go: a chunked HTTP response, a WebSocket, or one subscription of a multiplexed socket. */
export interface WatchSink {
  /** The stream is accepted (HTTP sends its 200 headers here). */
  begin(): void;
  /** One watch event, already serialised (shared with every watcher that sends the same bytes). */
  write(message: WatchMessage): void;
  /** Bytes accepted but not yet sent to the peer. */
  buffered(): number;
  /** Ends the stream from the server side; `reason` says why when it is not a normal end. */
  end(reason?: 'slow-consumer' | 'timeout' | 'error' | 'done'): void;
  /** Registers what to do when the peer goes away. */
  onPeerClose(handler: () => void): void;
}

/** A running watch; `close()` stops it from the server side (e.g. an unsubscribe). */
export interface WatchHandle {
  close(): void;
}

/** Serialising an event is the per-event cost of fan-out: do it once per event and type for plain-object watchers. */
const serialised = new WeakMap<StoredEvent, Map<WatchEventType, WatchMessage>>();

function serialiseShared(event: StoredEvent, type: WatchEventType): WatchMessage {
  let byType = serialised.get(event);
  if (!byType) serialised.set(event, (byType = new Map()));
  let message = byType.get(type);
  // The same text as JSON.stringify({ type, object }), reusing the object's text when this replica stored it.
  if (message === undefined) byType.set(type, (message = new WatchMessage(`{"type":"${type}","object":${jsonText(event.object)}}`)));
  return message;
}

/**
 * Runs watches: the initial state (as synthetic ADDED events) when asked for, then the replica's watch hub from a
 * resourceVersion, with selector transitions, bookmarks, a timeout and slow-consumer protection. Transport-agnostic:
 * HTTP and WebSocket differ only in their `WatchSink`.
 */
export class WatchStreamer {
  constructor(
    private readonly hub: WatchHub,
    private readonly reader: ResourceReader,
    private readonly hooks: WatchHooks = {},
  ) {}

  /** `?watch=true` as newline-delimited JSON over chunked HTTP. */
  async serve(ctx: RequestContext, options: ListOptions, form: ResponseForm, req: IncomingMessage, res: ServerResponse): Promise<void> {
    await this.open(ctx, options, form, httpSink(req, res));
  }

  /**
   * Starts a watch into `sink`. Errors before the stream begins (bad resourceVersion, unreadable list) are thrown,
   * so the transport can answer them as a plain Status; later ones arrive as an ERROR event.
   */
  async open(ctx: RequestContext, options: ListOptions, form: ResponseForm, sink: WatchSink): Promise<WatchHandle> {
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
    sink.begin();

    let closed = false;
    let lastRv = from;
    const timers: NodeJS.Timeout[] = [];
    const subscription: { current?: { close(): void } } = {};
    const finish = (reason: Parameters<WatchSink['end']>[0] = 'done') => {
      if (closed) return;
      closed = true;
      timers.forEach((t) => clearTimeout(t));
      subscription.current?.close();
      this.hooks.onClose?.();
      sink.end(reason);
    };
    const write = (message: WatchMessage | string) => {
      if (closed) return;
      if (sink.buffered() > MAX_BUFFERED_BYTES) return finish('slow-consumer');
      sink.write(typeof message === 'string' ? new WatchMessage(message) : message);
    };
    const plain = form.as === 'object';
    const sendObject = (type: WatchEventType, obj: KubeObject) =>
      write(JSON.stringify({ type, object: renderObject(rt, obj, form, new Date(), options.includeObject) }));
    const bookmark = (annotations?: Record<string, string>) =>
      write(
        JSON.stringify({
          type: 'BOOKMARK',
          object: {
            kind: rt.kind,
            apiVersion: rt.group ? `${rt.group}/${rt.version}` : rt.version,
            metadata: annotations ? { resourceVersion: String(lastRv), annotations } : { resourceVersion: String(lastRv) },
          },
        }),
      );

    sink.onPeerClose(() => finish());
    this.hooks.onOpen?.();
    for (const obj of initialItems) sendObject('ADDED', obj);
    if (options.sendInitialEvents && options.allowWatchBookmarks) bookmark({ 'k8s.io/initial-events-end': 'true' });

    subscription.current = this.hub.subscribe({
      group: rt.group,
      resource: rt.plural,
      namespace: rt.namespaced ? ctx.info.namespace : undefined,
      fromResourceVersion: from,
      onEvent: (event) => {
        lastRv = event.resourceVersion;
        const type = watchEventType(event, options.matches);
        if (!type) return;
        if (plain) write(serialiseShared(event, type));
        else sendObject(type, event.object);
      },
      onError: (error) => {
        write(JSON.stringify({ type: 'ERROR', object: (isStatusError(error) ? error : new InternalError(String(error))).toStatus() }));
        finish('error');
      },
    });

    const timeoutS = options.timeoutSeconds ?? (this.hooks.minTimeoutSeconds ?? DEFAULT_MIN_TIMEOUT_S) * (1 + Math.random());
    timers.push(
      setTimeout(() => {
        // A last bookmark lets the client resume exactly where this stream ends.
        if (options.allowWatchBookmarks) bookmark();
        finish('timeout');
      }, timeoutS * 1000),
    );
    if (options.allowWatchBookmarks) {
      const tick = () => {
        if (closed) return;
        bookmark();
        timers.push(setTimeout(tick, BOOKMARK_INTERVAL_MS));
      };
      timers.push(setTimeout(tick, BOOKMARK_INTERVAL_MS));
    }
    return { close: () => finish() };
  }
}

/**
 * Chunked HTTP. Events written in the same tick (the hub hands over a whole batch at once) go out as one chunk: one
 * socket write (and TLS record) per watcher per batch. Once the 200 headers are on the socket and the response holds
 * nothing back, chunks are written straight to the socket; a lone event's chunk is the one its message built for
 * every HTTP watcher. `res.end()` still writes the last chunk, so the body stays well-formed either way.
 */
function httpSink(req: IncomingMessage, res: ServerResponse): WatchSink {
  let pending: WatchMessage[] = [];
  let pendingBytes = 0;
  const flush = () => {
    if (pending.length === 0 || res.writableEnded) return;
    const messages = pending;
    pending = [];
    pendingBytes = 0;
    const socket = res.socket;
    if (socket && res.headersSent && res.writableLength === socket.writableLength) {
      socket.write(messages.length === 1 ? httpChunkOf(messages[0]) : httpChunk(messages.map((m) => m.bytes())));
    } else {
      res.write(messages.length === 1 ? messages[0].bytes() : Buffer.concat(messages.map((m) => m.bytes())));
    }
  };
  return {
    begin() {
      res.statusCode = 200;
      res.setHeader('Content-Type', 'application/json');
      res.setHeader('Cache-Control', 'no-cache, private');
      res.flushHeaders();
    },
    write(message) {
      if (pending.length === 0) process.nextTick(flush);
      pending.push(message);
      pendingBytes += message.json.length;
    },
    buffered: () => res.writableLength + pendingBytes,
    end() {
      flush();
      res.end();
    },
    onPeerClose: (handler) => void req.on('close', handler),
  };
}

/**
 * What an event is for a watcher with a selector, from the object before and after it, as kube-apiserver's watch
 * cache decides: an object that starts matching is ADDED, one that stops matching is DELETED (with its new state),
 * and changes outside the selection are not sent. Undefined: nothing to send.
 */
export function watchEventType(event: StoredEvent, matches: (obj: KubeObject) => boolean): 'ADDED' | 'MODIFIED' | 'DELETED' | undefined {
  if (event.type === 'DELETED') return matches(event.object) ? 'DELETED' : undefined;
  const now = matches(event.object);
  const before = event.prevObject !== null && matches(event.prevObject);
  if (now && before) return 'MODIFIED';
  if (now) return 'ADDED';
  if (before) return 'DELETED';
  return undefined;
}
