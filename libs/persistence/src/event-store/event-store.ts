import { randomUUID } from 'node:crypto';
import { CompiledQuery, sql, type Kysely } from 'kysely';
import { ExpiredError, InternalError, type KubeObject, type ObjectKey, StatusError, storedJsonText } from '@flotilla/domain';
import { PipelinedClient } from '../pipelined-client';
import type { DB } from '../schema';
import type { EventType, ListPage, ListQuery, StoredEvent, WriteRequest, WriteResult } from './event-store.types';
import { EVENTS_WITH_PREVIOUS, toStoredEvent, type EventRow } from './event-row';
import { keyString, keysOf, keyTuple, planBatch, relocate, settleAll, settleOutcomes, writesOf, type BatchPlan, type Outcome, type PendingWrite } from './batch-plan';

export const EVENTS_CHANNEL = 'flotilla_events';

/** One batch's append: events, projection, `log_state` and NOTIFY in one statement (the function is in migrations/). */
const APPEND_SQL = `SELECT flotilla_append_batch($1::bigint, $2::text, $3::text, $4::text[], $5::text[], $6::text[], $7::text[],
  $8::text[], $9::text[], $10::bytea, $11::integer[], $12::integer[], $13::text[], $14::text[], $15::bigint[], $16::bigint[],
  $17::bigint[], $18::text, $19::jsonb) AS last`;

/** Where the log ends: its last resourceVersion and the name of the batch that appended it. */
interface LogPosition {
  last: number;
  batch: string;
}

/** A batch sent on the chain: the position it was decided at, the one it leaves, and the state it writes by key. */
interface Link {
  from: LogPosition;
  to: LogPosition;
  writes: Map<string, KubeObject | null>;
  /** The link this one was decided after, until this one settles. */
  previous?: Link;
  /** Set when the batch did not append where it was decided: refused, failed, its assumptions did not hold, or it floated. */
  failed?: boolean;
}

/** What a batch decided without reading assumed, for Postgres to confirm under the lock (see `decideBlind`). */
interface Checks {
  /** [group, resource, namespace, name] of keys assumed absent. */
  absent: string[][];
  /** [group, resource, namespace, name, resourceVersion] of objects assumed stored as they were last seen. */
  stored: (string | number)[][];
  /** The batch follows no other batch of its store: the checks are all it assumed, so it may land wherever the log ends. */
  floating: boolean;
}

export interface EventStoreOptions {
  /** Most writes committed in one transaction. */
  maxBatch?: number;
  /** Most batches sent and not yet committed (each decided against the state the previous ones leave). */
  maxInFlight?: number;
  /**
   * Called after each committed batch with the events it appended (resourceVersions `after + 1 …`), so this
   * process's tailer can deliver them without reading them back.
   */
  onCommitted?(after: number, events: StoredEvent[]): void;
}

/** After losing an append to another writer, batches are decided under the lock for this long. */
const CONTENDED_MS = 1000;

/** Most requirement objects (namespaces) remembered for deciding writes without reading. */
const MAX_REMEMBERED = 10_000;

/** Most objects remembered as this store last wrote them, for updates decided without reading (D22). */
const MAX_WRITTEN = 4096;

/**
 * The event store: every write appends to `events` and updates `objects` in one transaction.
 *
 * Writes are group-committed: writes that arrive while a batch is being decided wait and go together into the next
 * batch. Each batch's transaction first locks the single `log_state` row, so transactions commit one after another in
 * resourceVersion order; a reader that sees resourceVersion N therefore also sees every position below N (no gaps,
 * see docs/decisions.md D1). One lock acquisition and one NOTIFY serve a whole batch. Batches are chained (D12): the
 * next batch is decided and sent while the previous ones commit, and appends only if the log ends with them.
 */
