import { startFlotilla } from '../support/flotilla-target';
import { closedLoop } from '../support/load';
import { selfTimes, type CpuProfile } from '../support/profile-summary';
import { configMapCreates } from '../support/flotilla-ops';
import { CONFIG_MAP_BYTES, type DiagnosticOptions } from './diagnostic';

const NS = 'bench-profile';

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
    const create = await configMapCreates(flotilla.client(clients), NS, CONFIG_MAP_BYTES);
    await closedLoop(clients, options.warmupSeconds, create('w'));
    const { result, profile } = await flotilla.profile(() => closedLoop(clients, options.seconds, create('p')));
    return perCreate(profile as CpuProfile, result.completed, result.perSecond);
  } finally {
    await flotilla.stop();
  }
}

function perCreate(profile: CpuProfile, creates: number, rate: number): PerCreate {
  const { byArea, byFunction, microsPerSample } = selfTimes(profile);
  const scale = (samples: Map<string, number>) => new Map([...samples].map(([name, hits]) => [name, (hits * microsPerSample) / Math.max(1, creates)]));
  return { rate, byArea: scale(byArea), byFunction: scale(byFunction) };
}

const sorted = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1]);
