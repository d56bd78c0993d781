// Install and build steps shared by `npm start` and `npm test`. Plain Node: this runs before node_modules exists.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

const INSTALL_STAMP = join(ROOT, 'node_modules', '.flotilla-installed');

function mtime(path) {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return undefined;
  }
}

function run(command, args, what) {
  const result = spawnSync(command, args, { cwd: ROOT, stdio: 'inherit' });
  if (result.error) throw new Error(`${what} could not run: ${result.error.message}`);
  if (result.status !== 0) throw new Error(`${what} failed (exit code ${result.status ?? result.signal})`);
}

/** The newest of package.json and package-lock.json: node_modules must be at least this recent. */
function manifestsTime() {
  return Math.max(mtime(join(ROOT, 'package.json')) ?? 0, mtime(join(ROOT, 'package-lock.json')) ?? 0);
}

function installNeeded() {
  if (!existsSync(join(ROOT, 'node_modules'))) return true;
  const stamp = mtime(INSTALL_STAMP) ?? mtime(join(ROOT, 'node_modules', '.package-lock.json'));
  return stamp === undefined || stamp < manifestsTime();
}

/**
 * `npm install`, not `npm ci`: the registry these machines reach lacks some other platforms' optional
 * binaries, so a lockfile written here is incomplete for `npm ci` while `npm install` accepts it.
 */
export function ensureInstalled() {
  if (!installNeeded()) return false;
  console.log('flotilla: installing dependencies (npm install)…');
  run('npm', ['install', '--no-audit', '--no-fund'], 'npm install');
  writeFileSync(INSTALL_STAMP, `${new Date().toISOString()}\n`);
  return true;
}

function newestSource(dir, skip) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!skip.has(entry.name)) newest = Math.max(newest, newestSource(path, skip));
    } else if (/\.(ts|json)$/.test(entry.name) && !/\.(spec|int-spec|e2e-spec)\.ts$/.test(entry.name)) {
      newest = Math.max(newest, statSync(path).mtimeMs);
    }
  }
  return newest;
}

/** Each TypeScript project of the root tsconfig.json and the build-info file that marks its last build. */
function projects() {
  const root = JSON.parse(readFileSync(join(ROOT, 'tsconfig.json'), 'utf8'));
  return root.references.map(({ path }) => {
    const config = join(ROOT, path);
    return { dir: dirname(config), buildInfo: join(dirname(config), 'dist', '.tsbuildinfo') };
  });
}

export function staleProjects() {
  const base = mtime(join(ROOT, 'tsconfig.base.json')) ?? 0;
  const skip = new Set(['dist', 'node_modules', 'test', 'coverage']);
  return projects()
    .filter(({ dir, buildInfo }) => {
      const built = mtime(buildInfo);
      return built === undefined || built < Math.max(base, newestSource(dir, skip));
    })
    .map(({ dir }) => dir.slice(ROOT.length + 1));
}

export function ensureBuilt() {
  const stale = staleProjects();
  if (stale.length === 0) return false;
  console.log(`flotilla: building (${stale.join(', ')} changed)…`);
  run('npm', ['run', '--silent', 'build'], 'npm run build');
  return true;
}

/** Runs install and build; on failure prints why and exits 1. */
export function prepare() {
  try {
    ensureInstalled();
    ensureBuilt();
  } catch (error) {
    console.error(`flotilla: ${error.message}`);
    process.exit(1);
  }
}
