import type { Request } from 'express';
import { StatusError, type Status } from '@flotilla/domain';
import type { EventStore } from '@flotilla/persistence';
import type { WebSocket } from 'ws';
import { negotiate } from '../request/content-negotiation';
import { parseListOptions } from '../resources/list-options';
import type { UserInfo } from '../resources/request-context';
import { ResourceNotFoundError, type ResourceService } from '../resources/resource.service';
import type { WatchHandle, WatchSink, WatchStreamer } from '../resources/watch-streamer';
import { closeSlowConsumer, sendIfOpen } from './socket-close';
import { statusOf } from './upgrade-response';
import { subscriptionTarget, type ControlMessage, type InvalidMessage, type SubscribeMessage } from './watch-multiplex.messages';
import { assertWatchable } from './watch-preflight';

/** More subscriptions than this on one socket are refused: each costs a hub subscriber and timers. */
export const MAX_SUBSCRIPTIONS = 256;

export interface MultiplexDeps {
  resources: ResourceService;
  streamer: WatchStreamer;
  store: EventStore;
}

interface Subscription {
  /** Undefined while the watch is still starting (reading its initial list). */
  handle?: WatchHandle;
  /** Set when the client unsubscribed before the watch had started. */
  cancelled: boolean;
}

/**
 * One multiplexed watch socket: any number of subscriptions, each a `WatchStreamer` watch with its own sink that
 * tags events with the subscription id. The socket's send buffer is shared, so a slow reader closes the socket as
 * a whole.
 */
export class MultiplexSession {
  private readonly subscriptions = new Map<string, Subscription>();
  private closed = false;

  constructor(
    private readonly ws: WebSocket,
    private readonly user: UserInfo,
    private readonly deps: MultiplexDeps,
  ) {}

  get size(): number {
    return this.subscriptions.size;
  }

  async subscribe(m: SubscribeMessage): Promise<void> {
    if (this.closed) return;
    if (this.subscriptions.has(m.id)) {
      return this.reject(m.id, new StatusError(409, 'AlreadyExists', `subscription "${m.id}" already exists`));
    }
    if (this.subscriptions.size >= MAX_SUBSCRIPTIONS) {
      return this.reject(m.id, new StatusError(429, 'TooManyRequests', `too many subscriptions on this socket (at most ${MAX_SUBSCRIPTIONS})`));
    }
    const sub: Subscription = { cancelled: false };
    this.subscriptions.set(m.id, sub);
    try {
      const { path, query } = subscriptionTarget(m);
      const like = { method: 'GET', path, query, headers: {}, body: undefined } as unknown as Request;
      const ctx = this.deps.resources.context(like, this.user);
      if (!ctx) throw new ResourceNotFoundError();
      const options = parseListOptions(ctx.rt, ctx.query, ctx.info.name);
      await assertWatchable(this.deps.store, options);
      if (sub.cancelled || this.closed) {
        if (this.forget(m.id, sub) && !this.closed) this.control({ id: m.id, op: 'ended', reason: 'unsubscribed' });
        return;
      }
      sub.handle = await this.deps.streamer.open(ctx, options, negotiate(undefined, false), this.sink(m.id, sub));
      if (sub.cancelled || this.closed) sub.handle.close();
    } catch (error) {
      if (this.subscriptions.get(m.id) !== sub) return;
      this.subscriptions.delete(m.id);
      if (sub.cancelled) return this.control({ id: m.id, op: 'ended', reason: 'unsubscribed' });
      this.event(m.id, JSON.stringify({ type: 'ERROR', object: statusOf(error) }));
      this.control({ id: m.id, op: 'ended', reason: 'error' });
    }
  }

  unsubscribe(id: string): void {
    const sub = this.subscriptions.get(id);
    if (!sub || sub.cancelled) return this.reject(id, new StatusError(404, 'NotFound', `subscription "${id}" not found`));
    sub.cancelled = true;
    sub.handle?.close();
  }

  invalid(m: InvalidMessage): void {
    this.reject(m.id, m.error);
  }

  /** The socket is gone: stop every watch without telling anyone. */
  close(): void {
    this.closed = true;
    for (const sub of this.subscriptions.values()) {
      sub.cancelled = true;
      sub.handle?.close();
    }
    this.subscriptions.clear();
  }

  private sink(id: string, sub: Subscription): WatchSink {
    return {
      begin: () => this.control({ id, op: 'subscribed' }),
      write: (message) => this.event(id, message.json),
      buffered: () => this.ws.bufferedAmount,
      end: (reason) => {
        if (reason === 'slow-consumer') closeSlowConsumer(this.ws);
        if (!this.forget(id, sub) || this.closed) return;
        const why = sub.cancelled || (reason !== 'timeout' && reason !== 'error') ? 'unsubscribed' : reason;
        this.control({ id, op: 'ended', reason: why });
      },
      // The gateway closes the session, and with it every watch, when the socket goes.
      onPeerClose: () => undefined,
    };
  }

  /** Removes the subscription if it is still the one registered under `id`. */
  private forget(id: string, sub: Subscription): boolean {
    if (this.subscriptions.get(id) !== sub) return false;
    this.subscriptions.delete(id);
    return true;
  }

  /** A watch event of one subscription: the streamer's `{"type",…}` JSON with the id put first. */
  private event(id: string, json: string): void {
    sendIfOpen(this.ws, `{"id":${JSON.stringify(id)},${json.slice(1)}`);
  }

  private control(message: ControlMessage): void {
    sendIfOpen(this.ws, JSON.stringify(message));
  }

  private reject(id: string | undefined, error: unknown): void {
    const status: Status = statusOf(error);
    this.control(id === undefined ? { op: 'rejected', status } : { id, op: 'rejected', status });
  }
}
