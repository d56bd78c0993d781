import { createHash } from 'node:crypto';
import { request } from 'node:http';
import { createBuiltinRegistry } from '@flotilla/domain';
import { fetchText, type Harness, serveModules } from '../system/serve.harness';
import { RESOURCE_REGISTRY } from '../tokens';
import { gnosticType } from './gnostic-v2.messages';
import { OpenApiModule } from './openapi.module';

describe('OpenApiController', () => {
  let harness: Harness;

  beforeAll(async () => {
    harness = await serveModules([OpenApiModule], [{ provide: RESOURCE_REGISTRY, useValue: createBuiltinRegistry() }]);
  });
  afterAll(() => harness.close());

  const get = (path: string, headers: Record<string, string> = {}) => fetchText(`${harness.url}${path}`, { headers });
  const sha512 = (s: string) => createHash('sha512').update(s).digest('hex').toUpperCase();

  it('GET /openapi/v3 names every group version with the hash of its document', async () => {
    const res = await get('/openapi/v3');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/json');
    expect(res.headers.etag).toBe(`"${sha512(res.body)}"`);
    const { paths } = JSON.parse(res.body);
    expect(Object.keys(paths)).toEqual(expect.arrayContaining(['api/v1', 'apis/apps/v1', 'apis/batch/v1', 'apis/autoscaling/v2']));
    expect(paths['apis/apps/v1'].serverRelativeURL).toMatch(/^\/openapi\/v3\/apis\/apps\/v1\?hash=[0-9A-F]{128}$/);

    const doc = await get(paths['apis/apps/v1'].serverRelativeURL, { accept: 'application/json' });
    expect(doc.status).toBe(200);
    expect(doc.headers['content-type']).toBe('application/json');
    expect(doc.headers['cache-control']).toBe('public, immutable');
    expect(Date.parse(String(doc.headers.expires)) - Date.now()).toBeGreaterThan(360 * 24 * 3600 * 1000);
    expect(doc.headers.vary).toBe('Accept');
    expect(`/openapi/v3/apis/apps/v1?hash=${sha512(doc.body)}`).toBe(paths['apis/apps/v1'].serverRelativeURL);
    expect(JSON.parse(doc.body).paths).toHaveProperty(['/apis/apps/v1/namespaces/{namespace}/deployments/{name}']);
  });

  it('serves a document without a hash, uncached', async () => {
    const res = await get('/openapi/v3/api/v1');
    expect(res.status).toBe(200);
    expect(res.headers['cache-control']).toBeUndefined();
    expect(JSON.parse(res.body).paths).toHaveProperty(['/api/v1/namespaces/{namespace}/pods/{name}']);
  });

  it('redirects a stale hash to the current one', async () => {
    const { paths } = JSON.parse((await get('/openapi/v3')).body);
    const res = await get('/openapi/v3/apis/apps/v1?hash=0BSOLETE');
    expect(res.status).toBe(301);
    expect(res.headers.location).toBe(paths['apis/apps/v1'].serverRelativeURL);
  });

  it('answers 304 to a matching If-None-Match', async () => {
    const first = await get('/openapi/v3/apis/apps/v1');
    const again = await get('/openapi/v3/apis/apps/v1', { 'if-none-match': String(first.headers.etag) });
    expect(again.status).toBe(304);
  });

  it.each(['/openapi/v3/apis/nope/v1', '/openapi/v3/apis/apps/v9', '/openapi/v3/api/v2'])('GET %s is a 404 Status', async (path) => {
    const res = await get(path);
    expect(res.status).toBe(404);
    expect(JSON.parse(res.body)).toEqual({
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: 'the server could not find the requested resource',
      reason: 'NotFound',
      details: {},
      code: 404,
    });
  });

  it('refuses protobuf-only Accept with 406', async () => {
    const res = await get('/openapi/v3/apis/apps/v1', { accept: 'application/com.github.proto-openapi.spec.v3@v1.0+protobuf' });
    expect(res.status).toBe(406);
  });

  describe('GET /openapi/v2', () => {
    const getBytes = (headers: Record<string, string>) =>
      new Promise<{ status: number; headers: Record<string, unknown>; body: Buffer }>((resolve, reject) => {
        request(`${harness.url}/openapi/v2`, { headers }, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
        })
          .on('error', reject)
          .end();
      });

    it('serves the Swagger document as JSON, tagged with the SHA-512 of its bytes', async () => {
      const res = await get('/openapi/v2', { accept: 'application/json' });
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('application/json');
      expect(res.headers.vary).toBe('Accept');
      expect(res.headers.etag).toBe(`"${sha512(res.body)}"`);
      expect(Date.parse(String(res.headers['last-modified']))).toBeLessThanOrEqual(Date.now());
      const doc = JSON.parse(res.body);
      expect(doc.swagger).toBe('2.0');
      expect(doc.definitions['io.k8s.api.apps.v1.Deployment']['x-kubernetes-group-version-kind']).toEqual([{ group: 'apps', version: 'v1', kind: 'Deployment' }]);
    });

    it('serves gnostic protobuf for the Accept kubectl 1.27/1.28 send, under the same entity tag', async () => {
      const json = await get('/openapi/v2', { accept: 'application/json' });
      const res = await getBytes({ accept: 'application/com.github.proto-openapi.spec.v2@v1.0+protobuf' });
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('application/com.github.proto-openapi.spec.v2.v1.0+protobuf');
      expect(res.headers.etag).toBe(json.headers.etag);
      const decoded = gnosticType('Document').toObject(gnosticType('Document').decode(res.body)) as Record<string, any>;
      expect(decoded.swagger).toBe('2.0');
      expect(decoded.definitions.additional_properties.map((d: { name: string }) => d.name)).toEqual(Object.keys(JSON.parse(json.body).definitions));
    });

    it('answers 304 to a matching If-None-Match or a later If-Modified-Since', async () => {
      const first = await get('/openapi/v2', { accept: 'application/json' });
      const again = await get('/openapi/v2', { accept: 'application/com.github.proto-openapi.spec.v2@v1.0+protobuf', 'if-none-match': String(first.headers.etag) });
      expect(again.status).toBe(304);
      expect(again.headers.etag).toBe(first.headers.etag);
      const since = await get('/openapi/v2', { 'if-modified-since': String(first.headers['last-modified']) });
      expect(since.status).toBe(304);
      const changed = await get('/openapi/v2', { 'if-none-match': '"OTHER"', 'if-modified-since': String(first.headers['last-modified']) });
      expect(changed.status).toBe(200);
    });

    it('answers 406 with an empty body to an Accept it cannot serve', async () => {
      const res = await get('/openapi/v2', { accept: 'application/yaml' });
      expect(res.status).toBe(406);
      expect(res.body).toBe('');
      expect(res.headers.vary).toBe('Accept');
    });
  });
});
