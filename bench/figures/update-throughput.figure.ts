import type { BenchContext, Comparison, FigureModule, Metric } from '../bench.types';
import { etcdGuardedUpdates } from '../baselines/etcd.baseline';
import { RawPostgresWriter } from '../baselines/postgres.baseline';
import { createObject, ensureNamespace } from '../support/flotilla-ops';
import { closedLoop } from '../support/load';
import { configMap } from '../support/objects';

const NS = 'bench-update';

/**
 * PUT with a resourceVersion precondition: each of 32 clients updates its own ConfigMap back to back. The ratios are
 * against a raw Postgres and an etcd update window measured just before Flotilla's (the baselines phase is minutes
 * away, and this machine's speed drifts by more than the figure's margins over minutes, as for creates, D20).
 */
export const updateThroughput: FigureModule = {
  id: 'update',
  title: 'update throughput, 32 clients',
  async run(ctx: BenchContext) {
    const { sizes } = ctx;
    const raw = await RawPostgresWriter.open(ctx, 'flotilla_bench_pgu');
    const rawUpdates = await raw.updates(ctx, 'bench-pg-adjacent').finally(() => raw.close());
    const etcdUpdates = await etcdGuardedUpdates(ctx, '/bench/update-adjacent/');
    ctx.log(`update baselines next to the figure: raw Postgres ${rawUpdates.perSecond.toFixed(0)}/s, etcd ${etcdUpdates.perSecond.toFixed(0)}/s`);
    const client = ctx.flotilla.client(sizes.clients);
    await ensureNamespace(client, NS);
    const path = (c: number) => `/api/v1/namespaces/${NS}/configmaps/u-${c}`;
    const last = await Promise.all(
      Array.from({ length: sizes.clients }, (_, c) => createObject(client, `/api/v1/namespaces/${NS}/configmaps`, configMap(NS, `u-${c}`, sizes.configMapBytes))),
    );
    const acked: number[] = [];
    const load = await closedLoop(sizes.clients, sizes.throughputSeconds, async (c, seq) => {
      const body = configMap(NS, `u-${c}`, sizes.configMapBytes, seq + 1);
      (body.metadata as Record<string, unknown>).resourceVersion = String(last[c]);
      const updated = await client.json<{ metadata: { resourceVersion: string } }>('PUT', path(c), body, 200);
      last[c] = Number(updated.metadata.resourceVersion);
      acked.push(last[c]);
    }, sizes.warmupSeconds);
    if (load.failed > 0) ctx.violation(this.id, `${load.failed} updates failed: ${load.firstError}`);

    const pool = ctx.flotilla.database.pool;
    const finals = await pool.query<{ name: string; rv: string }>(`SELECT name, resource_version AS rv FROM objects WHERE namespace = $1 AND resource = 'configmaps'`, [NS]);
    for (const row of finals.rows) {
      const c = Number(row.name.slice(2));
      if (Number(row.rv) !== last[c]) ctx.violation(this.id, `${row.name}: stored at ${row.rv}, last acknowledged update ${last[c]}`);
    }
    const logged = await pool.query<{ n: string }>(`SELECT count(*) AS n FROM events WHERE resource_version = ANY($1::bigint[]) AND event_type = 'MODIFIED'`, [acked]);
    if (Number(logged.rows[0].n) !== acked.length) ctx.violation(this.id, `${acked.length} updates acknowledged, ${logged.rows[0].n} in the log`);

    const flotilla: Metric = { value: load.perSecond, unit: 'objects/s' };
    const against = (label: string, rate: number): Comparison => ({ label, baseline: { value: rate, unit: 'objects/s' }, ratio: load.perSecond / rate });
    return [
      {
        id: this.id,
        title: this.title,
        flotilla,
        detail: 'baselines measured just before',
        comparisons: [against('raw Postgres', rawUpdates.perSecond), against('etcd (guarded txn)', etcdUpdates.perSecond)],
        targets: [],
        extra: { completed: load.completed },
      },
    ];
  },
};
