import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { load } from 'js-yaml';
import { runKubectl } from './support/kubectl';

const ROOT = join(__dirname, '..');
const START_TIMEOUT_MS = 180_000;

interface Launch {
  child: ChildProcess;
  output: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** `npm start` as a new user runs it: no DATABASE_URL, no REDIS_URL, nothing else configured. */
function launch(dataDir: string, port: number, extra: NodeJS.ProcessEnv = {}): Launch {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (!/^(FLOTILLA_|DATABASE_URL$|REDIS_URL$)/.test(key)) env[key] = value;
  }
  Object.assign(env, { FLOTILLA_DATA_DIR: dataDir, FLOTILLA_PORT: String(port), NO_COLOR: '1' }, extra);
  const child = spawn(process.execPath, [join(ROOT, 'scripts', 'start.mjs')], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (output += c.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  return { child, output: () => output, exited };
}

async function waitForOutput(run: Launch, pattern: RegExp, timeoutMs = START_TIMEOUT_MS): Promise<RegExpMatchArray> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const match = run.output().match(pattern);
    if (match) return match;
    if (run.child.exitCode !== null || Date.now() > deadline) {
      throw new Error(`launcher did not print ${pattern}; output:\n${run.output()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function kubectl(kubeconfig: string, cacheDir: string, ...args: string[]) {
  return runKubectl(['--kubeconfig', kubeconfig, '--cache-dir', cacheDir, ...args]);
}

describe('npm start with the embedded defaults', () => {
  let dataDir: string;
  let runs: Launch[] = [];

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'flotilla-e2e-'));
  });

  afterEach(async () => {
    for (const run of runs) {
      if (run.child.exitCode === null && run.child.signalCode === null) {
        run.child.kill('SIGTERM');
        await run.exited;
      }
    }
    runs = [];
  });

  afterAll(() => rm(dataDir, { recursive: true, force: true }));

  it(
    'comes up on an embedded Postgres, serves kubectl 1.33 with the written kubeconfig, and stops on Ctrl-C',
    async () => {
      const run = launch(dataDir, await freePort());
      runs.push(run);
      const kubeconfig = join(dataDir, 'kubeconfig');
      await waitForOutput(run, new RegExp(`Flotilla is ready: export KUBECONFIG=${kubeconfig}\\n`));
      expect(run.output()).toContain(`flotilla: initialising the embedded Postgres in ${join(dataDir, 'postgres')}`);
      expect(run.output()).toContain('flotilla: queues on Postgres (BullMQ PostgreSQL backend)');
      expect((await stat(kubeconfig)).mode & 0o777).toBe(0o600);

      const version = await kubectl(kubeconfig, join(dataDir, 'cache'), 'version', '-o', 'json');
      expect(version.stderr).toBe('');
      expect(version.code).toBe(0);
      expect(JSON.parse(version.stdout).serverVersion.gitVersion).toMatch(/^v1\.\d+\.\d+/);

      const namespaces = await kubectl(kubeconfig, join(dataDir, 'cache'), 'get', 'namespaces', '-o', 'name');
      expect(namespaces.stderr).toBe('');
      expect(namespaces.code).toBe(0);
      expect(namespaces.stdout.split('\n')).toEqual(expect.arrayContaining(['namespace/default', 'namespace/kube-system']));

      run.child.kill('SIGINT');
      expect(await run.exited).toEqual({ code: 0, signal: null });
      expect(run.output()).toContain('flotilla: stopping');
      // Postgres removes its pid file only on a clean shutdown.
      expect(existsSync(join(dataDir, 'postgres', 'postmaster.pid'))).toBe(false);
    },
    START_TIMEOUT_MS + 60_000,
  );

  it(
    'reuses the database, CA and token on the next start',
    async () => {
      const before = load(await readFile(join(dataDir, 'kubeconfig'), 'utf8')) as Record<string, unknown>;
      const run = launch(dataDir, await freePort());
      runs.push(run);
      await waitForOutput(run, /Flotilla is ready/);
      expect(run.output()).not.toContain('initialising the embedded Postgres');
      const after = load(await readFile(join(dataDir, 'kubeconfig'), 'utf8')) as Record<string, unknown>;
      expect(after.users).toEqual(before.users);
      expect(after.clusters).not.toEqual(before.clusters); // a new port…
      expect(JSON.stringify(after.clusters)).toContain(
        (before.clusters as { cluster: { 'certificate-authority-data': string } }[])[0].cluster['certificate-authority-data'],
      ); // …and the same CA

      const namespaces = await kubectl(join(dataDir, 'kubeconfig'), join(dataDir, 'cache2'), 'get', 'namespaces');
      expect(namespaces.code).toBe(0);
      expect(namespaces.stdout).toMatch(/^NAME\s+STATUS\s+AGE\n/);

      run.child.kill('SIGTERM');
      expect(await run.exited).toEqual({ code: 0, signal: null });
    },
    START_TIMEOUT_MS + 60_000,
  );

  it(
    'stops everything with a non-zero exit when a child crashes',
    async () => {
      const run = launch(dataDir, await freePort());
      runs.push(run);
      await waitForOutput(run, /Flotilla is ready/);
      const [, pid] = await waitForOutput(run, /^api +\| \[Nest\] (\d+) /m);
      process.kill(Number(pid), 'SIGKILL');
      expect(await run.exited).toEqual({ code: 1, signal: null });
      expect(run.output()).toContain('flotilla: the api process stopped unexpectedly (signal SIGKILL); stopping everything');
      expect(existsSync(join(dataDir, 'postgres', 'postmaster.pid'))).toBe(false);
    },
    START_TIMEOUT_MS + 60_000,
  );

  it('exits 2 on invalid settings, naming the variable', async () => {
    const run = launch(dataDir, 6443, { FLOTILLA_PORT: 'https', FLOTILLA_WORKER_ROLES: 'etcd' });
    runs.push(run);
    expect(await run.exited).toEqual({ code: 2, signal: null });
    expect(run.output()).toContain('Invalid Flotilla configuration:\n  FLOTILLA_PORT="https": must be an integer from 1 to 65535\n');
    expect(run.output()).toContain('  FLOTILLA_WORKER_ROLES="etcd": must be a comma list');
  });
});