export class EventStore {
  private readonly pending: PendingWrite[] = [];
  /** Reads waiting for the next turn of the event loop, to be sent together. */
  private readonly reads: { key: ObjectKey; resolve(object: KubeObject | null): void; reject(error: unknown): void }[] = [];
  /** A batch is being read and decided (one at a time), or decided under the lock. */
  private planning = false;
  /** Optimistic batches sent and not yet settled, in log order: each was decided against the state its predecessor leaves. */
  private readonly chain: Link[] = [];
  private readonly drainWaiters: (() => void)[] = [];
  private readonly maxBatch: number;
  private readonly maxInFlight: number;
  private contendedUntil = 0;
  /** Names of this store's batches sent to Postgres and not yet handed to `onCommitted` (or failed). */
  private readonly inFlight = new Set<string>();
  /** Where the log ended at this store's latest read or append: a batch decided without reading appends after it. */
  private position?: LogPosition;
  /** The objects writes required (namespaces) as this store last read or wrote them, by key; absent ones are not kept. */
  private readonly remembered = new Map<string, KubeObject>();
  /** Objects as this store last committed them, by key (deleted ones are forgotten); may be stale. */
  private readonly written = new Map<string, KubeObject>();
  private readonly onCommitted?: (after: number, events: StoredEvent[]) => void;

  /**
   * `appends` is the connection this store's chained appends are pipelined on (D21): its own, not shared with another
   * store, so that the order they reach the log lock is the order this store sent them.
   */
  constructor(
    private readonly db: Kysely<DB>,
    private readonly appends: PipelinedClient,
    options: EventStoreOptions = {},
  ) {
    this.maxBatch = options.maxBatch ?? 256;
    this.maxInFlight = options.maxInFlight ?? 2;
    this.onCommitted = options.onCommitted;
  }

  write(request: WriteRequest): Promise<WriteResult> {
    return new Promise((resolve, reject) => {
      this.pending.push({ request, resolve, reject });
      this.pump();
    });
  }

  /** Whether `batch` (a name from the log's NOTIFY payload) is one of this store's, committed or committing but not yet handed to `onCommitted`. */
  ownsBatch(batch: string): boolean {
    return this.inFlight.has(batch);
  }

  /** Runs `decide` against the current state without writing anything (dryRun). */
  async dryRun(request: WriteRequest): Promise<WriteResult> {
    const { state } = await this.loadCurrent(this.db, keysOf([request]));
    const current = state.get(keyString(request.key)) ?? null;
    request.requires?.check(state.get(keyString(request.requires.key)) ?? null);
    const decision = request.decide(current);
    const rv = Number(current?.metadata.resourceVersion ?? 0);
    if (decision.action === 'none') return { type: 'NONE', object: decision.object, resourceVersion: rv };
    const type: EventType = decision.action === 'delete' ? 'DELETED' : current ? 'MODIFIED' : 'ADDED';
    return { type, object: decision.object, resourceVersion: rv };
  }

  /** Another writer moved the log within the last `CONTENDED_MS`. */
  private get contended(): boolean {
    return Date.now() < this.contendedUntil;
  }

  /**
   * Starts deciding the next batch when none is being decided and the chain has room. A chained batch's append waits
   * in Postgres' socket behind the one ahead and starts the moment it commits, which is worth smaller batches (D21).
   */
  private pump(startNow = false): void {
    // While another writer appends too, one batch at a time: see decideAndSend.
    const room = this.contended ? 1 : this.maxInFlight;
    if (this.planning || this.pending.length === 0 || this.chain.length >= room) return;
    this.planning = true;
    // Otherwise setImmediate, not a microtask: writes arriving in the same turn of the event loop join the batch.
    if (startNow) void this.nextBatch();
    else setImmediate(() => void this.nextBatch());
  }

  private async nextBatch(): Promise<void> {
    const batch = this.pending.splice(0, this.maxBatch);
    let sent: { settled: Promise<void> } | undefined;
    try {
      sent = await this.decideAndSend(batch);
    } catch (error) {
      settleAll(batch, error);
    } finally {
      this.planning = false;
      this.pump();
    }
    await sent?.settled;
  }

