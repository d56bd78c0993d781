import { createBuiltinRegistry } from '@flotilla/domain';
import { swaggerDocument } from './swagger.document';

type Json = Record<string, any>;

function collectRefs(value: unknown, out: Set<string>): Set<string> {
  if (Array.isArray(value)) value.forEach((v) => collectRefs(v, out));
  else if (value && typeof value === 'object') {
    for (const [key, v] of Object.entries(value)) {
      if (key === '$ref') out.add(String(v));
      else collectRefs(v, out);
    }
  }
  return out;
}

function collectKeys(value: unknown, out: Set<string>): Set<string> {
  if (Array.isArray(value)) value.forEach((v) => collectKeys(v, out));
  else if (value && typeof value === 'object') {
    for (const [key, v] of Object.entries(value)) {
      out.add(key);
      if (key !== 'properties' && key !== 'definitions' && key !== 'paths' && key !== 'responses' && !key.startsWith('x-')) collectKeys(v, out);
      else if (!key.startsWith('x-')) Object.values(v as Json).forEach((child) => collectKeys(child, out));
    }
  }
  return out;
}

describe('swaggerDocument', () => {
  const doc = swaggerDocument(createBuiltinRegistry().groups()) as unknown as Json;
  const defs = doc.definitions as Record<string, Json>;

  it('is a Swagger 2.0 document with the bearer token scheme', () => {
    expect(doc.swagger).toBe('2.0');
    expect(doc.info.title).toBe('Kubernetes');
    expect(doc.securityDefinitions).toEqual({ BearerToken: { description: 'Bearer Token authentication', type: 'apiKey', name: 'authorization', in: 'header' } });
    expect(doc.security).toEqual([{ BearerToken: [] }]);
    expect(Object.keys(defs)).toEqual([...Object.keys(defs)].sort());
  });

  it('resolves every $ref to a definition (kubectl rejects the whole document otherwise)', () => {
    const refs = collectRefs(doc, new Set());
    expect(refs.size).toBeGreaterThan(100);
    for (const ref of refs) {
      expect(ref).toMatch(/^#\/definitions\//);
      expect(defs).toHaveProperty([ref.slice('#/definitions/'.length)]);
    }
  });

  it('uses no OpenAPI 3 keywords', () => {
    const keys = collectKeys(doc, new Set());
    for (const v3 of ['anyOf', 'oneOf', 'nullable', 'requestBody', 'content', 'components', 'schema.type']) expect(keys).not.toContain(v3);
  });

  it('publishes each Go struct as its own definition, named upstream-style', () => {
    expect(defs['io.k8s.api.apps.v1.Deployment']).toEqual({
      type: 'object',
      properties: {
        apiVersion: { type: 'string' },
        kind: { type: 'string' },
        metadata: { $ref: '#/definitions/io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta' },
        spec: { $ref: '#/definitions/io.k8s.api.apps.v1.DeploymentSpec' },
        status: { $ref: '#/definitions/io.k8s.api.apps.v1.DeploymentStatus' },
      },
      'x-kubernetes-group-version-kind': [{ group: 'apps', version: 'v1', kind: 'Deployment' }],
    });
    expect(defs['io.k8s.api.apps.v1.DeploymentSpec'].properties).toMatchObject({
      replicas: { type: 'integer', format: 'int32' },
      selector: { $ref: '#/definitions/io.k8s.apimachinery.pkg.apis.meta.v1.LabelSelector' },
      template: { $ref: '#/definitions/io.k8s.api.core.v1.PodTemplateSpec' },
      // The marker belongs to the field, not to the DeploymentStrategy definition.
      strategy: { $ref: '#/definitions/io.k8s.api.apps.v1.DeploymentStrategy', 'x-kubernetes-patch-strategy': 'retainKeys' },
    });
    expect(defs['io.k8s.api.apps.v1.DeploymentStrategy']).not.toHaveProperty('x-kubernetes-patch-strategy');
    // Core structs embedded by other groups keep their core name; meta structs are apimachinery's.
    expect(defs['io.k8s.api.batch.v1.JobTemplateSpec'].properties.spec.$ref).toBe('#/definitions/io.k8s.api.batch.v1.JobSpec');
    expect(defs['io.k8s.api.storage.v1.StorageClass'].properties.allowedTopologies.items.$ref).toBe('#/definitions/io.k8s.api.core.v1.TopologySelectorTerm');
    expect(defs['io.k8s.api.core.v1.Pod'].properties.metadata.$ref).toBe('#/definitions/io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta');
    expect(Object.keys(defs).filter((n) => /\.(apps|batch)\.v1\.(PodSpec|Container|ObjectMeta|LabelSelector)$/.test(n))).toEqual([]);
  });

  it('carries the strategic merge patch and list extensions kubectl computes patches from', () => {
    expect(defs['io.k8s.api.core.v1.PodSpec'].properties.containers).toEqual({
      type: 'array',
      items: { $ref: '#/definitions/io.k8s.api.core.v1.Container' },
      'x-kubernetes-list-type': 'map',
      'x-kubernetes-list-map-keys': ['name'],
      'x-kubernetes-patch-strategy': 'merge',
      'x-kubernetes-patch-merge-key': 'name',
    });
    expect(defs['io.k8s.api.core.v1.PodSpec'].properties.volumes['x-kubernetes-patch-strategy']).toBe('merge,retainKeys');
    expect(defs['io.k8s.api.core.v1.Container'].properties.ports['x-kubernetes-list-map-keys']).toEqual(['containerPort', 'protocol']);
  });

  it('spells int-or-string and quantities as references to their named string types', () => {
    expect(defs['io.k8s.api.apps.v1.RollingUpdateDeployment'].properties.maxSurge).toEqual({ $ref: '#/definitions/io.k8s.apimachinery.pkg.util.intstr.IntOrString' });
    expect(defs['io.k8s.apimachinery.pkg.util.intstr.IntOrString']).toMatchObject({ type: 'string', format: 'int-or-string' });
    expect(defs['io.k8s.api.core.v1.ResourceRequirements'].properties.limits).toEqual({
      type: 'object',
      additionalProperties: { $ref: '#/definitions/io.k8s.apimachinery.pkg.api.resource.Quantity' },
    });
    expect(defs['io.k8s.apimachinery.pkg.api.resource.Quantity']).toMatchObject({ type: 'string' });
  });

  it('lists every served group version on DeleteOptions, and gives list kinds their own GVK', () => {
    const gvks = defs['io.k8s.apimachinery.pkg.apis.meta.v1.DeleteOptions']['x-kubernetes-group-version-kind'];
    expect(gvks).toEqual(expect.arrayContaining([{ group: '', version: 'v1', kind: 'DeleteOptions' }, { group: 'apps', version: 'v1', kind: 'DeleteOptions' }]));
    expect(gvks).toHaveLength(createBuiltinRegistry().groups().reduce((n, g) => n + g.versions.length, 0));
    expect(defs['io.k8s.api.apps.v1.DeploymentList']['x-kubernetes-group-version-kind']).toEqual([{ group: 'apps', version: 'v1', kind: 'DeploymentList' }]);
    expect(defs['io.k8s.api.apps.v1.DeploymentList'].properties.items.items).toEqual({ $ref: '#/definitions/io.k8s.api.apps.v1.Deployment' });
  });

  it('converts operations: body parameter, consumes/produces, parameters without schema wrappers', () => {
    const item = doc.paths['/apis/apps/v1/namespaces/{namespace}/deployments/{name}'];
    expect(item.parameters).toEqual([
      { type: 'string', uniqueItems: true, name: 'name', in: 'path', description: 'name of the object', required: true },
      { type: 'string', uniqueItems: true, name: 'namespace', in: 'path', description: 'object name and auth scope, such as for teams and projects', required: true },
      { type: 'string', uniqueItems: true, name: 'pretty', in: 'query', description: "If 'true', the output is pretty printed." },
    ]);
    expect(item.patch).toMatchObject({
      consumes: ['application/apply-patch+yaml', 'application/json-patch+json', 'application/merge-patch+json', 'application/strategic-merge-patch+json'],
      produces: ['application/json'],
      schemes: ['https'],
      operationId: 'patchAppsV1NamespacedDeployment',
      responses: { '200': { description: 'OK', schema: { $ref: '#/definitions/io.k8s.api.apps.v1.Deployment' } } },
      'x-kubernetes-action': 'patch',
      'x-kubernetes-group-version-kind': { group: 'apps', version: 'v1', kind: 'Deployment' },
    });
    expect(item.patch.parameters[0]).toEqual({ name: 'body', in: 'body', required: true, schema: { $ref: '#/definitions/io.k8s.apimachinery.pkg.apis.meta.v1.Patch' } });
    expect(item.patch.parameters.map((p: Json) => p.name)).toContain('fieldValidation');
    const list = doc.paths['/apis/apps/v1/namespaces/{namespace}/deployments'].get;
    expect(list.produces).toEqual(['application/json', 'application/json;stream=watch']);
    expect(list).not.toHaveProperty('consumes');
    expect(doc.paths).toHaveProperty(['/api/v1/namespaces/{namespace}/pods/{name}/log']);
  });
});
