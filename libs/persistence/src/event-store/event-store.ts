import { sql, type Kysely, type Transaction } from 'kysely';
import { ExpiredError, InternalError, isStatusError, type KubeObject, type ObjectKey, StatusError } from '@flotilla/domain';
import type { DB } from '../schema';
import type { EventType, ListPage, ListQuery, StoredEvent, WriteRequest, WriteResult } from './event-store.types';

export const EVENTS_CHANNEL = 'flotilla_events';

interface PendingWrite {
  request: WriteRequest;
  resolve(result: WriteResult): void;
  reject(error: unknown): void;
}

interface AppendedEvent {
  type: EventType;
  key: ObjectKey;
  object: KubeObject;
  request: WriteRequest;
  prevResourceVersion: number | null;
}

interface EventRow {
  resource_version: string;
  event_type: EventType;
  api_group: string;
  resource: string;
  namespace: string;
  name: string;
  uid: string;
  object: KubeObject;
  actor: string | null;
  field_manager: string | null;
  created_at: Date;
  prev_object: KubeObject | null;
}

type Outcome = { ok: true; result: WriteResult } | { ok: false; error: unknown };

export interface EventStoreOptions {
  /** Most writes committed in one transaction. */
  maxBatch?: number;
  /** Called after each committed batch with its last resourceVersion (e.g. to wake this process's tailer). */
  onCommitted?(resourceVersion: number): void;
}

const keyString = (k: ObjectKey) => `${k.group}\u0000${k.resource}\u0000${k.namespace}\u0000${k.name}`;

/**
 * The event store: every write appends to `events` and updates `objects` in one transaction.
 *
 * Writes are group-committed: writes that arrive while a batch is committing wait and go together into the next
 * transaction. Each transaction first locks the single `log_state` row, so transactions commit one after another in
 * resourceVersion order; a reader that sees resourceVersion N therefore also sees every position below N (no gaps,
 * see docs/decisions.md). One lock acquisition and one NOTIFY serve a whole batch.
 */
export class EventStore {
  private readonly pending: PendingWrite[] = [];
  private flushing = false;
  private readonly maxBatch: number;
  private readonly onCommitted?: (resourceVersion: number) => void;

  constructor(
    private readonly db: Kysely<DB>,
    options: EventStoreOptions = {},
  ) {
    this.maxBatch = options.maxBatch ?? 256;
    this.onCommitted = options.onCommitted;
  }

  write(request: WriteRequest): Promise<WriteResult> {
    return new Promise((resolve, reject) => {
      this.pending.push({ request, resolve, reject });
      if (!this.flushing) {
        this.flushing = true;
        setImmediate(() => void this.flush());
      }
    });
  }

  /** Runs `decide` against the current state without writing anything (dryRun). */
  async dryRun(request: WriteRequest): Promise<WriteResult> {
    const current = await this.get(request.key);
    const decision = request.decide(current);
    const rv = Number(current?.metadata.resourceVersion ?? 0);
    if (decision.action === 'none') return { type: 'NONE', object: decision.object, resourceVersion: rv };
    const type: EventType = decision.action === 'delete' ? 'DELETED' : current ? 'MODIFIED' : 'ADDED';
    return { type, object: decision.object, resourceVersion: rv };
  }

  private async flush(): Promise<void> {
    try {
      while (this.pending.length > 0) {
        const batch = this.pending.splice(0, this.maxBatch);
        await this.commitBatch(batch);
      }
    } finally {
      this.flushing = false;
    }
  }

  private async commitBatch(batch: PendingWrite[]): Promise<void> {
    let outcomes: Outcome[];
    try {
      outcomes = await this.db.transaction().execute((tx) => this.applyBatch(tx, batch.map((p) => p.request)));
    } catch (error) {
      if (batch.length > 1) {
        // One bad write (say, a value Postgres refuses) must not fail its neighbours: retry them one by one.
        for (const p of batch) await this.commitBatch([p]);
        return;
      }
      batch[0].reject(isStatusError(error) ? error : new InternalError(describe(error)));
      return;
    }
    outcomes.forEach((o, i) => (o.ok ? batch[i].resolve(o.result) : batch[i].reject(o.error)));
    const last = outcomes.reduce((m, o) => (o.ok && o.result.type !== 'NONE' ? Math.max(m, o.result.resourceVersion) : m), 0);
    if (last > 0) this.onCommitted?.(last);
  }