  /**
   * Reads the batch's keys and the log position in one snapshot and decides the batch, then sends its append and
   * returns (without waiting for the commit) so the next batch can be decided meanwhile. While earlier batches are
   * still committing, the batch is decided against the state they leave: the snapshot overlaid with their writes,
   * appended after the last of them. When another writer moved the log (or recently did), the batch waits for the
   * chain to settle and is decided under the lock instead.
   */
  private async decideAndSend(batch: PendingWrite[]): Promise<{ settled: Promise<void> } | undefined> {
    const requests = batch.map((p) => p.request);
    if (this.contended) {
      // Another writer moved the log lately, so a chained batch would likely be refused. A batch that qualifies to be
      // decided without reading still goes out on its own and floating: Postgres appends it after whatever landed
      // first and checks its assumptions there. Anything else is decided under the lock.
      const alone = this.chain.length === 0 ? this.decideBlind(requests, []) : undefined;
      if (alone) return this.send(batch, alone.from, alone.plan, [], alone.checks);
      await this.commitLocked(batch);
      return undefined;
    }
    const links = [...this.chain];
    const blind = this.decideBlind(requests, links);
    if (blind) return this.send(batch, blind.from, blind.plan, links, blind.checks);
    const { position, state } = await this.loadCurrent(this.db, keysOf(requests));
    this.remember(requests, state);
    this.advance(position);
    const known = links.length === 0 || samePosition(position, links[0].from) || links.some((l) => samePosition(position, l.to));
    if (!known) {
      this.contendedUntil = Date.now() + CONTENDED_MS;
      await this.commitLocked(batch);
      return undefined;
    }
    for (const link of links) for (const [k, obj] of link.writes) state.set(k, obj);
    const from = links.length > 0 ? links[links.length - 1].to : position;
    return this.send(batch, from, planBatch(requests, from.last, state), links);
  }

  /**
   * A batch decided without reading (D15): every write must say what it `expects`, and every object a write
   * requires must be one this store remembers (or one the chain writes). Each key is taken to be as its write
   * expects, and the required objects as remembered; Postgres confirms all of it when the batch appends. Undefined
   * when the batch does not qualify, or when any write would fail: a refusal is only ever decided on read state.
   */
  private decideBlind(requests: WriteRequest[], links: Link[]): { from: LogPosition; plan: BatchPlan; checks: Checks } | undefined {
    const from = links.at(-1)?.to ?? this.position;
    if (!from || !requests.every((r) => r.expects !== undefined)) return undefined;
    const state = new Map<string, KubeObject | null>();
    for (const link of links) for (const [k, obj] of link.writes) state.set(k, obj);
    const absent: string[][] = [];
    const stored: (string | number)[][] = [];
    for (const { key, expects } of requests) {
      const k = keyString(key);
      if (state.has(k)) continue;
      state.set(k, expects ?? null);
      if (expects) stored.push([...keyTuple(key), Number(expects.metadata.resourceVersion)]);
      else absent.push(keyTuple(key));
    }
    for (const { requires } of requests) {
      if (!requires) continue;
      const k = keyString(requires.key);
      if (state.has(k)) continue;
      const known = this.remembered.get(k);
      if (!known) return undefined;
      state.set(k, known);
      stored.push([...keyTuple(requires.key), Number(known.metadata.resourceVersion)]);
    }
    const plan = planBatch(requests, from.last, state);
    if (plan.events.length === 0 || plan.outcomes.some((o) => !o.ok)) return undefined;
    return { from, plan, checks: { absent, stored, floating: links.length === 0 } };
  }

  /** Puts a decided batch on the chain and sends its append; undefined when it writes nothing. */
  private send(batch: PendingWrite[], from: LogPosition, plan: BatchPlan, links: Link[], checks?: Checks): { settled: Promise<void> } | undefined {
    if (plan.events.length === 0) {
      settleOutcomes(batch, plan.outcomes);
      return undefined;
    }
    const link: Link = { from, to: { last: from.last + plan.events.length, batch: randomUUID() }, writes: writesOf(plan), previous: links.at(-1) };
    this.chain.push(link);
    // Wrapped: an async function would otherwise wait for the commit before returning.
    return { settled: this.settle(link, batch, plan, checks) };
  }

