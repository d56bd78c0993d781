// `npm test`: install and build if needed (end-to-end tests spawn the built programs), check that the
// test Postgres and Redis answer, then run jest with any extra arguments passed through.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { prepare, ROOT } from './lib/prepare.mjs';

const DEFAULTS = {
  FLOTILLA_TEST_DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/postgres',
  FLOTILLA_TEST_REDIS_URL: 'redis://127.0.0.1:6379',
};
/**
 * Measured on the 2-core machines (docs/running.md): the whole suite takes the same time in band as with
 * two workers, because the end-to-end suites already keep the second core busy with their servers; in band
 * keeps their timings steadier.
 */
const DEFAULT_WORKERS = '--runInBand';

function reachable(url) {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = connect({ host: hostname.replace(/^\[|\]$/g, ''), port: Number(port) || 5432, timeout: 3000 });
    socket.once('connect', () => socket.end(() => resolve(true)));
    socket.once('timeout', () => socket.destroy() ?? resolve(false));
    socket.once('error', () => resolve(false));
  });
}

async function checkServices(env) {
  const missing = [];
  for (const [name, variable, portDefault] of [
    ['PostgreSQL', 'FLOTILLA_TEST_DATABASE_URL', 5432],
    ['Redis', 'FLOTILLA_TEST_REDIS_URL', 6379],
  ]) {
    const url = new URL(env[variable]);
    if (!url.port) url.port = String(portDefault);
    if (!(await reachable(url.toString()))) missing.push(`${name} at ${url.host} (${variable})`);
  }
  if (missing.length > 0) {
    console.error(`flotilla: the tests need a real server for each of: ${missing.join(', ')}; none answers.`);
    console.error('flotilla: start them (see docs/running.md, "Tests") or point the variables elsewhere.');
    process.exit(1);
  }
}

async function main() {
  prepare();
  const env = { ...process.env };
  for (const [key, value] of Object.entries(DEFAULTS)) env[key] ||= value;
  await checkServices(env);

  const args = process.argv.slice(2);
  const chooseWorkers = !args.some((a) => /^(-i|--runInBand|-w|--maxWorkers)(=|$)/.test(a));
  const reportDir = mkdtempSync(join(tmpdir(), 'flotilla-jest-'));
  const report = join(reportDir, 'report.json');
  const jest = join(ROOT, 'node_modules', 'jest', 'bin', 'jest.js');
  const child = spawn(
    process.execPath,
    [jest, ...(chooseWorkers ? [DEFAULT_WORKERS] : []), '--json', `--outputFile=${report}`, ...args],
    { cwd: ROOT, env, stdio: ['ignore', 'ignore', 'inherit'] },
  );
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  const code = await new Promise((resolve) => child.on('exit', (c, s) => resolve(c ?? (s ? 1 : 0))));

  try {
    const r = JSON.parse(readFileSync(report, 'utf8'));
    const skipped = r.numPendingTests + r.numTodoTests;
    // A plain closing line that any CI reader can count.
    console.log(`jest: ${r.numPassedTests} passed, ${r.numFailedTests} failed${skipped ? `, ${skipped} skipped` : ''}`);
    if (r.numFailedTestSuites > 0 && r.numFailedTests === 0) {
      console.log(`jest: ${r.numFailedTestSuites} test files failed to run`);
    }
  } catch {
    console.log('jest: no report was written');
  }
  rmSync(reportDir, { recursive: true, force: true });
  process.exit(code);
}

main();
