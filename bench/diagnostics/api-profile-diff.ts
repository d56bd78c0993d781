import { createObject, ensureNamespace } from '../support/flotilla-ops';
import { startFlotilla } from '../support/flotilla-target';
import { closedLoop } from '../support/load';
import { configMap } from '../support/objects';
import { areaOf, type CpuProfile } from '../support/profile-summary';
import type { DiagnosticOptions } from './diagnostic';

const NS = 'bench-profile';
const BYTES = 1024;

/** Self time per create in µs, by area and by function. */
interface PerCreate {
  rate: number;
  byArea: Map<string, number>;
  byFunction: Map<string, number>;
}

/**
 * Where the API process's extra CPU per create goes when its appends go to Postgres: the same create load (the first
 * `--clients`) profiled on an API whose appends reach Postgres and on one whose ConfigMap appends are answered without
 * it (the ceiling, D24), each function's self time divided by the creates completed, and the difference. Only the
 * API's main thread is sampled; the profiler slows both sides alike.
 */
export async function apiProfileDiff(options: DiagnosticOptions): Promise<void> {
  const clients = options.clients[0];
  const withPostgres = await profileCreates(options, clients, false);
  const without = await profileCreates(options, clients, true);
  for (const [label, side] of [['with Postgres', withPostgres], ['appends answered without Postgres', without]] as const) {
    options.log(`\n${label}: ${side.rate.toFixed(0)} creates/s; main-thread self time per create by area:`);
    for (const [area, micros] of sorted(side.byArea)) options.log(`  ${micros.toFixed(1).padStart(6)} µs  ${area}`);
  }
  const difference = new Map<string, number>();
  for (const name of new Set([...withPostgres.byFunction.keys(), ...without.byFunction.keys()])) {
    difference.set(name, (withPostgres.byFunction.get(name) ?? 0) - (without.byFunction.get(name) ?? 0));
  }
  options.log('\nby function, with Postgres minus without (µs per create; with Postgres in brackets):');
  for (const [name, micros] of [...difference].sort((a, b) => Math.abs(b[1]) - Math.abs(a[1])).slice(0, 30)) {
    options.log(`  ${micros.toFixed(2).padStart(6)} (${(withPostgres.byFunction.get(name) ?? 0).toFixed(2)})  ${name}`);
  }
}

async function profileCreates(options: DiagnosticOptions, clients: number, nullAppends: boolean): Promise<PerCreate> {
  const flotilla = await startFlotilla(1, { databasePrefix: 'flotilla_bench_profile', nullAppends });
  try {
    const client = flotilla.client(clients);
    await ensureNamespace(client, NS);
    const create = (prefix: string) => (c: number, seq: number) =>
      createObject(client, `/api/v1/namespaces/${NS}/configmaps`, configMap(NS, `${prefix}-${c}-${seq}`, BYTES)).then(() => undefined);
    await closedLoop(clients, options.warmupSeconds, create('w'));
    const { result, profile } = await flotilla.profile(() => closedLoop(clients, options.seconds, create('p')));
    return perCreate(profile as CpuProfile, result.completed, result.perSecond);
  } finally {
    await flotilla.stop();
  }
}

function perCreate(profile: CpuProfile, creates: number, rate: number): PerCreate {
  const samples = profile.nodes.reduce((sum, n) => sum + (n.hitCount ?? 0), 0) || 1;
  const microsPerSample = (profile.endTime - profile.startTime) / samples;
  const byArea = new Map<string, number>();
  const byFunction = new Map<string, number>();
  for (const node of profile.nodes) {
    const hits = node.hitCount ?? 0;
    if (hits === 0) continue;
    const { functionName, url, lineNumber } = node.callFrame;
    const micros = (hits * microsPerSample) / Math.max(1, creates);
    const area = areaOf(url, functionName);
    byArea.set(area, (byArea.get(area) ?? 0) + micros);
    const name = `${functionName || '(anonymous)'} ${url ? `${url.replace(/^.*\/(node_modules|apps|libs)\//, '$1/')}:${lineNumber + 1}` : ''}`.trim();
    byFunction.set(name, (byFunction.get(name) ?? 0) + micros);
  }
  return { rate, byArea, byFunction };
}

const sorted = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1]);