  /** Waits for a chained batch's append; a batch that could not append is decided again under the lock. */
  private async settle(link: Link, batch: PendingWrite[], plan: BatchPlan, checks?: Checks): Promise<void> {
    let appended: number | null;
    let failure: unknown;
    try {
      // One connection in pipeline mode: Postgres runs the appends in the order sent, and the next one is already
      // there when the one before it commits.
      appended = await this.append(this.appends, link.from, link.to.batch, plan, checks);
    } catch (error) {
      appended = null;
      failure = error;
    }
    const afterFailure = link.previous?.failed === true;
    link.previous = undefined;
    if (appended !== null && appended >= 0) {
      // A floating batch may have landed after another writer's batch instead of where it was decided.
      const landed = appended - plan.events.length;
      const placed = landed === link.from.last ? plan : relocate(plan, landed - link.from.last);
      if (placed !== plan) {
        link.failed = true; // whatever was decided after it assumed the old place
        // Another writer's batch landed first: chained batches would be refused while it goes on writing.
        this.contendedUntil = Date.now() + CONTENDED_MS;
      }
      this.advance({ last: appended, batch: link.to.batch });
      this.rememberWrites(placed);
      // The next batch goes out before these writes are answered: its append then overlaps the answers.
      this.unlink(link, true);
      settleOutcomes(batch, placed.outcomes);
      this.committed(landed, link.to.batch, placed);
      return;
    }
    this.unlink(link);
    link.failed = true;
    this.inFlight.delete(link.to.batch);
    // Refused (null) because the log no longer ends where the batch was decided: after a batch of its own chain that
    // did land, another writer moved it (contention); after one that failed or landed elsewhere, this store's own
    // chain did. Either way nothing was written, and the writes go back to the front of the queue to be decided again:
    // under contention, decideAndSend sends what it can floating, one batch at a time, and decides the rest under the
    // lock. Refused because its assumptions no longer held (-1), or failed with an error, the batch is decided on
    // stored state under the lock, which also isolates a bad write.
    if (failure === undefined && appended === null) {
      if (!afterFailure) this.contendedUntil = Date.now() + CONTENDED_MS;
      this.pending.unshift(...batch);
      this.pump(true);
      return;
    }
    await this.commitLocked(batch);
  }

  /** Notes a log position this store read or appended at, unless it already knows a later one. */
  private advance(position: LogPosition): void {
    if (!this.position || position.last >= this.position.last) this.position = position;
  }

  /** Keeps remembered objects (required ones, and those written) as a committed plan left them. */
  private rememberWrites(plan: BatchPlan): void {
    for (const e of plan.events) {
      const k = keyString(e.key);
      if (e.type === 'DELETED') {
        this.written.delete(k);
        this.remembered.delete(k);
        continue;
      }
      if (this.written.size >= MAX_WRITTEN && !this.written.has(k)) this.written.clear();
      this.written.set(k, e.object);
      if (this.remembered.has(k)) this.remembered.set(k, e.object);
    }
  }

  /**
   * A copy of the object as this store last committed it, if it remembers one. Another replica may have changed it
   * since: it is only for writes that say what they expect (`expects`), which Postgres refuses when the stored object
   * is no longer that one (D22). Never for answering reads.
   */
  lastWritten(key: ObjectKey): KubeObject | undefined {
    const object = this.written.get(keyString(key));
    // A copy: whoever decides against it may change it, and the remembered one is shared with the watch path.
    return object && (JSON.parse(storedJsonText(object)) as KubeObject);
  }

