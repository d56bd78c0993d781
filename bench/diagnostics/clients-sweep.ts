import { startEtcd, b64 } from '../support/etcd-server';
import { startFlotilla } from '../support/flotilla-target';
import { closedLoop } from '../support/load';
import { storedConfigMap } from '../support/objects';
import { configMapCreates } from '../support/flotilla-ops';
import { CONFIG_MAP_BYTES, contextSwitches, type DiagnosticOptions } from './diagnostic';

const NS = 'bench-sweep';

/**
 * How the create rate, the machine's CPU per create, its busy share and the context switches per create move with
 * the number of clients, for Flotilla, for Flotilla with its appends answered without Postgres (the create figure's
 * ceiling, D24) and for etcd. The create figure runs 32 clients; this shows whether a ratio there is set by CPU per
 * create or by how busy the loop can keep two cores (docs/benchmarks.md, "Why 1.5× etcd is out of reach here").
 */
export async function clientsSweep(options: DiagnosticOptions): Promise<void> {
  const most = Math.max(...options.clients);
  for (const nullAppends of [false, true]) {
    const flotilla = await startFlotilla(1, { databasePrefix: 'flotilla_bench_sweep', nullAppends });
    try {
      const create = await configMapCreates(flotilla.client(most), NS, CONFIG_MAP_BYTES);
      await sweep(options, nullAppends ? 'Flotilla, appends without Postgres' : 'Flotilla', create);
    } finally {
      await flotilla.stop();
    }
  }
  const etcd = await startEtcd(options.log);
  try {
    const client = etcd.client(most);
    try {
      await sweep(options, 'etcd', (prefix) => async (c, seq) => {
        const name = `${prefix}-${c}-${seq}`;
        await client.json('POST', '/v3/kv/put', { key: b64(`/bench/sweep/${name}`), value: b64(JSON.stringify(storedConfigMap('bench', name, CONFIG_MAP_BYTES, 0))) }, 200);
      });
    } finally {
      client.destroy();
    }
  } finally {
    await etcd.stop();
  }
}

/** `creates(prefix)` is the load's operation, its names prefixed `prefix`. */
async function sweep(options: DiagnosticOptions, label: string, creates: (prefix: string) => (c: number, seq: number) => Promise<void>): Promise<void> {
  for (const clients of options.clients) {
    const prefix = `c${clients}-${Date.now().toString(36)}`;
    // Warm-up untimed, then the window, so the context switches counted are the window's alone.
    await closedLoop(clients, options.warmupSeconds, creates(`${prefix}-w`));
    const switchesBefore = contextSwitches();
    const load = await closedLoop(clients, options.seconds, creates(prefix));
    const switches = (contextSwitches() - switchesBefore) / Math.max(1, load.completed);
    const machine = load.machine ? `${load.machine.cpuMicrosPerOp.toFixed(0)} µs of machine CPU per create at ${(load.machine.busyShare * 100).toFixed(0)} % busy` : 'machine CPU n/a';
    options.log(`${label}, ${clients} clients: ${load.perSecond.toFixed(0)}/s, ${machine}, ${switches.toFixed(2)} context switches per create${load.failed ? `, ${load.failed} failed: ${load.firstError}` : ''}`);
  }
}
