// `npm start`: install and build if needed, start an embedded Postgres unless DATABASE_URL is set, run the
// API and the workers, and print the kubeconfig to use once the API is ready. Ctrl-C stops everything.
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { prepare, ROOT } from './lib/prepare.mjs';
import { loadSettingsOrExit } from './lib/settings.mjs';
import { startEmbeddedPostgres } from './lib/embedded-postgres.mjs';
import { describeExit, startChild, stopChild } from './lib/processes.mjs';
import { waitForReady } from './lib/readiness.mjs';

const API_MAIN = join(ROOT, 'apps', 'api', 'dist', 'main.js');
const WORKERS_MAIN = join(ROOT, 'apps', 'workers', 'dist', 'main.js');
const WORKERS_READY = 'Flotilla workers ready';
/** The V8 flags the API runs with (apps/api/node-flags.json says why). */
const API_NODE_FLAGS = JSON.parse(readFileSync(join(ROOT, 'apps', 'api', 'node-flags.json'), 'utf8')).flags;

const state = { stopping: false, children: [], postgres: undefined, postgresStarting: undefined };

function say(message) {
  console.log(`flotilla: ${message}`);
}

async function shutdown(code, message) {
  if (state.stopping) return;
  state.stopping = true;
  if (message) console.error(`flotilla: ${message}`);
  else say('stopping…');
  const results = await Promise.all(state.children.map((c) => stopChild(c)));
  const unclean = state.children.filter((c) => code === 0 && results[c.index].code !== 0);
  for (const c of unclean) console.error(`flotilla: the ${c.name} process did not stop cleanly (${describeExit(results[c.index])})`);
  const postgres = state.postgres ?? (await state.postgresStarting?.catch(() => undefined));
  if (postgres) await postgres.stop();
  process.exit(unclean.length > 0 ? 1 : code);
}

function spawnChild(name, script, env, onLine, nodeFlags = []) {
  const proc = startChild(name, script, env, { onLine, nodeFlags });
  proc.index = state.children.length;
  state.children.push(proc);
  proc.exited.then((result) => {
    if (!state.stopping) void shutdown(1, `the ${name} process stopped unexpectedly (${describeExit(result)}); stopping everything`);
  });
  return proc;
}

function writtenSince(path, since) {
  try {
    return statSync(path).mtimeMs >= since;
  } catch {
    return false;
  }
}

async function main() {
  const startedAt = Date.now();
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => void shutdown(0));

  prepare();
  const settings = loadSettingsOrExit(process.env);
  const env = { ...process.env, FLOTILLA_DATA_DIR: settings.dataDir, FLOTILLA_PORT: String(settings.port) };
  // Children write through a pipe; keep their log colours only when the launcher itself is on a terminal.
  if (!process.stdout.isTTY && env.FORCE_COLOR === undefined) env.NO_COLOR = '1';

  if (!settings.databaseUrl) {
    state.postgresStarting = startEmbeddedPostgres(settings.dataDir, { log: say });
    state.postgres = await state.postgresStarting;
    if (state.stopping) return;
    say(`embedded Postgres on 127.0.0.1:${state.postgres.port} (data in ${join(settings.dataDir, 'postgres')})`);
    state.postgres.onUnexpectedExit((code, signal) =>
      shutdown(1, `the embedded Postgres stopped unexpectedly (${describeExit({ code, signal })}; see ${state.postgres.logFile})`),
    );
    env.DATABASE_URL = state.postgres.url;
  }
  say(`queues on ${settings.redisUrl ? 'Redis' : 'Postgres (BullMQ PostgreSQL backend)'}`);

  let workersReady = false;
  const api = spawnChild('api', API_MAIN, env, undefined, API_NODE_FLAGS);
  const workers = spawnChild('workers', WORKERS_MAIN, env, (line) => {
    if (line.includes(WORKERS_READY)) workersReady = true;
  });

  const kubeconfig = join(settings.dataDir, 'kubeconfig');
  const alive = () => !state.stopping && api.running() && workers.running();
  const ready = await waitForReady(settings.port, join(settings.dataDir, 'pki', 'ca.crt'), { alive });
  if (!ready) return;
  while (alive() && !(workersReady && writtenSince(kubeconfig, startedAt))) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  if (!alive()) return;
  say(`API on https://127.0.0.1:${settings.port}`);
  console.log(`Flotilla is ready: export KUBECONFIG=${kubeconfig}`);
}

main().catch((error) => void shutdown(1, error instanceof Error ? error.message : String(error)));