  /** Remembers the required objects `state` holds for `requests` (a read), forgetting those found absent. */
  private remember(requests: WriteRequest[], state: Map<string, KubeObject | null>): void {
    if (this.remembered.size >= MAX_REMEMBERED) this.remembered.clear();
    for (const { requires } of requests) {
      if (!requires) continue;
      const k = keyString(requires.key);
      const object = state.get(k);
      if (object) this.remembered.set(k, object);
      else this.remembered.delete(k);
    }
  }

  /** Decides and appends `batch` in one transaction holding the log lock (after the chain settled). */
  private async commitLocked(batch: PendingWrite[]): Promise<void> {
    await this.drained();
    const requests = batch.map((p) => p.request);
    let outcomes: Outcome[];
    let committed: { after: number; plan: BatchPlan } | undefined;
    const name = randomUUID();
    try {
      outcomes = await this.db.transaction().execute(async (tx) => {
        await sql`SELECT 1 FROM log_state WHERE id = 1 FOR UPDATE`.execute(tx);
        const { position, state } = await this.loadCurrent(tx, keysOf(requests));
        this.remember(requests, state);
        const plan = planBatch(requests, position.last, state);
        if (plan.events.length > 0) {
          const appended = await this.append(tx, position, name, plan);
          if (appended === null) throw new InternalError('the event log moved while locked');
          committed = { after: position.last, plan };
        } else this.advance(position);
        return plan.outcomes;
      });
    } catch (error) {
      this.inFlight.delete(name);
      if (batch.length === 1) return settleAll(batch, error);
      // One bad write (say, a value Postgres refuses) must not fail its neighbours: retry them one by one.
      for (const p of batch) await this.commitLocked([p]);
      return;
    }
    settleOutcomes(batch, outcomes);
    if (committed) {
      this.advance({ last: committed.after + committed.plan.events.length, batch: name });
      this.rememberWrites(committed.plan);
      this.committed(committed.after, name, committed.plan);
    }
  }

  /** Hands a committed plan's events to `onCommitted`, as the log now holds them. */
  private committed(after: number, name: string, plan: BatchPlan): void {
    this.inFlight.delete(name);
    if (!this.onCommitted) return;
    const time = new Date();
    this.onCommitted(
      after,
      plan.events.map((e, i) => ({
        resourceVersion: after + i + 1,
        type: e.type,
        group: e.key.group,
        resource: e.key.resource,
        namespace: e.key.namespace,
        name: e.key.name,
        uid: e.object.metadata.uid ?? '',
        object: e.object,
        actor: e.request.actor ?? null,
        fieldManager: e.request.fieldManager ?? null,
        time,
        prevObject: e.prevObject,
      })),
    );
  }

  private unlink(link: Link, startNow = false): void {
    const at = this.chain.indexOf(link);
    if (at >= 0) this.chain.splice(at, 1);
    if (this.chain.length === 0) this.drainWaiters.splice(0).forEach((wake) => wake());
    this.pump(startNow);
  }

  /** Resolves once no chained batch is in flight. */
  private drained(): Promise<void> {
    return this.chain.length === 0 ? Promise.resolve() : new Promise((resolve) => this.drainWaiters.push(resolve));
  }

  /** The log position and the stored objects of `keys`, read in one snapshot. */
  private async loadCurrent(db: Kysely<DB>, keys: ObjectKey[]): Promise<{ position: LogPosition; state: Map<string, KubeObject | null> }> {
    const rows = await sql<{ last: string; batch: string; api_group: string | null; resource: string; namespace: string; name: string; object: string | null }>`
      SELECT log_last AS last, log_batch AS batch, key_group AS api_group, key_resource AS resource, key_namespace AS namespace, key_name AS name, stored AS object
      FROM flotilla_load_batch(${keys.map((k) => k.group)}::text[], ${keys.map((k) => k.resource)}::text[], ${keys.map((k) => k.namespace)}::text[], ${keys.map((k) => k.name)}::text[])`.execute(db);
    const state = new Map<string, KubeObject | null>();
    for (const r of rows.rows) {
      if (r.api_group === null || r.object === null) continue;
      state.set(keyString({ group: r.api_group, resource: r.resource, namespace: r.namespace, name: r.name }), JSON.parse(r.object) as KubeObject);
    }
    return { position: { last: Number(rows.rows[0].last), batch: rows.rows[0].batch }, state };
  }

