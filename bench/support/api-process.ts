import 'reflect-metadata';
import { Session } from 'node:inspector';
import { startApiServer } from '../../apps/api/src/api-server';
import { adminUser } from '../../apps/api/src/auth/authenticator';
import { ensurePki } from '../../apps/api/src/security';
import { PipelinedClient } from '@flotilla/persistence';

/** Messages the bench process sends to this API process over IPC. */
export type ApiCommand = { type: 'memory' } | { type: 'profile-start' } | { type: 'profile-stop' } | { type: 'stop' };
export type ApiReply =
  | { type: 'ready'; url: string; tlsUrl: string; caCertPem: string }
  | { type: 'memory'; rss: number; heapUsed: number; watchers: number }
  | { type: 'profile'; profile: unknown }
  | { type: 'failed'; message: string };

/**
 * `BENCH_NULL_APPENDS=1` (a diagnostic for the create figure's ceiling row, never Flotilla's own figure): appends of
 * ConfigMaps only are answered on the next turn of the event loop as if they had landed where they were decided,
 * without going to Postgres. The API still decides every batch and serialises its objects for the statement, so the
 * window measures the API process and the load generator with a database that costs nothing. Anything else (bootstrap, namespaces) is stored.
 */
function answerConfigMapAppendsWithoutPostgres(): void {
  const query = PipelinedClient.prototype.query;
  PipelinedClient.prototype.query = function <R>(this: PipelinedClient, text: string, values: unknown[], name?: string): Promise<R[]> {
    const resources = values[5];
    if (name !== 'flotilla_append_batch' || !Array.isArray(resources) || !resources.every((r) => r === 'configmaps')) return query.call(this, text, values, name) as Promise<R[]>;
    const last = String(Number(values[0]) + resources.length);
    return new Promise((resolve) => setImmediate(() => resolve([{ last } as R])));
  };
}

/** One API replica in its own process, so that its memory and CPU are its own and the load generator's are not. */
async function main(): Promise<void> {
  const databaseUrl = process.env.BENCH_DATABASE_URL;
  if (!databaseUrl) throw new Error('BENCH_DATABASE_URL is required');
  const dataDir = process.env.BENCH_DATA_DIR;
  const token = process.env.BENCH_TOKEN;
  if (!dataDir || !token) throw new Error('BENCH_DATA_DIR and BENCH_TOKEN are required');
  if (process.env.BENCH_NULL_APPENDS === '1') answerConfigMapAppendsWithoutPostgres();
  // Replicas share the data dir: the first creates the CA and serving certificate, the others load them.
  const pki = await ensurePki(dataDir, []);
  const server = await startApiServer({
    databaseUrl,
    port: 0,
    host: '127.0.0.1',
    tls: { keyPem: pki.keyPem, certPem: pki.certPem },
    loopbackHttpPort: 0,
    tokens: [{ token, user: adminUser() }],
  });
  const session = new Session();
  session.connect();
  const post = (method: string, params?: object) =>
    new Promise<unknown>((resolve, reject) => session.post(method, params ?? {}, (e, r) => (e ? reject(e) : resolve(r))));
  const reply = (m: ApiReply) => process.send?.(m);

  process.on('message', (m: ApiCommand) => {
    void (async () => {
      switch (m.type) {
        case 'memory': {
          // Collect first, so two samples compare live memory rather than when V8 last happened to collect.
          (globalThis as { gc?: () => void }).gc?.();
          const usage = process.memoryUsage();
          reply({ type: 'memory', rss: usage.rss, heapUsed: usage.heapUsed, watchers: server.hub.watcherCount });
          return;
        }
        case 'profile-start':
          await post('Profiler.enable');
          await post('Profiler.setSamplingInterval', { interval: 500 });
          await post('Profiler.start');
          return;
        case 'profile-stop': {
          const result = (await post('Profiler.stop')) as { profile: unknown };
          reply({ type: 'profile', profile: result.profile });
          return;
        }
        case 'stop':
          session.disconnect();
          await server.close();
          process.exit(0);
      }
    })().catch((e: unknown) => reply({ type: 'failed', message: String(e) }));
  });
  // The bench process went away (crashed or killed): do not outlive it.
  process.on('disconnect', () => process.exit(1));
  reply({ type: 'ready', url: server.loopbackUrl as string, tlsUrl: server.url, caCertPem: pki.caCertPem });
}

main().catch((e: unknown) => {
  process.send?.({ type: 'failed', message: e instanceof Error ? (e.stack ?? e.message) : String(e) } satisfies ApiReply);
  process.exit(1);
});
