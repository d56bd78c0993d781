import type { ApiServer } from '../src/api-server';
import { useHarness } from '../../../test/support/api-harness';
import { rawRequest } from './support/raw-http';
import { rawWatch } from './support/raw-watch';
import { openSocket } from './support/watch-socket-client';

/**
 * FLOTILLA_LOOPBACK_HTTP_PORT: a replica that also serves plain HTTP on 127.0.0.1 answers exactly like its TLS
 * listener (same routes, same authentication, same watch streams and sockets). kubectl is not among its clients:
 * client-go never sends a bearer token over plain HTTP, so kubectl keeps to the TLS listener.
 */
describe('plain HTTP loopback listener', () => {
  const harness = useHarness();
  let replica: ApiServer;
  let plain: string;

  beforeAll(async () => {
    replica = await harness.startReplica(0, { loopbackHttpPort: 0 });
    plain = replica.loopbackUrl as string;
  });

  it('listens on 127.0.0.1 with an http URL next to the https one', () => {
    expect(plain).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(replica.url).toMatch(/^https:/);
  });

  it('serves create, get and delete like the TLS listener', async () => {
    const body = JSON.stringify({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'over-plain' }, data: { a: '1' } });
    const created = await rawRequest(harness, { method: 'POST', path: '/api/v1/namespaces/default/configmaps', body, headers: { 'Content-Type': 'application/json' } }, plain);
    expect(created.status).toBe(201);
    const overTls = await rawRequest(harness, { path: '/api/v1/namespaces/default/configmaps/over-plain' }, replica.url);
    expect(overTls.json()).toEqual(created.json());
    expect((await rawRequest(harness, { method: 'DELETE', path: '/api/v1/namespaces/default/configmaps/over-plain' }, plain)).status).toBe(200);
    expect((await rawRequest(harness, { path: '/api/v1/namespaces/default/configmaps/over-plain' }, plain)).status).toBe(404);
  });

  it('still requires a bearer token', async () => {
    const res = await rawRequest(harness, { path: '/api/v1/namespaces', anonymous: true }, plain);
    expect(res.status).toBe(401);
    expect(res.json()).toMatchObject({ kind: 'Status', status: 'Failure', reason: 'Unauthorized', code: 401 });
  });

  it('streams chunked HTTP watches and upgraded WebSocket watches with the same events', async () => {
    const h = harness;
    const rv = (await rawRequest(h, { path: '/api/v1/namespaces/default/configmaps' }, plain)).json() as { metadata: { resourceVersion: string } };
    const path = `/api/v1/namespaces/default/configmaps?watch=true&resourceVersion=${rv.metadata.resourceVersion}`;
    const http = await rawWatch(h, path, plain);
    const socket = await openSocket(h, path, { server: plain, protocols: ['binary.k8s.io'] });
    for (const name of ['w-1', 'w-2', 'w-3']) {
      const body = JSON.stringify({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name } });
      expect((await rawRequest(h, { method: 'POST', path: '/api/v1/namespaces/default/configmaps', body, headers: { 'Content-Type': 'application/json' } }, plain)).status).toBe(201);
    }
    const events = await http.waitForEvents(3);
    expect(events.map((e) => [e.type, e.object.metadata.name])).toEqual([
      ['ADDED', 'w-1'],
      ['ADDED', 'w-2'],
      ['ADDED', 'w-3'],
    ]);
    await socket.waitFor<{ object: { metadata: { name: string } } }>((m) => m.object.metadata.name === 'w-3');
    expect(socket.frames.every((f) => f.binary)).toBe(true);
    expect(socket.messages).toEqual(events);
    http.close();
    socket.close();
  });
});