  /**
   * One statement: the events, the projection, `log_state` and the NOTIFY. Null when the log no longer ends at
   * `from` (its last resourceVersion and the batch that wrote it); -1 when `checks` do not hold. Either way nothing
   * is written.
   */
  private async append(db: Kysely<DB> | PipelinedClient, from: LogPosition, batch: string, plan: BatchPlan, checks?: Checks): Promise<number | null> {
    const e = plan.events;
    this.inFlight.add(batch);
    const values = [
      from.last,
      from.batch,
      batch,
      e.map((x) => x.type),
      e.map((x) => x.key.group),
      e.map((x) => x.key.resource),
      e.map((x) => x.key.namespace),
      e.map((x) => x.key.name),
      e.map((x) => x.object.metadata.uid ?? ''),
      ...objectBytes(e.map((x) => x.object)),
      e.map((x) => x.request.actor ?? null),
      e.map((x) => x.request.fieldManager ?? null),
      e.map((x) => x.prevResourceVersion),
      plan.putRvs,
      plan.deleteRvs,
      EVENTS_CHANNEL,
      checks ? JSON.stringify(checks) : null,
    ];
    // On the pipelined connection the statement is prepared once and only bound after that.
    const rows =
      db instanceof PipelinedClient
        ? await db.query<{ last: string | null }>(APPEND_SQL, values, 'flotilla_append_batch')
        : (await db.executeQuery(CompiledQuery.raw(APPEND_SQL, values) as CompiledQuery<{ last: string | null }>)).rows;
    const appended = rows[0].last;
    return appended === null ? null : Number(appended);
  }

  /**
   * The stored object. Reads asked for in the same turn of the event loop go to Postgres together, as one
   * `flotilla_load_batch` (a plan made once per connection): under load an update's read costs a share of one
   * statement instead of a statement of its own that is parsed and planned each time (docs/decisions.md D18).
   */
  get(key: ObjectKey): Promise<KubeObject | null> {
    return new Promise((resolve, reject) => {
      this.reads.push({ key, resolve, reject });
      if (this.reads.length === 1) setImmediate(() => void this.readBatch());
    });
  }

  private async readBatch(): Promise<void> {
    const batch = this.reads.splice(0, this.maxBatch);
    if (this.reads.length > 0) setImmediate(() => void this.readBatch());
    try {
      const { state } = await this.loadCurrent(this.db, batch.map((r) => r.key));
      for (const r of batch) r.resolve(state.get(keyString(r.key)) ?? null);
    } catch (error) {
      for (const r of batch) r.reject(error);
    }
  }

  /** The object as it was at `resourceVersion` (null if it did not exist then). */
  async getAt(key: ObjectKey, resourceVersion: number): Promise<KubeObject | null> {
    await this.assertReadable(resourceVersion);
    const row = await this.db
      .selectFrom('events')
      .select(['event_type', 'object'])
      .where('api_group', '=', key.group)
      .where('resource', '=', key.resource)
      .where('namespace', '=', key.namespace)
      .where('name', '=', key.name)
      .where('resource_version', '<=', String(resourceVersion))
      .orderBy('resource_version', 'desc')
      .limit(1)
      .executeTakeFirst();
    return row && row.event_type !== 'DELETED' ? (JSON.parse(row.object) as KubeObject) : null;
  }

  async currentResourceVersion(): Promise<number> {
    const row = await this.db.selectFrom('log_state').select('last_resource_version').where('id', '=', 1).executeTakeFirstOrThrow();
    return Number(row.last_resource_version);
  }

  async logBounds(): Promise<{ last: number; compacted: number }> {
    const row = await this.db
      .selectFrom('log_state')
      .select(['last_resource_version', 'compacted_resource_version'])
      .where('id', '=', 1)
      .executeTakeFirstOrThrow();
    return { last: Number(row.last_resource_version), compacted: Number(row.compacted_resource_version) };
  }

