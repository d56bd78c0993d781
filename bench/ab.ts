import { execFileSync } from 'node:child_process';
import { symlinkSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureNamespace, createObject } from './support/flotilla-ops';
import { startFlotilla, type FlotillaTarget } from './support/flotilla-target';
import type { Client } from './support/https-client';
import { closedLoop } from './support/load';
import { configMap } from './support/objects';
import { processCpu, quantile } from './support/stats';

/**
 * `npm run bench -- --ab=<git ref>`: the create (or update) load against two API builds, the commit `ref` (A) and
 * this working tree (B), in paired windows, so that a change's effect is measured against the build before it by the
 * same load generator minutes apart at most. It runs in two phases with fresh processes and databases, A started
 * first in one and B in the other; in each, after one untimed window per side, pairs of windows run A then B or B then
 * A in turn, so the machine's drift does not favour one side. The result is the geometric mean of the pairs' B ÷ A
 * ratios with both phases weighted alike. Beside the rates it reports CPU per operation of each side's API process and
 * of its database's Postgres backends, from /proc: on these machines throughput moves by up to 40 % between windows, CPU
 * per operation less.
 *
 * A is run from a temporary git worktree of `ref` that shares this checkout's node_modules; both sides get fresh
 * databases. Decisions in docs/decisions.md cite the figures this prints.
 */

interface AbOptions {
  ref: string;
  pairs: number;
  seconds: number;
  warmupSeconds: number;
  clients: number;
  load: 'create' | 'update';
  /** API replicas of B (A runs one): what a second replica changes, with `--ab=HEAD`. */
  replicasB: number;
}

const ROOT = join(__dirname, '..');
const NS = 'bench-ab';
const BYTES = 1024;

function parseArgs(argv: string[]): AbOptions {
  const options: AbOptions = { ref: '', pairs: 6, seconds: 10, warmupSeconds: 2, clients: 32, load: 'create', replicasB: 1 };
  for (const arg of argv) {
    const [flag, value = ''] = arg.split('=', 2);
    if (flag === '--ab') options.ref = value;
    else if (flag === '--pairs' && /^[1-9]\d*$/.test(value)) options.pairs = Number(value);
    else if (flag === '--seconds' && /^[1-9]\d*$/.test(value)) options.seconds = Number(value);
    else if (flag === '--clients' && /^[1-9]\d*$/.test(value)) options.clients = Number(value);
    else if (flag === '--load' && (value === 'create' || value === 'update')) options.load = value;
    else if (flag === '--replicas-b' && /^[1-9]\d*$/.test(value)) options.replicasB = Number(value);
    else throw new Error(`unknown argument ${arg} (usage: npm run bench -- --ab=<ref> [--pairs=6] [--seconds=10] [--clients=32] [--load=create|update] [--replicas-b=1])`);
  }
  if (!options.ref) throw new Error('--ab=<ref> names the commit to compare the working tree against');
  return options;
}

/** One side of the comparison: an API build, its clients and what its load needs. */
class Side {
  private seq = 0;
  private readonly rv: number[] = [];

  constructor(
    readonly name: string,
    readonly target: FlotillaTarget,
    readonly client: Client,
  ) {}

  static async start(name: string, root: string | undefined, options: AbOptions, replicas = 1): Promise<Side> {
    const target = await startFlotilla(replicas, { root, databasePrefix: `flotilla_ab_${name.toLowerCase()}` });
    const client = target.client(options.clients);
    await ensureNamespace(client, NS);
    const side = new Side(name, target, client);
    if (options.load === 'update') {
      for (let c = 0; c < options.clients; c++) side.rv[c] = await createObject(client, `/api/v1/namespaces/${NS}/configmaps`, configMap(NS, `u-${c}`, BYTES));
    }
    return side;
  }

