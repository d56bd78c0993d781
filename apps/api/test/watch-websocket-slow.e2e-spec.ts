import { startHarness, type Harness } from '../../../test/support/api-harness';
import { rawRequest } from './support/raw-http';
import { openSocket, type TestSocket } from './support/watch-socket-client';

const NS = 'slow';
/** Well over the 16 MiB a socket may queue plus what the loopback's kernel buffers take in. */
const OBJECTS = 48;
const VALUE = 'x'.repeat(900_000);
const SLOW_CONSUMER = { code: 1008, reason: 'slow consumer: more than 16777216 bytes queued' };

describe('slow WebSocket watch consumers', () => {
  let harness: Harness;
  const sockets: TestSocket[] = [];

  const watcherGauge = async () => {
    const res = await rawRequest(harness, { path: '/metrics' });
    return Number(/^flotilla_watchers (\d+)/m.exec(res.body)?.[1] ?? 0);
  };

  beforeAll(async () => {
    harness = await startHarness();
    const res = await rawRequest(harness, {
      method: 'POST',
      path: '/api/v1/namespaces',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: NS } }),
    });
    expect(res.status).toBe(201);
  });

  afterAll(async () => {
    for (const s of sockets) s.ws.terminate();
    await harness?.stop();
  });

  it('drops a socket that stops reading, on the watch URL and on the multiplexed endpoint, and keeps fast readers', async () => {
    const before = await watcherGauge();
    const open = async (path: string) => {
      const s = await openSocket(harness, path);
      sockets.push(s);
      return s;
    };
    const fast = await open(`/api/v1/namespaces/${NS}/configmaps?watch=true`);
    const slow = await open(`/api/v1/namespaces/${NS}/configmaps?watch=true`);
    const slowMux = await open('/flotilla/v1/watch');
    slowMux.send({ op: 'subscribe', id: 'a', resource: 'configmaps', namespace: NS });
    slowMux.send({ op: 'subscribe', id: 'b', resource: 'configmaps', namespace: NS });
    await slowMux.waitFor((m: { id?: string; op?: string }) => m.id === 'b' && m.op === 'subscribed');
    expect(await watcherGauge()).toBe(before + 4);
    slow.ws.pause();
    slowMux.ws.pause();

    for (let i = 0; i < OBJECTS; i++) {
      const res = await rawRequest(harness, {
        method: 'POST',
        path: `/api/v1/namespaces/${NS}/configmaps`,
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: `big-${i}` }, data: { v: VALUE } }),
      });
      expect(res.status).toBe(201);
    }
    await fast.waitFor((m: { object: { metadata: { name: string } } }) => m.object.metadata.name === `big-${OBJECTS - 1}`, 30_000);
    // The server gave up on both paused sockets while they were still paused: only the fast watcher is left.
    expect(await watcherGauge()).toBe(before + 1);

    slow.ws.resume();
    slowMux.ws.resume();
    expect(await slow.closed).toEqual(SLOW_CONSUMER);
    expect(await slowMux.closed).toEqual(SLOW_CONSUMER);
    expect(slow.messages.length).toBeLessThan(OBJECTS);
    expect(fast.messages).toHaveLength(OBJECTS);
    expect(fast.ws.readyState).toBe(fast.ws.OPEN);
  });
});