  private async applyBatch(tx: Transaction<DB>, requests: WriteRequest[]): Promise<Outcome[]> {
    const locked = await sql<{ last: string }>`
      SELECT last_resource_version AS last FROM log_state WHERE id = 1 FOR UPDATE`.execute(tx);
    let rv = Number(locked.rows[0].last);
    const state = await this.loadCurrent(tx, requests.map((r) => r.key));

    const outcomes: Outcome[] = [];
    const appended: AppendedEvent[] = [];
    for (const request of requests) {
      const k = keyString(request.key);
      const current = state.get(k) ?? null;
      try {
        const decision = request.decide(current);
        if (decision.action === 'none') {
          outcomes.push({ ok: true, result: { type: 'NONE', object: decision.object, resourceVersion: rv } });
          continue;
        }
        rv += 1;
        const object = withResourceVersion(decision.object, rv);
        const type: EventType = decision.action === 'delete' ? 'DELETED' : current ? 'MODIFIED' : 'ADDED';
        const prevResourceVersion = current ? Number(current.metadata.resourceVersion) : null;
        appended.push({ type, key: request.key, object, request, prevResourceVersion });
        state.set(k, type === 'DELETED' ? null : object);
        outcomes.push({ ok: true, result: { type, object, resourceVersion: rv } });
      } catch (error) {
        outcomes.push({ ok: false, error }); // the caller's own error, passed through as thrown
      }
    }
    if (appended.length === 0) return outcomes;

    const firstRv = rv - appended.length + 1;
    await tx
      .insertInto('events')
      .values(
        appended.map((e, i) => ({
          resource_version: firstRv + i,
          event_type: e.type,
          api_group: e.key.group,
          resource: e.key.resource,
          namespace: e.key.namespace,
          name: e.key.name,
          uid: e.object.metadata.uid ?? '',
          object: JSON.stringify(e.object),
          actor: e.request.actor ?? null,
          field_manager: e.request.fieldManager ?? null,
          prev_resource_version: e.prevResourceVersion,
        })),
      )
      .execute();
    await this.project(tx, appended, state);
    await sql`UPDATE log_state SET last_resource_version = ${rv} WHERE id = 1`.execute(tx);
    await sql`SELECT pg_notify(${EVENTS_CHANNEL}, ${String(rv)})`.execute(tx);
    return outcomes;
  }

  /** Brings `objects` to the batch's final state: one upsert or delete per touched key. */
  private async project(tx: Transaction<DB>, appended: AppendedEvent[], state: Map<string, KubeObject | null>): Promise<void> {
    const touched = new Map<string, ObjectKey>();
    for (const e of appended) touched.set(keyString(e.key), e.key);
    const upserts: { key: ObjectKey; object: KubeObject }[] = [];
    const deletes: ObjectKey[] = [];
    for (const [k, key] of touched) {
      const object = state.get(k);
      if (object) upserts.push({ key, object });
      else deletes.push(key);
    }
    if (upserts.length > 0) {
      await tx
        .insertInto('objects')
        .values(
          upserts.map(({ key, object }) => ({
            api_group: key.group,
            resource: key.resource,
            namespace: key.namespace,
            name: key.name,
            uid: object.metadata.uid ?? '',
            resource_version: Number(object.metadata.resourceVersion),
            object: JSON.stringify(object),
          })),
        )
        .onConflict((oc) =>
          oc.columns(['api_group', 'resource', 'namespace', 'name']).doUpdateSet((eb) => ({
            uid: eb.ref('excluded.uid'),
            resource_version: eb.ref('excluded.resource_version'),
            object: eb.ref('excluded.object'),
          })),
        )
        .execute();
    }
    if (deletes.length > 0) {
      await sql`DELETE FROM objects o USING ${keyTable(deletes)} WHERE ${keyJoin('o')}`.execute(tx);
      await sql`DELETE FROM allocations WHERE owner IN (${sql.join(
        deletes.map((k) => `${k.group}/${k.resource}/${k.namespace}/${k.name}`),
      )})`.execute(tx);
    }
  }

  private async loadCurrent(tx: Transaction<DB>, keys: ObjectKey[]): Promise<Map<string, KubeObject | null>> {
    const unique = new Map<string, ObjectKey>();
    for (const k of keys) unique.set(keyString(k), k);
    const rows = await sql<{ api_group: string; resource: string; namespace: string; name: string; object: KubeObject }>`
      SELECT o.api_group, o.resource, o.namespace, o.name, o.object
      FROM objects o JOIN ${keyTable([...unique.values()])} ON ${keyJoin('o')}`.execute(tx);
    const state = new Map<string, KubeObject | null>();
    for (const r of rows.rows) {
      state.set(keyString({ group: r.api_group, resource: r.resource, namespace: r.namespace, name: r.name }), r.object);
    }
    return state;
  }