  /** A page of the current state, with the log position it reflects, read in one statement (one snapshot). */
  async list(q: ListQuery): Promise<ListPage> {
    return parsedPage(await this.currentPage(q));
  }

  /** `list` with each object as its stored JSON text, for answers that pass objects through unread. */
  async listText(q: ListQuery): Promise<TextListPage> {
    return this.currentPage(q);
  }

  /** A page of the state as it was at `resourceVersion` (continue tokens, exact reads). */
  async listAt(q: ListQuery, resourceVersion: number): Promise<ListPage> {
    return parsedPage(await this.pageAt(q, resourceVersion));
  }

  /** `listAt` with each object as its stored JSON text. */
  async listTextAt(q: ListQuery, resourceVersion: number): Promise<TextListPage> {
    return this.pageAt(q, resourceVersion);
  }

  private async currentPage(q: ListQuery): Promise<TextListPage> {
    const result = await sql<{ rv: string; namespace: string | null; name: string | null; object: string | null }>`
      SELECT ls.last_resource_version AS rv, p.namespace, p.name, p.object
      FROM log_state ls
      LEFT JOIN LATERAL (${currentRows(q)}) p ON true
      WHERE ls.id = 1`.execute(this.db);
    return toPage(result.rows, Number(result.rows[0].rv), q.limit);
  }

  /**
   * When no event of the listed resource (in the listed namespace) came after `resourceVersion`, the projection
   * still holds the state at that position, and the page is read from `objects`, in the same statement that checks
   * it. Otherwise the state is rebuilt from the log.
   */
  private async pageAt(q: ListQuery, resourceVersion: number): Promise<TextListPage> {
    const ns = q.namespace !== undefined ? sql`AND e.namespace = ${q.namespace}` : sql``;
    const result = await sql<{ last: string; compacted: string; moved: boolean; namespace: string | null; name: string | null; object: string | null }>`
      SELECT b.last, b.compacted, b.moved, p.namespace, p.name, p.object
      FROM (
        SELECT ls.last_resource_version AS last, ls.compacted_resource_version AS compacted,
          EXISTS (SELECT 1 FROM events e WHERE e.api_group = ${q.group} AND e.resource = ${q.resource} ${ns} AND e.resource_version > ${resourceVersion}) AS moved
        FROM log_state ls WHERE ls.id = 1
      ) b
      LEFT JOIN LATERAL (${currentRows(q)}) p
        ON NOT b.moved AND b.compacted <= ${resourceVersion} AND b.last >= ${resourceVersion}
      `.execute(this.db);
    const head = result.rows[0];
    checkReadable(resourceVersion, Number(head.last), Number(head.compacted));
    if (!head.moved) return toPage(result.rows, resourceVersion, q.limit);
    return toPage(await this.logRows(q, resourceVersion), resourceVersion, q.limit);
  }

  private async logRows(q: ListQuery, resourceVersion: number): Promise<{ namespace: string; name: string; object: string }[]> {
    const ns = q.namespace !== undefined ? sql`AND e.namespace = ${q.namespace}` : sql``;
    const after = q.after ? sql`AND (e.namespace, e.name) > (${q.after.namespace}, ${q.after.name})` : sql``;
    const result = await sql<{ namespace: string; name: string; object: string }>`
      SELECT s.namespace, s.name, s.object FROM (
        SELECT DISTINCT ON (e.namespace, e.name) e.namespace, e.name, e.event_type, e.object
        FROM events e
        WHERE e.api_group = ${q.group} AND e.resource = ${q.resource} ${ns} ${after}
          AND e.resource_version <= ${resourceVersion}
        ORDER BY e.namespace, e.name, e.resource_version DESC
      ) s
      WHERE s.event_type <> 'DELETED'
      ORDER BY s.namespace, s.name
      LIMIT ${q.limit + 1}`.execute(this.db);
    return result.rows;
  }

