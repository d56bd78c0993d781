import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { BenchContext, Comparison, FigureModule, FigureResult, Metric } from '../bench.types';
import { etcdPuts } from '../baselines/etcd.baseline';
import { RawPostgresWriter } from '../baselines/postgres.baseline';
import { configMapCreates, createObject, ensureNamespace } from '../support/flotilla-ops';
import type { Client } from '../support/https-client';
import { startFlotilla, type FlotillaTarget } from '../support/flotilla-target';
import { closedLoop, type LoadResult } from '../support/load';
import { configMap } from '../support/objects';
import { summarizeProfile } from '../support/profile-summary';
import { quantile } from '../support/stats';

const NS = 'bench-create';

/**
 * JSON POST of ~1 KB ConfigMaps from 32 keep-alive clients; every acknowledged create must be stored. Measured on the
 * plain loopback listener (like the baselines), then again over TLS as kubectl connects.
 *
 * The ratios come from rounds: a raw Postgres window, an etcd window and a Flotilla window back to back, repeated
 * (`ratioRounds`), each round's ratios taken against its own baselines and the median reported. The baselines phase
 * at the start of the run is minutes away from this figure, and this machine's speed drifts by more than the margins
 * the targets are about over minutes (docs/benchmarks.md).
 *
 * Each round also has a diagnostic window, never counted as Flotilla's: a second API process whose ConfigMap appends
 * are answered without Postgres (`nullAppends`). Its rate is the ceiling that the API process and the load generator
 * leave on this machine with a database that costs nothing, so the run shows how much of a ratio's gap the database
 * path could close at most.
 */
export const createThroughput: FigureModule = {
  id: 'create',
  title: 'create throughput, 32 clients',
  async run(ctx: BenchContext): Promise<FigureResult[]> {
    const { sizes } = ctx;
    const client = ctx.flotilla.client(sizes.clients);
    await ensureNamespace(client, NS);
    const path = `/api/v1/namespaces/${NS}/configmaps`;
    const rounds = await measureRounds(ctx, client);
    const median = (pick: (r: Round) => number) => quantile(rounds.map(pick), 0.5);
    const ceilingRate = median((r) => r.ceiling);
    const ceilingOverEtcd = median((r) => r.ceiling / r.etcd);
    const ceilingOverFlotilla = median((r) => r.ceiling / r.flotilla);
    const ceilingText = `${ceilingRate.toFixed(0)}/s, ${ceilingOverEtcd.toFixed(2)}× etcd, ${ceilingOverFlotilla.toFixed(2)}× Flotilla`;
    ctx.log(`create with appends answered without Postgres (ceiling): ${ceilingText} (medians of the rounds)`);
    const batching = await ctx.flotilla.database.pool.query<{ events: string; transactions: string }>(
      `SELECT count(*) AS events, count(DISTINCT created_at) AS transactions FROM events WHERE namespace = $1 AND resource = 'configmaps'`,
      [NS],
    );
    const perTransaction = Number(batching.rows[0].events) / Math.max(1, Number(batching.rows[0].transactions));
    const flotillaRate = median((r) => r.flotilla);
    ctx.log(`create: ${flotillaRate.toFixed(0)}/s (median of ${rounds.length} rounds), ${perTransaction.toFixed(1)} writes per transaction`);

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

    const flotilla: Metric = { value: flotillaRate, unit: 'objects/s' };
    const overTls: Metric = { value: tls.perSecond, unit: 'objects/s' };
    const pgRate: Metric = { value: median((r) => r.postgres), unit: 'objects/s' };
    const etcdRate: Metric = { value: median((r) => r.etcd), unit: 'objects/s' };
    const pg: Comparison = { label: 'raw Postgres', baseline: pgRate, ratio: median((r) => r.flotilla / r.postgres) };
    const etcd: Comparison = { label: 'etcd', baseline: etcdRate, ratio: median((r) => r.flotilla / r.etcd) };
    const perRound = rounds.map((r) => `${(r.flotilla / r.postgres).toFixed(2)}/${(r.flotilla / r.etcd).toFixed(2)}`).join(', ');
    // How much of the two cores each system's creates took, and how busy each kept them: throughput in a closed loop is
    // CPU per create × busy share, and the two explain a ratio differently.
    const machineMedian = (side: keyof Round['machine']) => {
      const windows = rounds.map((r) => r.machine[side]).filter((m) => m !== undefined);
      if (windows.length === 0) return undefined;
      return { cpuMicrosPerOp: quantile(windows.map((m) => m.cpuMicrosPerOp), 0.5), busyShare: quantile(windows.map((m) => m.busyShare), 0.5) };
    };
    const machine = { flotilla: machineMedian('flotilla'), etcd: machineMedian('etcd'), postgres: machineMedian('postgres'), ceiling: machineMedian('ceiling') };
    ctx.log(`machine CPU per create (medians): Flotilla ${cpuText(machine.flotilla)}, etcd ${cpuText(machine.etcd)}, raw Postgres ${cpuText(machine.postgres)}`);
    return [
      {
        id: this.id,
        title: this.title,
        flotilla,
        detail:
          `${perTransaction.toFixed(1)} writes/transaction; median of ${rounds.length} rounds, ratios per round ${perRound}; ` +
          `machine CPU per create: Flotilla ${cpuText(machine.flotilla)}, etcd ${cpuText(machine.etcd)}, raw Postgres ${cpuText(machine.postgres)}`,
        comparisons: [pg, etcd],
        targets: [
          { text: '≥ 1.0× raw Postgres', met: pg.ratio === undefined ? undefined : pg.ratio >= 1.0 },
          { text: '≥ 1.5× etcd', met: etcd.ratio === undefined ? undefined : etcd.ratio >= 1.5 },
        ],
        extra: { writesPerTransaction: perTransaction, rounds: JSON.stringify(rounds), machineCpuPerCreate: JSON.stringify(machine) },
      },
      {
        id: 'create-tls',
        title: 'create throughput over TLS, 32 clients',
        flotilla: overTls,
        detail: `${(tls.perSecond / flotillaRate).toFixed(2)}× the plain listener`,
        comparisons: [
          { label: 'raw Postgres', baseline: pgRate, ratio: tls.perSecond / pgRate.value },
          { label: 'etcd', baseline: etcdRate, ratio: tls.perSecond / etcdRate.value },
        ],
        targets: [],
        extra: { completed: tls.completed },
      },
      {
        id: 'create-ceiling',
        title: 'create throughput, appends answered without Postgres (diagnostic ceiling), 32 clients',
        flotilla: { value: ceilingRate, unit: 'objects/s' },
        detail:
          `not Flotilla's figure: what the API process and the load generator alone reach, median of ${rounds.length} round${rounds.length === 1 ? '' : 's'}; ` +
          `${ceilingOverFlotilla.toFixed(2)}× Flotilla with Postgres; machine CPU per create ${cpuText(machine.ceiling)}`,
        comparisons: [{ label: 'etcd', baseline: etcdRate, ratio: ceilingOverEtcd }],
        targets: [],
        extra: { ceilingOverFlotilla },
      },
    ];
  },
};

