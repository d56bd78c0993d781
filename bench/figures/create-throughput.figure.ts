import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { BenchContext, FigureModule, FigureResult, Metric } from '../bench.types';
import { compare, createObject, ensureNamespace } from '../support/flotilla-ops';
import type { Client } from '../support/https-client';
import { closedLoop, type LoadResult } from '../support/load';
import { configMap } from '../support/objects';
import { summarizeProfile } from '../support/profile-summary';

const NS = 'bench-create';

/**
 * JSON POST of ~1 KB ConfigMaps from 32 keep-alive clients; every acknowledged create must be stored. Measured on the
 * plain loopback listener (like the baselines), then again over TLS as kubectl connects.
 */
export const createThroughput: FigureModule = {
  id: 'create',
  title: 'create throughput, 32 clients',
  async run(ctx: BenchContext): Promise<FigureResult[]> {
    const { sizes } = ctx;
    const client = ctx.flotilla.client(sizes.clients);
    await ensureNamespace(client, NS);
    const path = `/api/v1/namespaces/${NS}/configmaps`;
    const load = await measureCreates(ctx, client, 'c');
    const batching = await ctx.flotilla.database.pool.query<{ events: string; transactions: string }>(
      `SELECT count(*) AS events, count(DISTINCT created_at) AS transactions FROM events WHERE namespace = $1 AND resource = 'configmaps'`,
      [NS],
    );
    const perTransaction = Number(batching.rows[0].events) / Math.max(1, Number(batching.rows[0].transactions));
    ctx.log(`create: ${load.perSecond.toFixed(0)}/s, ${perTransaction.toFixed(1)} writes per transaction`);

    if (ctx.options.profile) {
      const { profile } = await ctx.flotilla.profile(() =>
        closedLoop(sizes.clients, sizes.profileSeconds, async (c, seq) => {
          await createObject(client, path, configMap(NS, `p-${c}-${seq}`, sizes.configMapBytes));
        }),
      );
      const file = join(ctx.options.resultsDir, `create-profile${ctx.options.quick ? '.quick' : ''}.txt`);
      await writeFile(file, summarizeProfile(profile));
      ctx.log(`create path profile written to ${file}`);
    }

    const tls = await measureCreates(ctx, ctx.flotilla.client(sizes.clients, 'https'), 't', ' over TLS');
    ctx.log(`create over TLS: ${tls.perSecond.toFixed(0)}/s`);

    const flotilla: Metric = { value: load.perSecond, unit: 'objects/s' };
    const overTls: Metric = { value: tls.perSecond, unit: 'objects/s' };
    const pg = compare(ctx, 'raw Postgres', flotilla, 'postgres', 'create');
    const etcd = compare(ctx, 'etcd', flotilla, 'etcd', 'create');
    return [
      {
        id: this.id,
        title: this.title,
        flotilla,
        detail: `${perTransaction.toFixed(1)} writes/transaction`,
        comparisons: [pg, etcd],
        targets: [
          { text: '≥ 1.0× raw Postgres', met: pg.ratio === undefined ? undefined : pg.ratio >= 1.0 },
          { text: '≥ 1.5× etcd', met: etcd.ratio === undefined ? undefined : etcd.ratio >= 1.5 },
        ],
        extra: { completed: load.completed, writesPerTransaction: perTransaction },
      },
      {
        id: 'create-tls',
        title: 'create throughput over TLS, 32 clients',
        flotilla: overTls,
        detail: `${(tls.perSecond / load.perSecond).toFixed(2)}× the plain listener`,
        comparisons: [compare(ctx, 'raw Postgres', overTls, 'postgres', 'create'), compare(ctx, 'etcd', overTls, 'etcd', 'create')],
        targets: [],
        extra: { completed: tls.completed },
      },
    ];
  },
};

/** The closed-loop create load through `client`, names prefixed `prefix`; every acknowledged create must be stored. */
async function measureCreates(ctx: BenchContext, client: Client, prefix: string, how = ''): Promise<LoadResult> {
  const { sizes } = ctx;
  const path = `/api/v1/namespaces/${NS}/configmaps`;
  const acked = new Map<string, number>();
  const load = await closedLoop(sizes.clients, sizes.throughputSeconds, async (c, seq) => {
    const name = `${prefix}-${c}-${seq}`;
    acked.set(name, await createObject(client, path, configMap(NS, name, sizes.configMapBytes)));
  }, sizes.warmupSeconds);
  if (load.failed > 0) ctx.violation('create', `${load.failed} creates${how} failed: ${load.firstError}`);
  await checkStored(ctx, acked);
  return load;
}

async function checkStored(ctx: BenchContext, acked: Map<string, number>): Promise<void> {
  const rows = await ctx.flotilla.database.pool.query<{ name: string; rv: string }>(
    `SELECT name, resource_version AS rv FROM objects WHERE namespace = $1 AND resource = 'configmaps'`,
    [NS],
  );
  const stored = new Map(rows.rows.map((r) => [r.name, Number(r.rv)]));
  let missing = 0;
  for (const [name, rv] of acked) if (stored.get(name) !== rv) missing++;
  if (missing > 0) ctx.violation('create', `${missing} of ${acked.size} acknowledged creates are not in the store at their resourceVersion`);
}
