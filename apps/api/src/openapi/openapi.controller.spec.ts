import { createHash } from 'node:crypto';
import { createBuiltinRegistry } from '@flotilla/domain';
import { fetchText, type Harness, serveModules } from '../system/serve.harness';
import { RESOURCE_REGISTRY } from '../tokens';
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

  it.each(['/openapi/v3/apis/nope/v1', '/openapi/v3/apis/apps/v9', '/openapi/v3/api/v2', '/openapi/v2'])('GET %s is a 404 Status', async (path) => {
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
});
