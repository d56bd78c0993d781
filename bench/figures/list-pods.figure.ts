import type { BenchContext, FigureModule, FigureResult } from '../bench.types';
import { ensurePods } from '../support/flotilla-ops';
import { nowMs, quantile } from '../support/stats';

const TABLE_ACCEPT = 'application/json;as=Table;v=v1;g=meta.k8s.io,application/json;as=Table;v=v1beta1;g=meta.k8s.io,application/json';
const SLO_S = 5;

interface PodList {
  metadata: { continue?: string };
  items: { metadata: { name: string } }[];
}

/** LIST of the stored pods: paged with limit=500 (as client-go's pager) and as one Table request (as kubectl get). */
export const listPods: FigureModule = {
  id: 'list',
  title: 'LIST pods',
  async run(ctx: BenchContext) {
    const { namespace, count } = await ensurePods(ctx);
    const client = ctx.flotilla.client(1);
    const paged: number[] = [];
    const table: number[] = [];
    for (let i = 0; i < ctx.sizes.listRepeats; i++) {
      let t0 = nowMs();
      const names: string[] = [];
      let token: string | undefined;
      do {
        const query = `limit=500${token ? `&continue=${encodeURIComponent(token)}` : ''}`;
        const page = await client.json<PodList>('GET', `/api/v1/namespaces/${namespace}/pods?${query}`, undefined, 200);
        for (const item of page.items) names.push(item.metadata.name);
        token = page.metadata.continue || undefined;
      } while (token);
      paged.push((nowMs() - t0) / 1000);
      if (names.length !== count || new Set(names).size !== count) ctx.violation(this.id, `paged LIST returned ${names.length} names (${new Set(names).size} distinct), ${count} stored`);

      t0 = nowMs();
      const t = await client.json<{ kind: string; rows?: unknown[] }>('GET', `/api/v1/namespaces/${namespace}/pods`, undefined, 200, { Accept: TABLE_ACCEPT });
      table.push((nowMs() - t0) / 1000);
      if (t.kind !== 'Table' || t.rows?.length !== count) ctx.violation(this.id, `Table LIST returned ${t.kind} with ${t.rows?.length} rows, ${count} stored`);
    }
    const row = (id: string, form: string, samples: number[]): FigureResult => {
      const p99 = quantile(samples, 0.99);
      return {
        id,
        title: `LIST ${count} pods, ${form}, p99 of ${samples.length}`,
        flotilla: { value: p99, unit: 's', lowerIsBetter: true },
        detail: `p50 ${quantile(samples, 0.5).toFixed(2)} s; ${(p99 / SLO_S).toFixed(2)}× the 5 s SLO`,
        comparisons: [{ label: 'Kubernetes SLO', baseline: { value: SLO_S, unit: 's', lowerIsBetter: true }, ratio: p99 / SLO_S }],
        targets: [{ text: 'p99 ≤ 1 s', met: p99 <= 1 }],
        extra: { p50: quantile(samples, 0.5), p99, samples: samples.length },
      };
    };
    return [row('list-paged', 'paged limit=500', paged), row('list-table', 'one Table request', table)];
  },
};
