import { createServer, request, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { BadRequestError } from '@flotilla/domain';
import { Authenticator } from '../auth/authenticator';
import { RequestMetrics } from '../metrics';
import type { RequestContext } from './request-context';
import { installResourceRoute } from './resource.route';
import type { ResourceRequest, ResourceService } from './resource.service';

const TOKEN = 'route-test-token';

interface Served {
  request: ResourceRequest;
  body?: string;
}

/** A server whose usual listener (Express, in the API) answers 299, with the route installed in front of it. */
async function setup(handle: (res: ServerResponse) => Promise<void> = async (res) => void res.end('served')) {
  const served: Served[] = [];
  const resources = {
    context: (req: ResourceRequest) => {
      served.push({ request: req, body: Buffer.isBuffer(req.body) ? req.body.toString() : undefined });
      return { info: {} } as RequestContext;
    },
    handle: (_ctx: RequestContext, _req: IncomingMessage, res: ServerResponse) => handle(res),
  } as unknown as ResourceService;
  const server: Server = createServer((_req, res) => {
    res.statusCode = 299;
    res.end('usual');
  });
  const metrics = new RequestMetrics();
  installResourceRoute(server, {
    resources,
    authenticator: new Authenticator([{ token: TOKEN, user: { username: 'u', groups: [] } }]),
    metrics,
    bodyLimit: 64,
    skip: ['/apis/history.flotilla.dev/'],
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const send = (method: string, path: string, body?: Buffer | string, headers: Record<string, string> = {}) =>
    new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = request({ port, host: '127.0.0.1', method, path, headers: { Authorization: `Bearer ${TOKEN}`, ...headers } }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString() }));
      });
      req.on('error', reject);
      req.end(body);
    });
  return { server, served, metrics, send, close: () => new Promise((r) => server.close(r)) };
}

describe('resource route', () => {
  let t: Awaited<ReturnType<typeof setup>>;
  afterEach(() => t.close());

  it('serves a resource request with its path, parsed query, headers and raw body', async () => {
    t = await setup();
    const reply = await t.send('POST', '/api/v1/namespaces/default/configmaps?dryRun=All&fieldManager=me&x=1&x=2', '{"a":1}', { 'Content-Type': 'application/json' });
    expect(reply).toEqual({ status: 200, body: 'served' });
    expect(t.served).toHaveLength(1);
    const { request: req, body } = t.served[0];
    expect([req.method, req.path, { ...req.query }, req.headers['content-type'], body]).toEqual([
      'POST',
      '/api/v1/namespaces/default/configmaps',
      { dryRun: 'All', fieldManager: 'me', x: ['1', '2'] },
      'application/json',
      '{"a":1}',
    ]);
  });

  it('gives a request without Content-Length no body, and one with Content-Length: 0 an empty one', async () => {
    t = await setup();
    await t.send('DELETE', '/api/v1/namespaces/default/configmaps/a');
    await t.send('DELETE', '/api/v1/namespaces/default/configmaps/b', '', { 'Content-Length': '0' });
    expect(t.served.map((s) => s.body)).toEqual([undefined, '']);
  });

  it.each([
    ['GET', '/api/v1', undefined, {}],
    ['GET', '/apis/apps/v1', undefined, {}],
    ['GET', '/openapi/v2', undefined, {}],
    ['GET', '/api/v1/namespaces/default/pods?watch=true', undefined, {}],
    ['GET', '/api/v1/watch/namespaces/default/pods', undefined, {}],
    ['OPTIONS', '/api/v1/namespaces/default/pods', undefined, {}],
    ['GET', '/apis/history.flotilla.dev/v1/namespaces/default/revisions', undefined, {}],
    ['GET', '/api/v1/namespaces/%E0%A4%A/pods', undefined, {}],
    ['POST', '/api/v1/namespaces/default/configmaps', 'x'.repeat(65), {}],
    ['POST', '/api/v1/namespaces/default/configmaps', gzipSync('{}'), { 'Content-Encoding': 'gzip' }],
    ['POST', '/api/v1/namespaces/default/configmaps', undefined, { 'Transfer-Encoding': 'chunked' }],
  ])('leaves %s %s to the usual route (case %#)', async (method, path, body, headers) => {
    t = await setup();
    expect(await t.send(method, path, body, headers)).toEqual({ status: 299, body: 'usual' });
    expect(t.served).toEqual([]);
  });

  it('answers a request without valid credentials 401 with a Status, and counts it', async () => {
    t = await setup();
    const reply = await t.send('GET', '/api/v1/namespaces/default/configmaps', undefined, { Authorization: 'Bearer wrong' });
    expect(reply.status).toBe(401);
    expect(JSON.parse(reply.body)).toMatchObject({ kind: 'Status', code: 401, reason: 'Unauthorized' });
    expect(t.served).toEqual([]);
    expect(t.metrics.render()).toMatch(/apiserver_request_total\{verb="LIST"[^}]*resource="configmaps"[^}]*code="401"\} 1/);
  });

  it("answers the service's errors as a Status with their code", async () => {
    t = await setup(() => Promise.reject(new BadRequestError('no good')));
    const reply = await t.send('PUT', '/api/v1/namespaces/default/configmaps/a', '{}');
    expect(reply.status).toBe(400);
    expect(JSON.parse(reply.body)).toMatchObject({ kind: 'Status', code: 400, message: 'no good' });
  });
});
