import { execFileSync } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { TEST_SERVER_URL } from '../test/support/test-database';
import { baselines } from './baselines';
import type { BenchContext, BenchOptions, FigureResult } from './bench.types';
import { figures } from './figures';
import { FULL, QUICK } from './sizes';
import { renderChart } from './support/chart.svg';
import { startEtcd, type EtcdServer } from './support/etcd-server';
import { startFlotilla, type FlotillaTarget } from './support/flotilla-target';
import { renderTable } from './support/report';

function parseArgs(argv: string[]): BenchOptions {
  const options: BenchOptions = { quick: false, profile: true, only: [], replicas: 1, resultsDir: join(__dirname, 'results') };
  for (const arg of argv) {
    if (arg === '--quick') options.quick = true;
    else if (arg === '--no-profile') options.profile = false;
    else if (arg.startsWith('--only=')) options.only = arg.slice('--only='.length).split(',');
    else if (/^--replicas=[1-9]\d*$/.test(arg)) options.replicas = Number(arg.slice('--replicas='.length));
    else if (arg === '--help' || arg === '-h') {
      process.stdout.write('usage: npm run bench -- [--quick] [--no-profile] [--only=create,update,latency,watch,list,memory] [--replicas=N]\n');
      process.exit(0);
    } else throw new Error(`unknown argument ${arg}`);
  }
  return options;
}

async function machine(etcd: EtcdServer): Promise<Record<string, string | number>> {
  const client = new Client({ connectionString: TEST_SERVER_URL });
  await client.connect();
  const settings = await client.query<{ name: string; setting: string }>(
    `SELECT name, setting FROM pg_settings WHERE name IN ('server_version', 'fsync', 'synchronous_commit', 'shared_buffers')`,
  );
  await client.end();
  const pg = Object.fromEntries(settings.rows.map((r) => [r.name, r.setting]));
  let disk = '';
  try {
    disk = execFileSync('df', ['-h', '--output=source,fstype', '/var/lib/postgresql'], { encoding: 'utf8' }).split('\n')[1]?.trim() ?? '';
  } catch {
    disk = 'unknown';
  }
  return {
    nproc: cpus().length,
    cpu: cpus()[0]?.model ?? 'unknown',
    memoryMiB: Math.round(totalmem() / 1024 / 1024),
    node: process.version,
    postgres: pg.server_version,
    postgresDurability: `fsync=${pg.fsync}, synchronous_commit=${pg.synchronous_commit}`,
    postgresSharedBuffers8k: pg.shared_buffers,
    postgresDisk: disk,
    etcd: etcd.version,
  };
}

async function main(): Promise<number> {
  const options = parseArgs(process.argv.slice(2));
  const sizes = options.quick ? QUICK : FULL;
  const started = Date.now();
  const log = (m: string) => process.stderr.write(`[bench ${((Date.now() - started) / 1000).toFixed(0).padStart(3)}s] ${m}\n`);
  const violations: { figure: string; message: string }[] = [];
  await mkdir(options.resultsDir, { recursive: true });

  log(`mode ${options.quick ? 'quick' : 'full'}: starting etcd and Flotilla (${options.replicas} API replica(s), fresh database)`);
  let etcd: EtcdServer | undefined;
  let flotilla: FlotillaTarget | undefined;
  try {
    [etcd, flotilla] = await Promise.all([startEtcd(log), startFlotilla(options.replicas)]);
    log(`etcd ${etcd.version} at ${etcd.url}; Flotilla: ${flotilla.replicas} API replicas at ${flotilla.urlsOf('http').join(', ')}`);
    const ctx: BenchContext = {
      options,
      sizes,
      flotilla,
      etcd,
      baselines: {},
      shared: new Map(),
      violation: (figure, message) => {
        violations.push({ figure, message });
        log(`VIOLATION ${figure}: ${message}`);
      },
      log,
    };

    for (const b of baselines) {
      log(`baseline: ${b.title}`);
      ctx.baselines[b.name] = await b.run(ctx);
    }
    const results: FigureResult[] = [];
    for (const f of figures) {
      if (options.only.length > 0 && !options.only.includes(f.id)) continue;
      log(`figure: ${f.title}`);
      results.push(...(await f.run(ctx)));
    }

    const host = await machine(etcd);
    const table = renderTable(results);
    process.stdout.write(`\n${table}\n\n`);
    const subtitle = `${options.quick ? 'quick (small sizes)' : 'full'} run ${new Date(started).toISOString()} · ${host.nproc} cores, ${host.memoryMiB} MiB · Postgres ${host.postgres} · etcd ${host.etcd} · Node ${host.node}`;
    const name = options.quick ? 'quick' : 'full';
    const report = {
      mode: name,
      startedAt: new Date(started).toISOString(),
      durationSeconds: Math.round((Date.now() - started) / 1000),
      machine: host,
      sizes,
      baselines: ctx.baselines,
      figures: results,
      violations,
    };
    await writeFile(join(options.resultsDir, `${name}.json`), JSON.stringify(report, null, 2) + '\n');
    await writeFile(join(options.resultsDir, `${name}.svg`), renderChart(results, subtitle) + '\n');
    await writeFile(join(options.resultsDir, `${name}.md`), `${subtitle}\n\n${table}\n`);
    log(`results written to ${options.resultsDir}/${name}.{json,svg,md} in ${report.durationSeconds} s`);
  } finally {
    await flotilla?.stop().catch((e: unknown) => log(`stopping Flotilla: ${String(e)}`));
    await etcd?.stop().catch((e: unknown) => log(`stopping etcd: ${String(e)}`));
  }
  if (violations.length > 0) {
    process.stderr.write(`\n${violations.length} correctness violation(s):\n${violations.map((v) => `  ${v.figure}: ${v.message}`).join('\n')}\n`);
    return 1;
  }
  return 0;
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    process.stderr.write(`bench failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exit(2);
  },
);
