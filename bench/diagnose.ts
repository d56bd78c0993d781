import { httpVersions } from './diagnostics/http-versions';
import { apiProfileDiff } from './diagnostics/api-profile-diff';
import { clientsSweep } from './diagnostics/clients-sweep';
import { replicasCompared } from './diagnostics/replicas';
import type { DiagnosticOptions } from './diagnostics/diagnostic';

/**
 * `npm run bench -- --diagnose=<name>`: the experiments behind docs/benchmarks.md's account of what limits the create
 * figure, kept so that they can be run again on another machine or after a change. They print what they measure and
 * never fail on it; none of them is one of the bench's figures.
 *
 * - `clients`: create rate, machine CPU per create, busy share and context switches per create at 32, 64 and 128
 *   clients, for Flotilla, Flotilla with appends answered without Postgres (the ceiling) and etcd.
 * - `profile`: the API process's CPU profile per create with Postgres and without (the ceiling), by area and by
 *   function, and the difference.
 * - `http2`: a trivial Node server over HTTP/1.1 (the bench's lean client) and over HTTP/2 (Node's client, one and
 *   four connections): requests per second and each side's CPU per request.
 * - `replicas`: one and two API replicas on one database, with Postgres and with appends answered without it: rate,
 *   machine CPU per create, busy share and each replica's CPU per create.
 */
const DIAGNOSTICS: Record<string, (options: DiagnosticOptions) => Promise<void>> = {
  clients: clientsSweep,
  profile: apiProfileDiff,
  http2: httpVersions,
  replicas: replicasCompared,
};

const USAGE = `usage: npm run bench -- --diagnose=${Object.keys(DIAGNOSTICS).join('|')} [--seconds=8] [--clients=32,64,128]`;

function parseArgs(argv: string[]): { name: string; options: DiagnosticOptions } {
  let name = '';
  const options: DiagnosticOptions = { seconds: 8, warmupSeconds: 2, clients: [32, 64, 128], log: (line) => console.log(line) };
  for (const arg of argv) {
    const [flag, value = ''] = arg.split('=', 2);
    if (flag === '--diagnose' && value in DIAGNOSTICS) name = value;
    else if (flag === '--seconds' && /^[1-9]\d*$/.test(value)) options.seconds = Number(value);
    else if (flag === '--clients' && /^[1-9]\d*(,[1-9]\d*)*$/.test(value)) options.clients = value.split(',').map(Number);
    else throw new Error(`unknown argument ${arg} (${USAGE})`);
  }
  if (!name) throw new Error(USAGE);
  // Short windows get as short a warm-up (the CI smoke run uses one second).
  options.warmupSeconds = Math.min(options.warmupSeconds, options.seconds);
  return { name, options };
}

async function main(): Promise<void> {
  const { name, options } = parseArgs(process.argv.slice(2));
  await DIAGNOSTICS[name](options);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(2);
  },
);
