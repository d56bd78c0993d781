import { Client } from 'pg';
import { EVENTS_CHANNEL, type EventStore } from '../event-store/event-store';
import type { StoredEvent } from '../event-store/event-store.types';

/** Most undelivered local batches held; past this they are dropped and read back from the log instead. */
const MAX_LOCAL_BATCHES = 1024;

export interface LogTailerOptions {
  /** Safety-net poll when no NOTIFY arrives (a lost connection, a missed notification). */
  pollIntervalMs?: number;
  batchSize?: number;
  onError?(error: unknown): void;
}

/**
 * Follows the event log from one position on, once per process: woken by LISTEN/NOTIFY, with a poll as safety net.
 * Reads `resource_version > position` in order; commits are serialised by the log lock, so what it reads has no gaps.
 * A lost LISTEN connection is re-opened with back-off; reading resumes from the last position, so nothing is missed.
 *
 * This process's own commits are handed over as they commit (`committed`) and delivered from memory when they start
 * exactly at the current position: only other processes' events are read back from Postgres (docs/decisions.md D14).
 */
export class LogTailer {
  private position = 0;
  private listener?: Client;
  private pollTimer?: NodeJS.Timeout;
  private reconnectTimer?: NodeJS.Timeout;
  private pumping = false;
  /** The log may hold events past the position that no local batch covers: read it. */
  private readWanted = false;
  private stopped = false;
  private readonly subscribers = new Set<(events: StoredEvent[]) => void>();
  /** This process's committed batches not yet delivered, by the resourceVersion each follows. */
  private readonly local = new Map<number, StoredEvent[]>();
  private readonly pollIntervalMs: number;
  private readonly batchSize: number;

  constructor(
    private readonly store: EventStore,
    private readonly databaseUrl: string,
    private readonly options: LogTailerOptions = {},
  ) {
    this.pollIntervalMs = options.pollIntervalMs ?? 1000;
    this.batchSize = options.batchSize ?? 1000;
  }

  /** The last resourceVersion delivered to subscribers. */
  get resourceVersion(): number {
    return this.position;
  }

  /** Starts at `from` (default: the current end of the log). */
  async start(from?: number): Promise<void> {
    this.position = from ?? (await this.store.currentResourceVersion());
    await this.connect();
    this.pollTimer = setInterval(() => this.kick(), this.pollIntervalMs);
    this.pollTimer.unref();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.pollTimer);
    clearTimeout(this.reconnectTimer);
    const listener = this.listener;
    this.listener = undefined;
    await listener?.end().catch(() => undefined);
  }

  onEvents(subscriber: (events: StoredEvent[]) => void): () => void {
    this.subscribers.add(subscriber);
    return () => this.subscribers.delete(subscriber);
  }

  /** A batch this process committed: events `after + 1 …`, delivered from memory when the tailer gets there. */
  committed(after: number, events: StoredEvent[]): void {
    if (this.stopped || events.length === 0) return;
    // A tailer that cannot catch up (Postgres unreachable) reads these back later instead of holding them all.
    if (this.local.size >= MAX_LOCAL_BATCHES) this.local.clear();
    this.local.set(after, events);
    this.pumpSoon();
  }

  /** Reads whatever the log has past the current position. */
  kick(): void {
    this.readWanted = true;
    this.pumpSoon();
  }

  private pumpSoon(): void {
    if (this.stopped || this.pumping) return; // a running pump checks again after each read
    this.pumping = true;
    void this.pump();
  }

  /** Resolves once everything up to `resourceVersion` has been delivered. */
  async waitFor(resourceVersion: number, timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (this.position < resourceVersion) {
      if (Date.now() > deadline) throw new Error(`log tailer did not reach ${resourceVersion} (at ${this.position})`);
      this.kick();
      await new Promise((r) => setTimeout(r, 5));
    }
  }

  private async pump(): Promise<void> {
    try {
      while (!this.stopped) {
        const events = this.takeLocal() ?? (this.readWanted ? await this.read() : undefined);
        if (events === undefined) break;
        if (events.length === 0) continue;
        this.position = events[events.length - 1].resourceVersion;
        for (const s of this.subscribers) s(events);
      }
    } catch (error) {
      this.options.onError?.(error);
    } finally {
      this.pumping = false;
    }
  }

  /**
   * A NOTIFY: `<last resourceVersion> <batch name>`. Nothing to read when the tailer is already there, or when the
   * batch is this process's own: `committed` hands it over as soon as the store sees its commit.
   */
  private notified(payload: string): void {
    const [last, batch] = payload.split(' ');
    if (Number(last) <= this.position || (batch !== undefined && this.store.ownsBatch(batch))) return;
    this.kick();
  }

  /** The events past the position, a page at a time (a full page asks for the next). */
  private async read(): Promise<StoredEvent[]> {
    this.readWanted = false;
    const events = await this.store.readEvents(this.position, { limit: this.batchSize });
    if (events.length === this.batchSize) this.readWanted = true;
    return events;
  }

  /** The local batch that starts right after the current position, if any; drops those already passed. */
  private takeLocal(): StoredEvent[] | undefined {
    if (this.local.size === 0) return undefined;
    const next = this.local.get(this.position);
    for (const after of this.local.keys()) if (after <= this.position) this.local.delete(after);
    return next;
  }

  private async connect(attempt = 0): Promise<void> {
    if (this.stopped) return;
    const client = new Client({ connectionString: this.databaseUrl });
    const retry = () => {
      if (this.listener !== client || this.stopped) return;
      this.listener = undefined;
      const delay = Math.min(100 * 2 ** attempt, 5000);
      this.reconnectTimer = setTimeout(() => void this.connect(attempt + 1), delay);
      this.reconnectTimer.unref();
    };
    client.on('error', (e) => {
      this.options.onError?.(e);
      retry();
    });
    client.on('end', retry);
    client.on('notification', (n) => this.notified(n.payload ?? ''));
    this.listener = client;
    try {
      await client.connect();
      await client.query(`LISTEN ${EVENTS_CHANNEL}`);
      attempt = 0;
      this.kick(); // catch up on whatever was committed while we were not listening
    } catch (error) {
      this.options.onError?.(error);
      await client.end().catch(() => undefined);
      retry();
    }
  }
}
