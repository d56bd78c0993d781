import type { BenchContext, FigureModule, Metric } from '../bench.types';
import { compare, createObject, ensureNamespace } from '../support/flotilla-ops';
import { atRate } from '../support/load';
import { configMap } from '../support/objects';
import { nowMs, quantile } from '../support/stats';

const NS = 'bench-latency';

/** Creates at a steady rate (open loop), timed from request sent to response received. */
export const writeLatency: FigureModule = {
  id: 'latency',
  title: 'write latency at a steady rate',
  async run(ctx: BenchContext) {
    const { sizes } = ctx;
    const client = ctx.flotilla.client(sizes.clients);
    await ensureNamespace(client, NS);
    const latencies: number[] = [];
    const acked: number[] = [];
    const load = await atRate(sizes.latencyRate, sizes.latencySeconds, async (seq) => {
      const t0 = nowMs();
      acked.push(await createObject(client, `/api/v1/namespaces/${NS}/configmaps`, configMap(NS, `l-${seq}`, sizes.configMapBytes)));
      latencies.push(nowMs() - t0);
    });
    if (load.failed > 0) ctx.violation(this.id, `${load.failed} writes failed: ${load.firstError}`);
    const logged = await ctx.flotilla.database.pool.query<{ n: string }>(`SELECT count(*) AS n FROM events WHERE resource_version = ANY($1::bigint[])`, [acked]);
    if (Number(logged.rows[0].n) !== acked.length) ctx.violation(this.id, `${acked.length} writes acknowledged, ${logged.rows[0].n} in the log`);

    const p50 = quantile(latencies, 0.5);
    const flotilla: Metric = { value: quantile(latencies, 0.99), unit: 'ms', lowerIsBetter: true };
    const pgP50 = ctx.baselines.postgres?.['latency.p50'];
    return [
      {
        id: this.id,
        title: `${this.title} (${sizes.latencyRate}/s), p99`,
        flotilla,
        detail: `p50 ${p50.toFixed(1)} ms${pgP50 ? `; raw Postgres p50 ${pgP50.value.toFixed(1)} ms` : ''}`,
        comparisons: [compare(ctx, 'raw Postgres', flotilla, 'postgres', 'latency.p99')],
        targets: [],
        extra: { p50, p99: flotilla.value, samples: latencies.length },
      },
    ];
  },
};
