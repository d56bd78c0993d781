import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { onTestServer, TEST_SERVER_URL } from '../../../test/support/test-database';

/** The built workers program (npm test builds dist/ before jest runs). */
const MAIN = join(__dirname, '..', 'dist', 'main.js');

interface Run {
  child: ChildProcess;
  output: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

function run(env: NodeJS.ProcessEnv): Run {
  const child = spawn(process.execPath, [MAIN], {
    env: { PATH: process.env.PATH, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (output += c.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  return { child, output: () => output, exited };
}

async function waitFor(r: Run, text: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!r.output().includes(text)) {
    if (r.child.exitCode !== null || Date.now() > deadline) {
      throw new Error(`did not print "${text}"; output:\n${r.output()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}


describe('workers process', () => {
  const database = `flotilla_test_${randomBytes(6).toString('hex')}`;
  const url = new URL(TEST_SERVER_URL);
  url.pathname = `/${database}`;

  beforeAll(async () => {
    if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: run npm run build (npm test does)`);
    await onTestServer((c) => c.query(`CREATE DATABASE ${database}`));
  });
  afterAll(() => onTestServer((c) => c.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`)));

  it.each(['SIGTERM', 'SIGINT'] as const)('starts on the Postgres queue backend and exits 0 on %s', async (signal) => {
    const r = run({ DATABASE_URL: url.toString(), FLOTILLA_WORKER_ROLES: 'scheduler' });
    await waitFor(r, 'Flotilla workers ready');
    expect(r.output()).toContain('Role scheduler: no runners registered yet');
    expect(r.output()).toContain('Roles not run by this process: controllers, kubelet, dispatcher');
    expect(r.output()).toMatch(new RegExp(`Queue round trip through postgres at ${url.host}/${database} in \\d+ ms`));
    r.child.kill(signal);
    expect(await r.exited).toEqual({ code: 0, signal: null });
    expect(r.output()).toContain(`${signal}: stopping`);
  });

  it('exits 2 naming every bad variable', async () => {
    const r = run({ FLOTILLA_WORKER_ROLES: 'etcd', REDIS_URL: 'http://x' });
    expect(await r.exited).toEqual({ code: 2, signal: null });
    expect(r.output()).toBe(
      [
        'Invalid Flotilla configuration:',
        '  REDIS_URL="http://x": must be a URL starting with redis:// or rediss://',
        '  FLOTILLA_WORKER_ROLES="etcd": must be a comma list of controllers, scheduler, kubelet, dispatcher, or all',
        '',
      ].join('\n'),
    );
  });

  it('exits 1 with the reason when the queue backend is unreachable', async () => {
    const r = run({ DATABASE_URL: 'postgres://postgres@127.0.0.1:1/none' });
    expect(await r.exited).toEqual({ code: 1, signal: null });
    expect(r.output()).toMatch(/Start failed: connect ECONNREFUSED 127\.0\.0\.1:1/);
  });
});
