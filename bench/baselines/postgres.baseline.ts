import { Pool, type PoolClient } from 'pg';
import type { BaselineModule, BenchContext } from '../bench.types';
import { createTestDatabase } from '../../test/support/test-database';
import { atRate, closedLoop } from '../support/load';
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
    VALUES (nextval('bench_rv'), $1, '', 'configmaps', $2, $3, $4, $5::json)
    RETURNING resource_version, namespace, name, uid, object
  )
  INSERT INTO objects (api_group, resource, namespace, name, uid, resource_version, object)
  SELECT '', 'configmaps', namespace, name, uid, resource_version, object FROM e
  ON CONFLICT (api_group, resource, namespace, name)
  DO UPDATE SET uid = excluded.uid, resource_version = excluded.resource_version, object = excluded.object
  RETURNING resource_version`;

export const postgresBaseline: BaselineModule = {
  name: 'postgres',
  title: 'raw Postgres (event insert + projection upsert per transaction)',
  async run(ctx: BenchContext) {
    const { sizes } = ctx;
    const database = await createTestDatabase('flotilla_bench_pg');
    const pool = new Pool({ connectionString: database.url, max: sizes.clients });
    let closing = false;
    // Dropping the database ends whatever connections are still closing; only errors before that are news.
    pool.on('error', (e) => closing || ctx.log(`raw Postgres pool: ${e.message}`));
    try {
      await pool.query('CREATE SEQUENCE bench_rv');
      const conns: PoolClient[] = await Promise.all(Array.from({ length: sizes.clients }, () => pool.connect()));
      const write = async (conn: PoolClient, type: string, ns: string, name: string, revision: number) => {
        const object = storedConfigMap(ns, name, sizes.configMapBytes, 0, revision);
        const uid = (object.metadata as { uid: string }).uid;
        const r = await conn.query<{ resource_version: string }>(WRITE, [type, ns, name, uid, JSON.stringify(object)]);
        return Number(r.rows[0].resource_version);
      };

      const created: string[] = [];
      const create = await closedLoop(sizes.clients, sizes.throughputSeconds, async (c, seq) => {
        await write(conns[c], 'ADDED', 'bench-pg', `c-${c}-${seq}`, 0);
        created.push(`c-${c}-${seq}`);
      }, sizes.warmupSeconds);
      ctx.log(`raw Postgres create: ${create.perSecond.toFixed(0)}/s`);

      for (let c = 0; c < sizes.clients; c++) await write(conns[c], 'ADDED', 'bench-pg', `u-${c}`, 0);
      const lastRv = new Array<number>(sizes.clients).fill(0);
      const update = await closedLoop(sizes.clients, sizes.throughputSeconds, async (c, seq) => {
        lastRv[c] = await write(conns[c], 'MODIFIED', 'bench-pg', `u-${c}`, seq + 1);
      }, sizes.warmupSeconds);
      ctx.log(`raw Postgres update: ${update.perSecond.toFixed(0)}/s`);

      const latencies: number[] = [];
      const steady = await atRate(sizes.latencyRate, sizes.latencySeconds, async (seq) => {
        const conn = conns[seq % conns.length];
        const t0 = nowMs();
        await write(conn, 'ADDED', 'bench-pg-latency', `l-${seq}`, 0);
        latencies.push(nowMs() - t0);
      });
      conns.forEach((c) => c.release());

      for (const [what, r] of [['create', create], ['update', update], ['steady', steady]] as const) {
        if (r.failed > 0) ctx.violation('raw Postgres', `${r.failed} ${what} transactions failed: ${r.firstError}`);
      }
      const stored = await pool.query<{ n: string }>(`SELECT count(*) AS n FROM objects WHERE namespace = 'bench-pg' AND name LIKE 'c-%'`);
      if (Number(stored.rows[0].n) !== created.length) ctx.violation('raw Postgres', `${created.length} creates acknowledged, ${stored.rows[0].n} stored`);
      const finals = await pool.query<{ name: string; rv: string }>(`SELECT name, resource_version AS rv FROM objects WHERE namespace = 'bench-pg' AND name LIKE 'u-%'`);
      for (const row of finals.rows) {
        if (Number(row.rv) !== lastRv[Number(row.name.slice(2))]) ctx.violation('raw Postgres', `${row.name}: stored rv ${row.rv}, last acknowledged ${lastRv[Number(row.name.slice(2))]}`);
      }

      return {
        create: { value: create.perSecond, unit: 'objects/s' },
        update: { value: update.perSecond, unit: 'objects/s' },
        'latency.p50': { value: quantile(latencies, 0.5), unit: 'ms', lowerIsBetter: true },
        'latency.p99': { value: quantile(latencies, 0.99), unit: 'ms', lowerIsBetter: true },
      };
    } finally {
      closing = true;
      await pool.end();
      await database.drop();
    }
  },
};
