import { Pool, type PoolClient } from 'pg';
import type { BaselineModule, BenchContext } from '../bench.types';
import { createTestDatabase, type TestDatabase } from '../../test/support/test-database';
import { atRate, closedLoop, type LoadResult } from '../support/load';
import { storedConfigMap } from '../support/objects';
import { nowMs, quantile } from '../support/stats';

/**
 * The fastest plain way to keep the same log and projection in Postgres: each write is its own durable transaction
 * (one statement, so one round trip) that inserts the event and upserts the projection row, with resourceVersions
 * from a sequence (no ordering guarantee for watchers; that is what Flotilla's lock row adds).
 */
const WRITE = `
  WITH e AS (
    INSERT INTO events (resource_version, event_type, api_group, resource, namespace, name, uid, object)
    VALUES (nextval('bench_rv'), $1, '', 'configmaps', $2, $3, $4, $5)
    RETURNING resource_version, namespace, name, uid, object
  )
  INSERT INTO objects (api_group, resource, namespace, name, uid, resource_version, object)
  SELECT '', 'configmaps', namespace, name, uid, resource_version, object FROM e
  ON CONFLICT (api_group, resource, namespace, name)
  DO UPDATE SET uid = excluded.uid, resource_version = excluded.resource_version, object = excluded.object
  RETURNING resource_version`;

/** 32 connections on a fresh database of the real migrations, each writing the baseline's transaction. */
export class RawPostgresWriter {
  private constructor(
    private readonly database: TestDatabase,
    private readonly pool: Pool,
    /** One checked-out connection per client (the pool holds no more): queries of the writer's own go on the first. */
    readonly conns: PoolClient[],
    private readonly configMapBytes: number,
    private readonly state: { closing: boolean },
  ) {}

  static async open(ctx: BenchContext, prefix = 'flotilla_bench_pg'): Promise<RawPostgresWriter> {
    const { sizes } = ctx;
    const database = await createTestDatabase(prefix);
    const pool = new Pool({ connectionString: database.url, max: sizes.clients });
    const state = { closing: false };
    // Dropping the database ends whatever connections are still closing; only errors before that are news.
    pool.on('error', (e) => state.closing || ctx.log(`raw Postgres pool: ${e.message}`));
    await pool.query('CREATE SEQUENCE bench_rv');
    const conns = await Promise.all(Array.from({ length: sizes.clients }, () => pool.connect()));
    return new RawPostgresWriter(database, pool, conns, sizes.configMapBytes, state);
  }

  async write(c: number, type: string, ns: string, name: string, revision: number): Promise<number> {
    const object = storedConfigMap(ns, name, this.configMapBytes, 0, revision);
    const uid = (object.metadata as { uid: string }).uid;
    const r = await this.conns[c % this.conns.length].query<{ resource_version: string }>(WRITE, [type, ns, name, uid, JSON.stringify(object)]);
    return Number(r.rows[0].resource_version);
  }

  /** A closed-loop create window (names `prefix-client-seq` in `ns`); a violation unless every acknowledged create is stored. */
  async creates(ctx: BenchContext, ns: string, prefix: string): Promise<LoadResult> {
    const { sizes } = ctx;
    let acked = 0;
    const load = await closedLoop(sizes.clients, sizes.throughputSeconds, async (c, seq) => {
      await this.write(c, 'ADDED', ns, `${prefix}-${c}-${seq}`, 0);
      acked++;
    }, sizes.warmupSeconds);
    if (load.failed > 0) ctx.violation('raw Postgres', `${load.failed} create transactions failed: ${load.firstError}`);
    const stored = await this.conns[0].query<{ n: string }>(`SELECT count(*) AS n FROM objects WHERE namespace = $1 AND name LIKE $2`, [ns, `${prefix}-%`]);
    if (Number(stored.rows[0].n) !== acked) ctx.violation('raw Postgres', `${acked} creates acknowledged, ${stored.rows[0].n} stored`);
    return load;
  }

  /**
   * A closed-loop update window: each client rewrites its own row `u-<client>` in `ns` (created first) back to back; a
   * violation unless every row ends at its last acknowledged resourceVersion.
   */
  async updates(ctx: BenchContext, ns: string): Promise<LoadResult> {
    const { sizes } = ctx;
    const lastRv = await Promise.all(Array.from({ length: sizes.clients }, (_, c) => this.write(c, 'ADDED', ns, `u-${c}`, 0)));
    const load = await closedLoop(sizes.clients, sizes.throughputSeconds, async (c, seq) => {
      lastRv[c] = await this.write(c, 'MODIFIED', ns, `u-${c}`, seq + 1);
    }, sizes.warmupSeconds);
    if (load.failed > 0) ctx.violation('raw Postgres', `${load.failed} update transactions failed: ${load.firstError}`);
    const finals = await this.conns[0].query<{ name: string; rv: string }>(`SELECT name, resource_version AS rv FROM objects WHERE namespace = $1 AND name LIKE 'u-%'`, [ns]);
    for (const row of finals.rows) {
      const last = lastRv[Number(row.name.slice(2))];
      if (Number(row.rv) !== last) ctx.violation('raw Postgres', `${row.name}: stored rv ${row.rv}, last acknowledged ${last}`);
    }
    return load;
  }

  async close(): Promise<void> {
    this.state.closing = true;
    this.conns.forEach((c) => c.release());
    await this.pool.end();
    await this.database.drop();
  }
}

export const postgresBaseline: BaselineModule = {
  name: 'postgres',
  title: 'raw Postgres (event insert + projection upsert per transaction)',
  async run(ctx: BenchContext) {
    const { sizes } = ctx;
    const writer = await RawPostgresWriter.open(ctx);
    try {
      const create = await writer.creates(ctx, 'bench-pg', 'c');
      ctx.log(`raw Postgres create: ${create.perSecond.toFixed(0)}/s`);

      const update = await writer.updates(ctx, 'bench-pg');
      ctx.log(`raw Postgres update: ${update.perSecond.toFixed(0)}/s`);

      const latencies: number[] = [];
      const steady = await atRate(sizes.latencyRate, sizes.latencySeconds, async (seq) => {
        const t0 = nowMs();
        await writer.write(seq, 'ADDED', 'bench-pg-latency', `l-${seq}`, 0);
        latencies.push(nowMs() - t0);
      });

      if (steady.failed > 0) ctx.violation('raw Postgres', `${steady.failed} steady transactions failed: ${steady.firstError}`);

      return {
        create: { value: create.perSecond, unit: 'objects/s' },
        update: { value: update.perSecond, unit: 'objects/s' },
        'latency.p50': { value: quantile(latencies, 0.5), unit: 'ms', lowerIsBetter: true },
        'latency.p99': { value: quantile(latencies, 0.99), unit: 'ms', lowerIsBetter: true },
      };
    } finally {
      await writer.close();
    }
  },
};