  async op(load: AbOptions['load'], c: number): Promise<void> {
    const n = this.seq++;
    if (load === 'create') {
      await createObject(this.client, `/api/v1/namespaces/${NS}/configmaps`, configMap(NS, `c-${n}`, BYTES));
      return;
    }
    const body = configMap(NS, `u-${c}`, BYTES, n);
    (body.metadata as Record<string, unknown>).resourceVersion = String(this.rv[c]);
    const updated = await this.client.json<{ metadata: { resourceVersion: string } }>('PUT', `/api/v1/namespaces/${NS}/configmaps/u-${c}`, body, 200);
    this.rv[c] = Number(updated.metadata.resourceVersion);
  }

  /** The Postgres backends serving this side's database. */
  async backends(): Promise<number[]> {
    const { rows } = await this.target.database.pool.query<{ pid: number }>(
      'SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()',
    );
    return rows.map((r) => r.pid);
  }

  async window(options: AbOptions): Promise<Window> {
    const apis = this.target.pids;
    const apiCpu = () => apis.reduce((sum, pid) => sum + processCpu(pid), 0);
    const backends = await this.backends();
    const apiBefore = apiCpu();
    const pgBefore = backends.map(processCpu);
    const opsBefore = this.seq;
    const load = await closedLoop(options.clients, options.seconds, (c) => this.op(options.load, c), options.warmupSeconds);
    const ops = this.seq - opsBefore;
    const pgCpu = backends.reduce((sum, pid, i) => sum + Math.max(0, processCpu(pid) - pgBefore[i]), 0);
    if (load.failed > 0) throw new Error(`${this.name}: ${load.failed} ${options.load}s failed: ${load.firstError}`);
    return { rate: load.perSecond, apiMicros: ((apiCpu() - apiBefore) * 1e6) / ops, pgMicros: (pgCpu * 1e6) / ops };
  }
}

interface Window {
  rate: number;
  apiMicros: number;
  pgMicros: number;
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  const commit = execFileSync('git', ['rev-parse', '--short', options.ref], { cwd: ROOT, encoding: 'utf8' }).trim();
  const worktree = await mkdtemp(join(tmpdir(), 'flotilla-ab-'));
  const log = (m: string) => process.stderr.write(`[ab] ${m}\n`);
  // A run that was killed leaves its worktree registered; prune forgets those whose folder is gone.
  execFileSync('git', ['worktree', 'prune'], { cwd: ROOT, stdio: 'ignore' });
  execFileSync('git', ['worktree', 'add', '--detach', '--force', worktree, commit], { cwd: ROOT, stdio: 'ignore' });
  symlinkSync(join(ROOT, 'node_modules'), join(worktree, 'node_modules'), 'dir');
  const running: Side[] = [];
  const stopAll = async () => {
    for (const side of running.splice(0)) await side.target.stop().catch((e: unknown) => log(`stopping ${side.name}: ${String(e)}`));
  };
  try {
    log(
      `${options.load}: A = ${commit}, B = the working tree${options.replicasB > 1 ? ` (${options.replicasB} replicas)` : ''}; ` +
        `${options.pairs} pairs of ${options.seconds} s windows (after ${options.warmupSeconds} s warm-up), ${options.clients} clients`,
    );
    const rows: Pair[] = [];
    // Two phases with fresh processes and databases, A started first in one and B in the other: in calibration runs
    // (the same build on both sides) one side was often 5–10 % slower for a whole phase, most often the one started
    // first. Weighted alike in the geometric mean, the phases keep a start-order effect out of the result.
    for (const firstStarted of ['A', 'B']) {
      const phasePairs = firstStarted === 'A' ? Math.ceil(options.pairs / 2) : Math.floor(options.pairs / 2);
      if (phasePairs === 0) continue;
      for (const name of firstStarted === 'A' ? ['A', 'B'] : ['B', 'A']) {
        running.push(name === 'A' ? await Side.start('A', worktree, options) : await Side.start('B', undefined, options, options.replicasB));
      }
      const a = running.find((s) => s.name === 'A') as Side;
      const b = running.find((s) => s.name === 'B') as Side;
      // One untimed window each first: the first window after the processes start ran slow in calibration runs.
      for (const side of running) await side.window(options);
      for (let p = 0; p < phasePairs; p++) {
        // Each phase's pairs start with the side started first, so neither side always has the phase's first window.
        const order = (p + (firstStarted === 'A' ? 0 : 1)) % 2 === 0 ? [a, b] : [b, a];
        const measured = new Map<Side, Window>();
        for (const side of order) measured.set(side, await side.window(options));
        const row = { a: measured.get(a) as Window, b: measured.get(b) as Window, firstStarted };
        rows.push(row);
        log(
          `pair ${rows.length} (${firstStarted} started first, ${order[0].name} ran first): A ${row.a.rate.toFixed(0)}/s, B ${row.b.rate.toFixed(0)}/s, ` +
            `B÷A ${(row.b.rate / row.a.rate).toFixed(2)}; API µs/op ${row.a.apiMicros.toFixed(0)} → ${row.b.apiMicros.toFixed(0)}; ` +
            `Postgres µs/op ${row.a.pgMicros.toFixed(0)} → ${row.b.pgMicros.toFixed(0)}`,
        );
      }
      await stopAll();
    }
    process.stdout.write(summary(options, commit, rows));
  } finally {
    await stopAll();
    execFileSync('git', ['worktree', 'remove', '--force', worktree], { cwd: ROOT, stdio: 'ignore' });
    await rm(worktree, { recursive: true, force: true });
  }
}

