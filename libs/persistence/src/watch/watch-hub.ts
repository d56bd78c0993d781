import type { EventStore } from '../event-store/event-store';
import type { StoredEvent } from '../event-store/event-store.types';
import type { LogTailer } from './log-tailer';

export interface WatchRequest {
  group: string;
  resource: string;
  /** Undefined: all namespaces. */
  namespace?: string;
  /** Deliver every event with a resourceVersion strictly greater than this one. */
  fromResourceVersion: number;
  onEvent(event: StoredEvent): void;
  /** Called once if the watch cannot continue (e.g. 410 Expired when replaying a compacted range). */
  onError(error: unknown): void;
}

export interface WatchSubscription {
  close(): void;
}

interface Subscriber {
  request: WatchRequest;
  /** Live events that arrived while the subscriber was still replaying from the log. */
  buffer: StoredEvent[] | null;
  closed: boolean;
}

const resourceKey = (group: string, resource: string) => `${group}/${resource}`;

/**
 * Fans the tailer's events out to watchers in memory. A watcher that starts behind the tailer is first replayed
 * from the log (registered before the replay query, so no event falls between replay and live delivery), then
 * switched to live events. Watchers never query Postgres once live.
 */
export class WatchHub {
  private readonly byResource = new Map<string, Set<Subscriber>>();
  private readonly detach: () => void;

  constructor(
    private readonly tailer: LogTailer,
    private readonly store: EventStore,
  ) {
    this.detach = tailer.onEvents((events) => this.dispatch(events));
  }

  get resourceVersion(): number {
    return this.tailer.resourceVersion;
  }

  get watcherCount(): number {
    let n = 0;
    for (const s of this.byResource.values()) n += s.size;
    return n;
  }

  stop(): void {
    this.detach();
    this.byResource.clear();
  }

  subscribe(request: WatchRequest): WatchSubscription {
    const key = resourceKey(request.group, request.resource);
    const upto = this.tailer.resourceVersion;
    const subscriber: Subscriber = { request, buffer: request.fromResourceVersion < upto ? [] : null, closed: false };
    let set = this.byResource.get(key);
    if (!set) this.byResource.set(key, (set = new Set()));
    set.add(subscriber);
    const close = () => {
      subscriber.closed = true;
      const s = this.byResource.get(key);
      s?.delete(subscriber);
      if (s?.size === 0) this.byResource.delete(key);
    };
    if (subscriber.buffer) void this.replay(subscriber, upto, close);
    return { close };
  }

  private async replay(subscriber: Subscriber, upto: number, close: () => void): Promise<void> {
    const { request } = subscriber;
    try {
      await this.store.assertReadable(request.fromResourceVersion);
      let after = request.fromResourceVersion;
      while (after < upto && !subscriber.closed) {
        const events = await this.store.readEvents(after, { uptoRv: upto, group: request.group, resource: request.resource, limit: 1000 });
        if (events.length === 0) break;
        for (const e of events) this.deliver(subscriber, e);
        after = events[events.length - 1].resourceVersion;
        if (events.length < 1000) break;
      }
      const buffered = subscriber.buffer ?? [];
      subscriber.buffer = null;
      for (const e of buffered) this.deliver(subscriber, e);
    } catch (error) {
      close();
      request.onError(error);
    }
  }

  private dispatch(events: StoredEvent[]): void {
    for (const event of events) {
      const set = this.byResource.get(resourceKey(event.group, event.resource));
      if (!set) continue;
      for (const s of set) {
        if (s.buffer) s.buffer.push(event);
        else this.deliver(s, event);
      }
    }
  }

  private deliver(s: Subscriber, event: StoredEvent): void {
    if (s.closed || event.resourceVersion <= s.request.fromResourceVersion) return;
    if (s.request.namespace !== undefined && s.request.namespace !== event.namespace) return;
    try {
      s.request.onEvent(event);
    } catch (error) {
      s.closed = true;
      s.request.onError(error);
    }
  }
}
