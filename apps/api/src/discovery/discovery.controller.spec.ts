import { createBuiltinRegistry, type ResourceRegistry } from '@flotilla/domain';
import { fetchText, type Harness, serveModules } from '../system/serve.harness';
import { RESOURCE_REGISTRY } from '../tokens';
import { DiscoveryModule } from './discovery.module';

const V2 = 'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList';
const V2BETA1 = 'application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList';
const KUBECTL_133_ACCEPT = `${V2},${V2BETA1},application/json`;

describe('DiscoveryController', () => {
  let harness: Harness;
  let registry: ResourceRegistry;

  beforeAll(async () => {
    registry = createBuiltinRegistry();
    harness = await serveModules([DiscoveryModule], [{ provide: RESOURCE_REGISTRY, useValue: registry }]);
  });
  afterAll(() => harness.close());

  const get = (path: string, headers: Record<string, string> = {}) => fetchText(`${harness.url}${path}`, { headers });

  describe('GET /apis aggregated', () => {
    it('answers v2 with the exact media type, Vary and an entity tag', async () => {
      const res = await get('/apis', { accept: KUBECTL_133_ACCEPT });
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe(V2);
      expect(res.headers.vary).toBe('Accept');
      expect(res.headers.etag).toMatch(/^"[0-9A-F]{128}"$/);
      const body = JSON.parse(res.body);
      expect(body.kind).toBe('APIGroupDiscoveryList');
      expect(body.apiVersion).toBe('apidiscovery.k8s.io/v2');
      expect(body.metadata).toEqual({});
      expect(body.items.map((i: { metadata: { name: string } }) => i.metadata.name)).toEqual(
        registry.groups().filter((g) => g.name !== '').map((g) => g.name),
      );
      expect(body.items.every((i: { metadata: { name?: string } }) => i.metadata.name !== '')).toBe(true);
    });

    it('describes deployments like kube-apiserver 1.33', async () => {
      const body = JSON.parse((await get('/apis', { accept: KUBECTL_133_ACCEPT })).body);
      const apps = body.items.find((i: { metadata: { name: string } }) => i.metadata.name === 'apps');
      expect(apps.metadata).toEqual({ name: 'apps', creationTimestamp: null });
      expect(apps.versions[0].version).toBe('v1');
      expect(apps.versions[0].freshness).toBe('Current');
      const deployments = apps.versions[0].resources.find((r: { resource: string }) => r.resource === 'deployments');
      expect(deployments).toEqual({
        resource: 'deployments',
        responseKind: { group: 'apps', version: 'v1', kind: 'Deployment' },
        scope: 'Namespaced',
        singularResource: 'deployment',
        verbs: ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'],
        shortNames: ['deploy'],
        categories: ['all'],
        subresources: [
          { subresource: 'scale', responseKind: { group: 'autoscaling', version: 'v1', kind: 'Scale' }, verbs: ['get', 'patch', 'update'] },
          { subresource: 'status', responseKind: { group: 'apps', version: 'v1', kind: 'Deployment' }, verbs: ['get', 'patch', 'update'] },
        ],
      });
    });

    it('answers v2beta1 to clients that only ask for it (kubectl 1.27-1.29)', async () => {
      const res = await get('/apis', { accept: `${V2BETA1},application/json` });
      expect(res.headers['content-type']).toBe(V2BETA1);
      expect(JSON.parse(res.body).apiVersion).toBe('apidiscovery.k8s.io/v2beta1');
    });

    it('answers 304 to a matching If-None-Match', async () => {
      const first = await get('/apis', { accept: V2 });
      const again = await get('/apis', { accept: V2, 'if-none-match': String(first.headers.etag) });
      expect(again.status).toBe(304);
      expect(again.body).toBe('');
    });
  });

  describe('GET /api aggregated', () => {
    it('has one unnamed item holding the core group, cluster-scoped kinds marked Cluster', async () => {
      const res = await get('/api', { accept: KUBECTL_133_ACCEPT });
      expect(res.headers['content-type']).toBe(V2);
      const body = JSON.parse(res.body);
      expect(body.items).toHaveLength(1);
      expect(body.items[0].metadata).toEqual({ creationTimestamp: null });
      const resources = body.items[0].versions[0].resources;
      const pods = resources.find((r: { resource: string }) => r.resource === 'pods');
      expect(pods.responseKind).toEqual({ group: '', version: 'v1', kind: 'Pod' });
      expect(pods.scope).toBe('Namespaced');
      expect(pods.shortNames).toEqual(['po']);
      expect(pods.categories).toEqual(['all']);
      expect(pods.subresources.map((s: { subresource: string }) => s.subresource)).toContain('exec');
      const nodes = resources.find((r: { resource: string }) => r.resource === 'nodes');
      expect(nodes.scope).toBe('Cluster');
      expect(nodes).not.toHaveProperty('categories');
    });
  });

  describe('legacy discovery', () => {
    it('GET /api answers APIVersions naming the address the client used', async () => {
      const res = await get('/api', { accept: 'application/json, */*' });
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('application/json');
      expect(res.headers.vary).toBe('Accept');
      const port = new URL(harness.url).port;
      expect(JSON.parse(res.body)).toEqual({
        kind: 'APIVersions',
        versions: ['v1'],
        serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress: `127.0.0.1:${port}` }],
      });
    });

    it('GET /api adds the local port when the Host header has none', async () => {
      const res = await get('/api', { host: 'flotilla.example' });
      const port = new URL(harness.url).port;
      expect(JSON.parse(res.body).serverAddressByClientCIDRs[0].serverAddress).toBe(`flotilla.example:${port}`);
    });

    it('GET /apis answers APIGroupList', async () => {
      const body = JSON.parse((await get('/apis', { accept: 'application/json' })).body);
      expect(body.kind).toBe('APIGroupList');
      expect(body.apiVersion).toBe('v1');
      expect(body.groups.find((g: { name: string }) => g.name === 'apps')).toEqual({
        name: 'apps',
        versions: [{ groupVersion: 'apps/v1', version: 'v1' }],
        preferredVersion: { groupVersion: 'apps/v1', version: 'v1' },
      });
    });

    it('GET /apis/apps answers APIGroup', async () => {
      const res = await get('/apis/apps');
      expect(res.status).toBe(200);
      expect(JSON.parse(res.body)).toEqual({
        kind: 'APIGroup',
        apiVersion: 'v1',
        name: 'apps',
        versions: [{ groupVersion: 'apps/v1', version: 'v1' }],
        preferredVersion: { groupVersion: 'apps/v1', version: 'v1' },
      });
    });

    it('GET /apis/apps/v1 lists resources with subresources as plural/sub entries', async () => {
      const res = await get('/apis/apps/v1');
      expect(res.headers['content-type']).toBe('application/json');
      const body = JSON.parse(res.body);
      expect(body.kind).toBe('APIResourceList');
      expect(body.apiVersion).toBe('v1');
      expect(body.groupVersion).toBe('apps/v1');
      const byName = new Map(body.resources.map((r: { name: string }) => [r.name, r]));
      expect(byName.get('deployments')).toEqual({
        name: 'deployments',
        singularName: 'deployment',
        namespaced: true,
        kind: 'Deployment',
        verbs: ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'],
        shortNames: ['deploy'],
        categories: ['all'],
        storageVersionHash: '8aSe+NMegvE=',
      });
      expect(byName.get('deployments/scale')).toEqual({
        name: 'deployments/scale',
        singularName: '',
        namespaced: true,
        group: 'autoscaling',
        version: 'v1',
        kind: 'Scale',
        verbs: ['get', 'patch', 'update'],
      });
      expect(byName.get('deployments/status')).toEqual({
        name: 'deployments/status',
        singularName: '',
        namespaced: true,
        kind: 'Deployment',
        verbs: ['get', 'patch', 'update'],
      });
      const names = body.resources.map((r: { name: string }) => r.name);
      expect(names).toEqual([...names].sort());
    });

    it('GET /api/v1 leaves apiVersion off, like kube-apiserver', async () => {
      const body = JSON.parse((await get('/api/v1')).body);
      expect(Object.keys(body)).toEqual(['kind', 'groupVersion', 'resources']);
      expect(body.groupVersion).toBe('v1');
      const pods = body.resources.find((r: { name: string }) => r.name === 'pods');
      expect(pods.storageVersionHash).toBe('xPOwRZ+Yhw8=');
      expect(body.resources.find((r: { name: string }) => r.name === 'pods/eviction')).toMatchObject({ group: 'policy', version: 'v1', kind: 'Eviction' });
    });
  });

  describe('errors', () => {
    const NOT_FOUND = {
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: 'the server could not find the requested resource',
      reason: 'NotFound',
      details: {},
      code: 404,
    };

    it.each(['/apis/nope', '/apis/nope/v1', '/apis/apps/v2'])('GET %s is a 404 Status', async (path) => {
      const res = await get(path);
      expect(res.status).toBe(404);
      expect(res.headers['content-type']).toBe('application/json');
      expect(JSON.parse(res.body)).toEqual(NOT_FOUND);
    });

    it('an unservable Accept is 406 NotAcceptable', async () => {
      const res = await get('/apis', { accept: 'text/html' });
      expect(res.status).toBe(406);
      expect(JSON.parse(res.body)).toMatchObject({ kind: 'Status', reason: 'NotAcceptable', code: 406 });
    });
  });
});
