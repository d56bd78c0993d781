import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { createTestDatabase, type TestDatabase } from '../../test/support/test-database';
import type { ApiCommand, ApiReply } from './api-process';
import { HttpClient } from './https-client';

/** Flotilla under test: a fresh database, one API replica in a child process, and clients that talk to it like kubectl. */
/**
 * Which listener a client uses. The baselines are plain TCP on loopback (Postgres' protocol, etcd's gRPC), so the
 * figures are measured on the API's plain HTTP loopback listener (FLOTILLA_LOOPBACK_HTTP_PORT); the TLS listener,
 * which kubectl uses, gets rows of its own.
 */
export type Transport = 'http' | 'https';

export interface FlotillaTarget {
  database: TestDatabase;
  /** The plain HTTP loopback listener. */
  url: string;
  /** The HTTPS listener (same process, same API). */
  tlsUrl: string;
  urlOf(transport: Transport): string;
  /** The bearer token and the CA of the API's serving certificate, for clients other than `client()`. */
  token: string;
  caCertPem: string;
  /** Keep-alive client with the bearer token, up to `maxSockets` connections, on the plain listener by default. */
  client(maxSockets: number, transport?: Transport): HttpClient;
  memory(): Promise<{ rss: number; heapUsed: number; watchers: number }>;
  profile<T>(during: () => Promise<T>): Promise<{ result: T; profile: unknown }>;
  stop(): Promise<void>;
}

export async function startFlotilla(): Promise<FlotillaTarget> {
  const database = await createTestDatabase('flotilla_bench');
  const child = fork(join(__dirname, 'api-process.ts'), [], {
    execArgv: ['--expose-gc', '-r', join(__dirname, 'register.cjs')],
    env: { ...process.env, BENCH_DATABASE_URL: database.url },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const ready = await next(child, 'ready');
  const clients: HttpClient[] = [];
  return {
    database,
    url: ready.url,
    tlsUrl: ready.tlsUrl,
    urlOf: (transport) => (transport === 'https' ? ready.tlsUrl : ready.url),
    token: ready.token,
    caCertPem: ready.caCertPem,
    client(maxSockets, transport = 'http') {
      const c = new HttpClient({ baseUrl: transport === 'https' ? ready.tlsUrl : ready.url, ca: ready.caCertPem, headers: { Authorization: `Bearer ${ready.token}` }, maxSockets });
      clients.push(c);
      return c;
    },
    async memory() {
      const waiting = next(child, 'memory');
      send(child, { type: 'memory' });
      return waiting;
    },
    async profile(during) {
      send(child, { type: 'profile-start' });
      const result = await during();
      const waiting = next(child, 'profile');
      send(child, { type: 'profile-stop' });
      return { result, profile: (await waiting).profile };
    },
    async stop() {
      clients.forEach((c) => c.destroy());
      const exited = new Promise((r) => child.once('exit', r));
      send(child, { type: 'stop' });
      await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
      await database.drop();
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
