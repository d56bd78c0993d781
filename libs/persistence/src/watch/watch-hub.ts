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

/** The watchers of one resource: those of all namespaces, and those of each namespace (so dispatch skips the rest). */
interface ResourceWatchers {
  all: Set<Subscriber>;
  byNamespace: Map<string, Set<Subscriber>>;
}

/**
 * Fans the tailer's events out to watchers in memory. A watcher that starts behind the tailer is first replayed
 * from the log (registered before the replay query, so no event falls between replay and live delivery), then
 * switched to live events. Watchers never query Postgres once live.
 */
export class WatchHub {
  private readonly byResource = new Map<string, ResourceWatchers>();
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
    for (const w of this.byResource.values()) {
      n += w.all.size;
      for (const s of w.byNamespace.values()) n += s.size;
    }
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
    let watchers = this.byResource.get(key);
    if (!watchers) this.byResource.set(key, (watchers = { all: new Set(), byNamespace: new Map() }));
    const ns = request.namespace;
    let set = ns === undefined ? watchers.all : watchers.byNamespace.get(ns);
    if (!set) watchers.byNamespace.set(ns as string, (set = new Set()));
    set.add(subscriber);
    const close = () => {
      subscriber.closed = true;
      const w = this.byResource.get(key);
      if (!w) return;
      if (ns === undefined) w.all.delete(subscriber);
      else {
        const nsSet = w.byNamespace.get(ns);
        nsSet?.delete(subscriber);
        if (nsSet?.size === 0) w.byNamespace.delete(ns);
      }
      if (w.all.size === 0 && w.byNamespace.size === 0) this.byResource.delete(key);
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
      const watchers = this.byResource.get(resourceKey(event.group, event.resource));
      if (!watchers) continue;
      const inNamespace = watchers.byNamespace.get(event.namespace);
      for (const set of inNamespace ? [watchers.all, inNamespace] : [watchers.all]) {
        for (const s of set) {
          if (s.buffer) s.buffer.push(event);
          else this.deliver(s, event);
        }
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
