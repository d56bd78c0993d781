import { startFlotilla } from '../support/flotilla-target';
import { closedLoop } from '../support/load';
import { processCpu } from '../support/stats';
import { configMapCreates } from '../support/flotilla-ops';
import { CONFIG_MAP_BYTES, type DiagnosticOptions } from './diagnostic';

const NS = 'bench-replicas';

/**
 * Would more API processes fill the two cores? One and two API replicas on one database, behind round-robin clients,
 * with appends going to Postgres and answered without it (the ceiling, D24), at the first `--clients`: rate, machine
 * CPU per create, busy share and each replica's CPU per create (of all creates). With free appends this is the most a
 * second API process can add on this machine; with Postgres, what it adds today (each replica tails the other's
 * writes, and both append through the one log lock).
 */
export async function replicasCompared(options: DiagnosticOptions): Promise<void> {
  const clients = options.clients[0];
  for (const nullAppends of [false, true]) {
    for (const replicas of [1, 2]) {
      const flotilla = await startFlotilla(replicas, { databasePrefix: 'flotilla_bench_replicas', nullAppends });
      try {
        const create = await configMapCreates(flotilla.client(clients), NS, CONFIG_MAP_BYTES);
        await closedLoop(clients, options.warmupSeconds, create('w'));
        const before = flotilla.pids.map(processCpu);
        const load = await closedLoop(clients, options.seconds, create('m'));
        const perReplica = flotilla.pids.map((pid, i) => `${(((processCpu(pid) - before[i]) * 1e6) / Math.max(1, load.completed)).toFixed(0)} µs`).join(' + ');
        const machine = load.machine ? `${load.machine.cpuMicrosPerOp.toFixed(0)} µs of machine CPU per create at ${(load.machine.busyShare * 100).toFixed(0)} % busy` : 'machine CPU n/a';
        options.log(
          `${replicas} replica${replicas === 1 ? '' : 's'}, ${nullAppends ? 'appends without Postgres' : 'Postgres'}, ${clients} clients: ` +
            `${load.perSecond.toFixed(0)}/s, ${machine}; API CPU per create ${perReplica}${load.failed ? `; ${load.failed} failed: ${load.firstError}` : ''}`,
        );
      } finally {
        await flotilla.stop();
      }
    }
  }
}
