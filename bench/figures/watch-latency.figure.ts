import type { BenchContext, FigureModule, FigureResult, Metric } from '../bench.types';
import { compare, createObject, currentResourceVersion, ensureNamespace } from '../support/flotilla-ops';
import { configMap } from '../support/objects';
import { runWatchLoad, type WatchSide } from '../support/watch-load';

const ns = (group: number) => `bench-watch-${group}`;

interface WatchEvent {
  type: string;
  object: { metadata?: { resourceVersion?: string } };
}

/**
 * Watch delivery latency: N HTTP watchers spread over namespaces, creates at a steady rate, latency from each
 * create's acknowledgement to each watcher's receipt. Each stream must be exactly its namespace's log.
 * WebSocket watchers are a second transport, to add when the API serves them (issue 4).
 */
export const watchLatency: FigureModule = {
  id: 'watch',
  title: 'watch delivery',
  async run(ctx: BenchContext) {
    const { sizes } = ctx;
    const client = ctx.flotilla.client(sizes.clients);
    const watchClient = ctx.flotilla.client(1);
    for (let g = 0; g < sizes.watchNamespaces; g++) await ensureNamespace(client, ns(g));
    const from = await currentResourceVersion(client);
    const side: WatchSide = {
      open(group, log) {
        return watchClient.stream('GET', `/api/v1/namespaces/${ns(group)}/configmaps?watch=true&resourceVersion=${from}`, undefined, (line) => {
          const event = JSON.parse(line) as WatchEvent;
          if (event.type === 'ERROR') ctx.violation('watch', `watch error: ${line.slice(0, 200)}`);
          else if (event.type !== 'BOOKMARK') log.record(Number(event.object.metadata?.resourceVersion));
        });
      },
      write: (group, seq) => createObject(client, `/api/v1/namespaces/${ns(group)}/configmaps`, configMap(ns(group), `w-${seq}`, sizes.configMapBytes)),
      async expected() {
        // From the log itself: a committed write whose acknowledgement was lost must still reach every watcher.
        const rows = await ctx.flotilla.database.pool.query<{ rv: string; namespace: string }>(
          `SELECT resource_version AS rv, namespace FROM events
           WHERE resource = 'configmaps' AND namespace LIKE 'bench-watch-%' AND resource_version > $1 ORDER BY resource_version`,
          [from],
        );
        const byGroup = new Map<number, number[]>();
        for (let g = 0; g < sizes.watchNamespaces; g++) byGroup.set(g, []);
        for (const r of rows.rows) byGroup.get(Number(r.namespace.slice('bench-watch-'.length)))?.push(Number(r.rv));
        return byGroup;
      },
    };
    const spec = { watchers: sizes.watchers, groups: sizes.watchNamespaces, rate: sizes.watchRate, seconds: sizes.watchSeconds };
    const result = await runWatchLoad(ctx, 'watch', spec, side);
    ctx.log(`watch: p50 ${result.p50.toFixed(1)} ms, p99 ${result.p99.toFixed(1)} ms (${result.delivered} events)`);

    const flotilla: Metric = { value: result.p99, unit: 'ms', lowerIsBetter: true };
    const title = `watch delivery p99, ${sizes.watchers} watchers / ${sizes.watchNamespaces} namespaces, ${sizes.watchRate} writes/s`;
    const rows: FigureResult[] = [
      {
        id: 'watch-http',
        title: `${title}, HTTP`,
        flotilla,
        detail: `p50 ${result.p50.toFixed(1)} ms; from send p99 ${result.fromSendP99.toFixed(1)} ms`,
        comparisons: [compare(ctx, 'etcd watch', flotilla, 'etcd', 'watch.p99')],
        targets: [{ text: 'p99 ≤ 25 ms', met: result.p99 <= 25 }],
        extra: { p50: result.p50, p99: result.p99, fromSendP50: result.fromSendP50, fromSendP99: result.fromSendP99, delivered: result.delivered, writesPerSecond: result.writesPerSecond },
      },
      {
        id: 'watch-websocket',
        title: `${title}, WebSocket`,
        comparisons: [{ label: 'etcd watch', missing: 'n/a until issue 4' }],
        targets: [],
        extra: {},
        missing: 'n/a until issue 4',
      },
    ];
    return rows;
  },
};