interface Round {
  postgres: number;
  etcd: number;
  flotilla: number;
  /** The diagnostic window: Flotilla's API with ConfigMap appends answered without Postgres. */
  ceiling: number;
  /** Whole-machine CPU per create in µs, and how busy the two cores were, in each window (`LoadResult.machine`). */
  machine: Record<'postgres' | 'etcd' | 'flotilla' | 'ceiling', LoadResult['machine']>;
}

const cpuText = (m: LoadResult['machine']) => (m ? `${m.cpuMicrosPerOp.toFixed(0)} µs/op at ${(m.busyShare * 100).toFixed(0)} % busy` : 'n/a');

/** Raw Postgres, etcd, Flotilla and the diagnostic ceiling's create windows back to back, `ratioRounds` times. */
async function measureRounds(ctx: BenchContext, client: Client): Promise<Round[]> {
  const rounds: Round[] = [];
  const raw = await RawPostgresWriter.open(ctx, 'flotilla_bench_pgr');
  let ceiling: FlotillaTarget | undefined;
  try {
    ceiling = await startFlotilla(1, { databasePrefix: 'flotilla_bench_ceiling', nullAppends: true });
    const ceilingCreates = await configMapCreates(ceiling.client(ctx.sizes.clients), NS, ctx.sizes.configMapBytes);
    for (let r = 0; r < ctx.sizes.ratioRounds; r++) {
      const postgres = await raw.creates(ctx, 'bench-pg-rounds', `r${r}`);
      const etcd = await etcdPuts(ctx, `/bench/rounds/${r}/`);
      const flotilla = await measureCreates(ctx, client, `r${r}`);
      const free = await closedLoop(ctx.sizes.clients, ctx.sizes.throughputSeconds, ceilingCreates(`r${r}`), ctx.sizes.warmupSeconds);
      if (free.failed > 0) throw new Error(`the ceiling window's creates failed: ${free.firstError}`);
      ctx.log(
        `create round ${r + 1}: raw Postgres ${postgres.perSecond.toFixed(0)}/s (${cpuText(postgres.machine)}), ` +
          `etcd ${etcd.perSecond.toFixed(0)}/s (${cpuText(etcd.machine)}), Flotilla ${flotilla.perSecond.toFixed(0)}/s (${cpuText(flotilla.machine)}); ` +
          `ceiling without Postgres ${free.perSecond.toFixed(0)}/s (${cpuText(free.machine)})`,
      );
      rounds.push({
        postgres: postgres.perSecond,
        etcd: etcd.perSecond,
        flotilla: flotilla.perSecond,
        ceiling: free.perSecond,
        machine: { postgres: postgres.machine, etcd: etcd.machine, flotilla: flotilla.machine, ceiling: free.machine },
      });
    }
  } finally {
    await raw.close();
    await ceiling?.stop();
  }
  return rounds;
}

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
