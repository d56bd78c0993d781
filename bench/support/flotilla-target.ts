import { fork, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestDatabase, type TestDatabase } from '../../test/support/test-database';
import type { ApiCommand, ApiReply } from './api-process';
import { HttpClient, RoundRobinClient, type Client } from './https-client';

/**
 * Which listener a client uses. The baselines are plain TCP on loopback (Postgres' protocol, etcd's gRPC), so the
 * figures are measured on the API's plain HTTP loopback listener (FLOTILLA_LOOPBACK_HTTP_PORT); the TLS listener,
 * which kubectl uses, gets rows of its own.
 */
export type Transport = 'http' | 'https';

type Ready = Extract<ApiReply, { type: 'ready' }>;

/** This checkout's root: the tree whose API the bench runs unless told another (`StartOptions.root`). */
const OWN_ROOT = join(__dirname, '../..');

/** The V8 flags the API runs with everywhere (apps/api/node-flags.json) in the tree at `root`. */
function apiNodeFlags(root: string): string[] {
  return (JSON.parse(readFileSync(join(root, 'apps/api/node-flags.json'), 'utf8')) as { flags: string[] }).flags;
}

/**
 * Flotilla under test: a fresh database and API replicas on it, each in its own process (so that its memory and CPU
 * are its own, not the load generator's), with clients that spread their requests over the replicas as a load
 * balancer would.
 */
export interface FlotillaTarget {
  database: TestDatabase;
  replicas: number;
  /** Each replica's URL on `transport`. */
  urlsOf(transport: Transport): string[];
  /** The bearer token and the CA of the API's serving certificate, for clients other than `client()`. */
  token: string;
  caCertPem: string;
  /** Keep-alive clients with the bearer token, `maxSockets` connections in all, on the plain listeners by default. */
  client(maxSockets: number, transport?: Transport): Client;
  /** Summed over the replicas. */
  memory(): Promise<{ rss: number; heapUsed: number; watchers: number }>;
  /** The replicas' process ids (for their CPU time in /proc). */
  pids: number[];
  /** Profiles the first replica. */
  profile<T>(during: () => Promise<T>): Promise<{ result: T; profile: unknown }>;
  stop(): Promise<void>;
}

export interface StartOptions {
  /**
   * The checkout whose API to run (default: this one). `npm run bench -- --ab=<ref>` runs another commit's API from
   * a worktree next to this one's, so that both are measured by the same load generator.
   */
  root?: string;
  /** The fresh database's name prefix. */
  databasePrefix?: string;
  /**
   * A diagnostic, never a figure of Flotilla itself: the API answers ConfigMap appends without sending them to
   * Postgres (`BENCH_NULL_APPENDS`, see api-process.ts), so that a window measures what the API process and the load
   * generator alone can do on this machine: the ceiling a free database would leave (docs/benchmarks.md).
   */
  nullAppends?: boolean;
}

export async function startFlotilla(replicas = 1, options: StartOptions = {}): Promise<FlotillaTarget> {
  const root = options.root ?? OWN_ROOT;
  // Left empty: the first replica runs its own tree's migrations (with `root`, another commit's, which may differ).
  const database = await createTestDatabase(options.databasePrefix ?? 'flotilla_bench', { migrate: false });
  // Every replica serves the same certificate and accepts the same token, as replicas behind one address do.
  const dataDir = await mkdtemp(join(tmpdir(), 'flotilla-bench-'));
  const token = `bench-${randomBytes(16).toString('hex')}`;
  // One at a time: the first runs the migrations and bootstrap objects the others then find in place.
  const children: ChildProcess[] = [];
  const ready: Ready[] = [];
  for (let i = 0; i < replicas; i++) {
    const child = fork(join(root, 'bench/support/api-process.ts'), [], {
      // The flags the API runs with everywhere, plus what the bench needs; that tree's require hook runs its sources.
      execArgv: [...apiNodeFlags(root), '--expose-gc', '-r', join(root, 'bench/support/register.cjs')],
      env: { ...process.env, BENCH_DATABASE_URL: database.url, BENCH_DATA_DIR: dataDir, BENCH_TOKEN: token, ...(options.nullAppends ? { BENCH_NULL_APPENDS: '1' } : {}) },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    children.push(child);
    ready.push(await next(child, 'ready'));
  }
  const { caCertPem } = ready[0];
  const clients: Client[] = [];
  const urlsOf = (transport: Transport) => ready.map((r) => (transport === 'https' ? r.tlsUrl : r.url));
  return {
    database,
    replicas,
    urlsOf,
    token,
    caCertPem,
    pids: children.map((c) => c.pid as number),
    client(maxSockets, transport = 'http') {
      const perReplica = Math.max(1, Math.ceil(maxSockets / replicas));
      const c = new RoundRobinClient(urlsOf(transport).map((baseUrl) => new HttpClient({ baseUrl, ca: caCertPem, headers: { Authorization: `Bearer ${token}` }, maxSockets: perReplica })));
      clients.push(c);
      return c;
    },
    async memory() {
      const samples = await Promise.all(
        children.map((child) => {
          const waiting = next(child, 'memory');
          send(child, { type: 'memory' });
          return waiting;
        }),
      );
      return samples.reduce((sum, m) => ({ rss: sum.rss + m.rss, heapUsed: sum.heapUsed + m.heapUsed, watchers: sum.watchers + m.watchers }), { rss: 0, heapUsed: 0, watchers: 0 });
    },
    async profile(during) {
      const child = children[0];
      send(child, { type: 'profile-start' });
      const result = await during();
      const waiting = next(child, 'profile');
      send(child, { type: 'profile-stop' });
      return { result, profile: (await waiting).profile };
    },
    async stop() {
      clients.forEach((c) => c.destroy());
      await Promise.all(
        children.map(async (child) => {
          const exited = new Promise((r) => child.once('exit', r));
          send(child, { type: 'stop' });
          await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
          if (child.exitCode === null) child.kill('SIGKILL');
        }),
      );
      await database.drop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

function send(child: ChildProcess, command: ApiCommand): void {
  child.send(command);
}

function next<K extends ApiReply['type']>(child: ChildProcess, type: K): Promise<Extract<ApiReply, { type: K }>> {
  return new Promise((resolve, reject) => {
    const onMessage = (m: ApiReply) => {
      if (m.type === type) {
        cleanup();
        resolve(m as Extract<ApiReply, { type: K }>);
      } else if (m.type === 'failed') {
        cleanup();
        reject(new Error(`API process: ${m.message}`));
      }
    };
    const onExit = (code: number | null) => {
      cleanup();
      reject(new Error(`API process exited (${code}) while waiting for ${type}`));
    };
    const cleanup = () => {
      child.off('message', onMessage);
      child.off('exit', onExit);
    };
    child.on('message', onMessage);
    child.on('exit', onExit);
  });
}