type Pair = { a: Window; b: Window; firstStarted: string };

/** The pairs of each phase that ran (A started first, then B started first). */
function phasesOf(rows: Pair[]): Pair[][] {
  return ['A', 'B'].map((p) => rows.filter((r) => r.firstStarted === p)).filter((rs) => rs.length > 0);
}

/** The geometric mean of B ÷ A, each phase weighted equally (so their start-order biases cancel). */
function balanced(rows: Pair[], ratio: (r: Pair) => number): number {
  const phases = phasesOf(rows);
  const logMean = (rs: Pair[]) => rs.reduce((sum, r) => sum + Math.log(ratio(r)), 0) / rs.length;
  return Math.exp(phases.reduce((sum, rs) => sum + logMean(rs), 0) / phases.length);
}

function summary(options: AbOptions, commit: string, rows: Pair[]): string {
  const median = (f: (r: Pair) => number, rs = rows) => quantile(rs.map(f), 0.5);
  const range = (f: (r: Pair) => number) => `${Math.min(...rows.map(f)).toFixed(2)}–${Math.max(...rows.map(f)).toFixed(2)}`;
  const byPhase = (f: (r: Pair) => number) =>
    phasesOf(rows)
      .map((rs) => `${rs[0].firstStarted} started first ${median(f, rs).toFixed(2)}`)
      .join(', ');
  const line = (label: string, f: (r: Pair) => number, a: string, b: string) =>
    `  ${label.padEnd(16)} ${balanced(rows, f).toFixed(2)}×  (pairs ${range(f)}; medians by phase: ${byPhase(f)}; ${a}, ${b})`;
  const rate = (r: Pair) => r.b.rate / r.a.rate;
  const api = (r: Pair) => r.b.apiMicros / r.a.apiMicros;
  const pg = (r: Pair) => r.b.pgMicros / r.a.pgMicros;
  return [
    `${options.load} throughput, B (working tree) ÷ A (${commit}), geometric mean of ${rows.length} pairs, both phases weighted alike:`,
    line('rate', rate, `A median ${median((r) => r.a.rate).toFixed(0)}/s`, `B ${median((r) => r.b.rate).toFixed(0)}/s`),
    line('API CPU/op', api, `A ${median((r) => r.a.apiMicros).toFixed(0)} µs`, `B ${median((r) => r.b.apiMicros).toFixed(0)} µs`),
    line('Postgres CPU/op', pg, `A ${median((r) => r.a.pgMicros).toFixed(0)} µs`, `B ${median((r) => r.b.pgMicros).toFixed(0)} µs`),
    '',
  ].join('\n');
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    process.stderr.write(`bench --ab failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exit(2);
  },
);
