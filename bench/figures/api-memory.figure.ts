import type { BenchContext, FigureModule } from '../bench.types';
import type { Stream } from '../support/https-client';
import { currentResourceVersion, ensurePods } from '../support/flotilla-ops';
import { forEachLimited } from '../support/load';

const MiB = 1024 * 1024;

/** RSS of the API process with the pods stored, idle and then with N open pod watchers (all namespaces). */
export const apiMemory: FigureModule = {
  id: 'memory',
  title: 'API memory',
  async run(ctx: BenchContext) {
    const { count } = await ensurePods(ctx);
    const client = ctx.flotilla.client(1);
    const idle = await ctx.flotilla.memory();
    const from = await currentResourceVersion(client);
    const streams: Stream[] = [];
    await forEachLimited(
      Array.from({ length: ctx.sizes.memoryWatchers }, (_, i) => i),
      50,
      async () => {
        const s = client.stream('GET', `/api/v1/pods?watch=true&resourceVersion=${from}`, undefined, () => undefined);
        streams.push(s);
        await s.ready;
      },
    );
    await new Promise((r) => setTimeout(r, 2000));
    const loaded = await ctx.flotilla.memory();
    streams.forEach((s) => s.close());
    if (loaded.watchers < ctx.sizes.memoryWatchers) ctx.violation(this.id, `${ctx.sizes.memoryWatchers} watchers opened, the API counts ${loaded.watchers}`);
    const perWatcherKiB = ((loaded.rss - idle.rss) / Math.max(1, ctx.sizes.memoryWatchers)) / 1024;
    return [
      {
        id: this.id,
        title: `API RSS, ${count} pods stored, ${ctx.sizes.memoryWatchers} watchers`,
        flotilla: { value: loaded.rss / MiB, unit: 'MiB', lowerIsBetter: true },
        detail: `idle ${(idle.rss / MiB).toFixed(0)} MiB; heap ${(loaded.heapUsed / MiB).toFixed(0)} MiB; ${perWatcherKiB.toFixed(0)} KiB RSS per watcher`,
        comparisons: [],
        targets: [],
        extra: { idleRssMiB: idle.rss / MiB, rssMiB: loaded.rss / MiB, heapUsedMiB: loaded.heapUsed / MiB, watchers: loaded.watchers, perWatcherKiB },
      },
    ];
  },
};