  /** Events after `afterRv` (exclusive) up to `uptoRv` (inclusive), optionally of one resource, in log order. */
  async readEvents(afterRv: number, opts: { uptoRv?: number; group?: string; resource?: string; limit?: number } = {}): Promise<StoredEvent[]> {
    const upto = opts.uptoRv !== undefined ? sql`AND e.resource_version <= ${opts.uptoRv}` : sql``;
    const group = opts.group !== undefined ? sql`AND e.api_group = ${opts.group}` : sql``;
    const resource = opts.resource !== undefined ? sql`AND e.resource = ${opts.resource}` : sql``;
    const rows = await sql<EventRow>`
      ${EVENTS_WITH_PREVIOUS}
      WHERE e.resource_version > ${afterRv} ${upto} ${group} ${resource}
      ORDER BY e.resource_version
      LIMIT ${opts.limit ?? 1000}`.execute(this.db);
    return rows.rows.map(toStoredEvent);
  }

  /** Throws 410 Expired when `resourceVersion` is older than the compacted part of the log. */
  async assertReadable(resourceVersion: number): Promise<void> {
    const { last, compacted } = await this.logBounds();
    checkReadable(resourceVersion, last, compacted);
  }
}

function checkReadable(resourceVersion: number, last: number, compacted: number): void {
  if (resourceVersion < compacted) {
    throw new ExpiredError(`too old resource version: ${resourceVersion} (${compacted})`);
  }
  if (resourceVersion > last) {
    throw new StatusError(504, 'Timeout', `Too large resource version: ${resourceVersion}, current: ${last}`, {
      causes: [{ reason: 'ResourceVersionTooLarge', message: 'Too large resource version' }],
      retryAfterSeconds: 1,
    });
  }
}

/** The projection's rows of a list query, in key order, one more than the page to tell whether more follow. */
function currentRows(q: ListQuery) {
  const ns = q.namespace !== undefined ? sql`AND o.namespace = ${q.namespace}` : sql``;
  const after = q.after ? sql`AND (o.namespace, o.name) > (${q.after.namespace}, ${q.after.name})` : sql``;
  return sql`
    SELECT o.namespace, o.name, o.object FROM objects o
    WHERE o.api_group = ${q.group} AND o.resource = ${q.resource} ${ns} ${after}
    ORDER BY o.namespace, o.name
    LIMIT ${q.limit + 1}`;
}

/** A list page whose objects are stored JSON texts. */
export type TextListPage = Omit<ListPage, 'items'> & { items: string[] };

const parsedPage = (page: TextListPage): ListPage => ({ ...page, items: page.items.map((text) => JSON.parse(text) as KubeObject) });

function toPage(rows: { namespace: string | null; name: string | null; object: string | null }[], resourceVersion: number, limit: number): TextListPage {
  const present = rows.filter((r) => r.object !== null);
  const items = present.slice(0, limit).map((r) => r.object as string);
  const last = present[limit - 1];
  const next = present.length > limit && last ? { namespace: last.namespace as string, name: last.name as string } : undefined;
  return { items, resourceVersion, next };
}

/**
 * The objects' JSON texts as one buffer (sent in binary, so Postgres copies it without reading it) and each text's
 * byte offset and length in it: the append cuts them out with `substring` instead of lexing JSON (D25).
 */
function objectBytes(objects: KubeObject[]): [Buffer, number[], number[]] {
  const offsets: number[] = [];
  const lengths: number[] = [];
  let joined = '';
  let offset = 0;
  for (const object of objects) {
    const text = storedJsonText(object);
    const length = Buffer.byteLength(text);
    offsets.push(offset);
    lengths.push(length);
    offset += length;
    joined += text;
  }
  return [Buffer.from(joined), offsets, lengths];
}

function samePosition(a: LogPosition, b: LogPosition): boolean {
  return a.last === b.last && a.batch === b.batch;
}
