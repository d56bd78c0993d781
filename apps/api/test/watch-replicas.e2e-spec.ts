import { matchesLabels, parseLabelSelector, type KubeObject } from '@flotilla/domain';
import type { ApiServer } from '../src/api-server';
import { startHarness, type Harness } from '../../../test/support/api-harness';
import { watchEventType } from '../src/resources/watch-streamer';
import { rawRequest } from './support/raw-http';
import { rawWatch, type WatchEvent } from './support/raw-watch';
import { openSocket } from './support/watch-socket-client';

/** HTTP and WebSocket watchers behind one shape. */
interface Stream {
  waitForEvents(count: number, timeoutMs?: number): Promise<WatchEvent[]>;
  close(): void;
}

/**
 * Issue 4 §3: two API replicas with no shared memory must give identical, exact streams. 16 writers spread over both
 * replicas; 100 watchers on both replicas with and without selectors, some starting in the past. Every watcher
 * must receive exactly the events the log says it should, in order, none missing, none twice.
 */
describe('watch across two API replicas', () => {
  let h: Harness;
  let second: ApiServer;
  const namespaces = ['r0', 'r1', 'r2', 'r3'];

  beforeAll(async () => {
    h = await startHarness();
    second = await h.startReplica();
    for (const ns of namespaces) {
      await rawRequest(h, { method: 'POST', path: '/api/v1/namespaces', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ metadata: { name: ns } }) });
    }
  });
  afterAll(() => h.stop());

  it('delivers exactly the expected events to 100 HTTP and WebSocket watchers while 16 writers use both replicas', async () => {
    const servers = [h.server.url, second.url];
    const listRv = async (server: string) =>
      Number(((await rawRequest(h, { path: '/api/v1/configmaps?limit=1' }, server)).json() as { metadata: { resourceVersion: string } }).metadata.resourceVersion);
    const start = await listRv(h.server.url);

    interface Watcher {
      namespace?: string;
      selector?: string;
      from: number;
      transport: 'http' | 'websocket';
      watch: Stream;
    }
    const watchers: Watcher[] = [];
    const open = async (i: number, from: number) => {
      const namespace = i % 3 === 0 ? undefined : namespaces[i % namespaces.length];
      const selector = i % 2 === 0 ? 'color=red' : undefined;
      const path =
        (namespace ? `/api/v1/namespaces/${namespace}/configmaps` : '/api/v1/configmaps') +
        `?watch=true&resourceVersion=${from}` +
        (selector ? `&labelSelector=${encodeURIComponent(selector)}` : '');
      const server = servers[i % 2];
      if (i % 4 < 2) {
        watchers.push({ namespace, selector, from, transport: 'http', watch: await rawWatch(h, path, server) });
        return;
      }
      const socket = await openSocket(h, path, { server });
      const watch: Stream = {
        waitForEvents: async (count, timeoutMs) => {
          if (count > 0) await socket.waitFor(() => socket.messages.length >= count, timeoutMs);
          return socket.messages.slice() as WatchEvent[];
        },
        close: () => socket.close(),
      };
      watchers.push({ namespace, selector, from, transport: 'websocket', watch });
    };
    for (let i = 0; i < 60; i++) await open(i, start);

    const writers = 16;
    const writesEach = 25;
    let lateOpened = 0;
    await Promise.all(
      Array.from({ length: writers }, async (_, w) => {
        const server = servers[w % 2];
        const namespace = namespaces[w % namespaces.length];
        for (let i = 0; i < writesEach; i++) {
          const name = `w${w}-${i % 4}`;
          const color = (w + i) % 3 === 0 ? 'red' : 'blue';
          const path = `/api/v1/namespaces/${namespace}/configmaps`;
          const exists = await rawRequest(h, { path: `${path}/${name}` }, server);
          if (i % 6 === 5 && exists.status === 200) {
            await rawRequest(h, { method: 'DELETE', path: `${path}/${name}` }, server);
          } else if (exists.status === 200) {
            await rawRequest(h, { method: 'PATCH', path: `${path}/${name}`, headers: { 'Content-Type': 'application/merge-patch+json' }, body: JSON.stringify({ metadata: { labels: { color } }, data: { i: String(i) } }) }, server);
          } else {
            await rawRequest(h, { method: 'POST', path, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ metadata: { name, labels: { color } }, data: { i: String(i) } }) }, server);
          }
          if (w === 0 && i % 3 === 1 && lateOpened < 40) {
            // Watchers that start in the past, from a position some writes ago: they replay, then go live.
            const rv = await listRv(server);
            for (let k = 0; k < 5 && lateOpened < 40; k++) await open(60 + lateOpened++, Math.max(start, rv - 10 * k));
          }
        }
      }),
    );
    expect(watchers).toHaveLength(100);
    expect(watchers.filter((w) => w.transport === 'websocket')).toHaveLength(50);

    const log = await h.server.store.readEvents(start, { limit: 100_000, resource: 'configmaps' });
    const expected = (w: Watcher) => {
      const reqs = w.selector ? parseLabelSelector(w.selector) : [];
      const matches = (o: KubeObject) => matchesLabels(reqs, o.metadata.labels);
      return log
        .filter((e) => e.resourceVersion > w.from && (w.namespace === undefined || e.namespace === w.namespace))
        .map((e) => ({ type: watchEventType(e, matches), rv: String(e.resourceVersion) }))
        .filter((e) => e.type !== undefined)
        .map((e) => `${e.type}@${e.rv}`);
    };
    for (const w of watchers) {
      const want = expected(w);
      const got = await w.watch.waitForEvents(want.length, 15_000);
      w.watch.close();
      expect({ transport: w.transport, events: got.map((e) => `${e.type}@${e.object.metadata.resourceVersion}`) }).toEqual({ transport: w.transport, events: want });
    }
  }, 120_000);

  it('keeps watch streams exact when every Postgres connection of the replicas is killed', async () => {
    const path = '/api/v1/namespaces/r0/configmaps';
    const listRv = Number(((await rawRequest(h, { path })).json() as { metadata: { resourceVersion: string } }).metadata.resourceVersion);
    const watches = [await rawWatch(h, `${path}?watch=true&resourceVersion=${listRv}`, h.server.url), await rawWatch(h, `${path}?watch=true&resourceVersion=${listRv}`, second.url)];
    const create = (name: string) =>
      rawRequest(h, { method: 'POST', path, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ metadata: { name } }) }, second.url);
    expect((await create('before-kill')).status).toBe(201);
    await h.database.pool.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()');
    // Writes right after the kill may meet a dead pooled connection once; a client retries, as kubectl would.
    for (const name of ['after-kill-1', 'after-kill-2', 'after-kill-3']) {
      for (let attempt = 0; ; attempt++) {
        const res = await create(name);
        if (res.status === 201) break;
        if (attempt > 5) throw new Error(`create ${name} kept failing: ${res.status} ${res.body}`);
        await new Promise((r) => setTimeout(r, 200));
      }
    }
    for (const w of watches) {
      const events = await w.waitForEvents(4, 15_000);
      w.close();
      expect(events.map((e) => `${e.type} ${e.object.metadata.name}`)).toEqual([
        'ADDED before-kill',
        'ADDED after-kill-1',
        'ADDED after-kill-2',
        'ADDED after-kill-3',
      ]);
    }
  });
});