  async get(key: ObjectKey): Promise<KubeObject | null> {
    const row = await this.db
      .selectFrom('objects')
      .select('object')
      .where('api_group', '=', key.group)
      .where('resource', '=', key.resource)
      .where('namespace', '=', key.namespace)
      .where('name', '=', key.name)
      .executeTakeFirst();
    return row?.object ?? null;
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
    return row && row.event_type !== 'DELETED' ? row.object : null;
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
    const ns = q.namespace !== undefined ? sql`AND o.namespace = ${q.namespace}` : sql``;
    const after = q.after ? sql`AND (o.namespace, o.name) > (${q.after.namespace}, ${q.after.name})` : sql``;
    const result = await sql<{ rv: string; namespace: string | null; name: string | null; object: KubeObject | null }>`
      SELECT ls.last_resource_version AS rv, p.namespace, p.name, p.object
      FROM log_state ls
      LEFT JOIN LATERAL (
        SELECT o.namespace, o.name, o.object FROM objects o
        WHERE o.api_group = ${q.group} AND o.resource = ${q.resource} ${ns} ${after}
        ORDER BY o.namespace, o.name
        LIMIT ${q.limit + 1}
      ) p ON true
      WHERE ls.id = 1`.execute(this.db);
    return toPage(result.rows, Number(result.rows[0].rv), q.limit);
  }

  /** A page of the state as it was at `resourceVersion`, rebuilt from the log (continue tokens, exact reads). */
  async listAt(q: ListQuery, resourceVersion: number): Promise<ListPage> {
    await this.assertReadable(resourceVersion);
    const ns = q.namespace !== undefined ? sql`AND e.namespace = ${q.namespace}` : sql``;
    const after = q.after ? sql`AND (e.namespace, e.name) > (${q.after.namespace}, ${q.after.name})` : sql``;
    const result = await sql<{ namespace: string; name: string; object: KubeObject }>`
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
    return toPage(result.rows, resourceVersion, q.limit);
  }

  /** Events after `afterRv` (exclusive) up to `uptoRv` (inclusive), optionally of one resource, in log order. */
  async readEvents(afterRv: number, opts: { uptoRv?: number; group?: string; resource?: string; limit?: number } = {}): Promise<StoredEvent[]> {
    const upto = opts.uptoRv !== undefined ? sql`AND e.resource_version <= ${opts.uptoRv}` : sql``;
    const group = opts.group !== undefined ? sql`AND e.api_group = ${opts.group}` : sql``;
    const resource = opts.resource !== undefined ? sql`AND e.resource = ${opts.resource}` : sql``;
    const rows = await sql<EventRow>`
      SELECT e.*, p.object AS prev_object
      FROM events e LEFT JOIN events p ON p.resource_version = e.prev_resource_version
      WHERE e.resource_version > ${afterRv} ${upto} ${group} ${resource}
      ORDER BY e.resource_version
      LIMIT ${opts.limit ?? 1000}`.execute(this.db);
    return rows.rows.map((r) => ({
      resourceVersion: Number(r.resource_version),
      type: r.event_type,
      group: r.api_group,
      resource: r.resource,
      namespace: r.namespace,
      name: r.name,
      uid: r.uid,
      object: r.object,
      actor: r.actor,
      fieldManager: r.field_manager,
      time: r.created_at,
      prevObject: r.prev_object,
    }));
  }

  /** Throws 410 Expired when `resourceVersion` is older than the compacted part of the log. */
  async assertReadable(resourceVersion: number): Promise<void> {
    const { last, compacted } = await this.logBounds();
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
}

/**
 * The keys as a table `k(g, r, ns, n)` built from four arrays: joining on it lets Postgres look each key up by the
 * primary key, where a row-value IN list made it scan the whole namespace.
 */
function keyTable(keys: ObjectKey[]) {
  return sql`unnest(${keys.map((k) => k.group)}::text[], ${keys.map((k) => k.resource)}::text[], ${keys.map((k) => k.namespace)}::text[], ${keys.map((k) => k.name)}::text[]) AS k(g, r, ns, n)`;
}

function keyJoin(alias: string) {
  const a = sql.raw(alias);
  return sql`${a}.api_group = k.g AND ${a}.resource = k.r AND ${a}.namespace = k.ns AND ${a}.name = k.n`;
}

function toPage(rows: { namespace: string | null; name: string | null; object: KubeObject | null }[], resourceVersion: number, limit: number): ListPage {
  const present = rows.filter((r) => r.object !== null);
  const items = present.slice(0, limit).map((r) => r.object as KubeObject);
  const last = present[limit - 1];
  const next = present.length > limit && last ? { namespace: last.namespace as string, name: last.name as string } : undefined;
  return { items, resourceVersion, next };
}

function withResourceVersion(object: KubeObject, rv: number): KubeObject {
  return { ...object, metadata: { ...object.metadata, resourceVersion: String(rv) } };
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
