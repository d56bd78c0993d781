import { createBuiltinRegistry, type ResourceType } from '@flotilla/domain';
import { groupVersionDocument } from './openapi.document';
import { groupPart } from './openapi.paths';

type Json = Record<string, any>;

describe(groupVersionDocument.name, () => {
  const registry = createBuiltinRegistry();
  const resourcesOf = (group: string, version: string): ResourceType[] =>
    registry.groups().find((g) => g.name === group)!.versions.find((v) => v.version === version)!.resources;
  const apps = groupVersionDocument('apps', 'v1', resourcesOf('apps', 'v1')) as unknown as Json;
  const core = groupVersionDocument('', 'v1', resourcesOf('', 'v1')) as unknown as Json;
  const deploymentItem = apps.paths['/apis/apps/v1/namespaces/{namespace}/deployments/{name}'];

  it('is an OpenAPI 3.0 document titled like upstream', () => {
    expect(apps.openapi).toBe('3.0.0');
    expect(apps.info).toEqual({ title: 'Kubernetes', version: 'v1.33.1+flotilla' });
  });

  it('has the collection, item, all-namespaces and subresource paths of a namespaced kind', () => {
    expect(Object.keys(apps.paths)).toEqual(
      expect.arrayContaining([
        '/apis/apps/v1/deployments',
        '/apis/apps/v1/namespaces/{namespace}/deployments',
        '/apis/apps/v1/namespaces/{namespace}/deployments/{name}',
        '/apis/apps/v1/namespaces/{namespace}/deployments/{name}/scale',
        '/apis/apps/v1/namespaces/{namespace}/deployments/{name}/status',
      ]),
    );
    expect(Object.keys(core.paths)).toEqual(expect.arrayContaining(['/api/v1/nodes', '/api/v1/nodes/{name}', '/api/v1/namespaces/{name}/finalize']));
    expect(core.paths).not.toHaveProperty(['/api/v1/namespaces/{namespace}/nodes']);
  });

  it('gives the PATCH operation what kubectl checks for server-side field validation', () => {
    const patch = deploymentItem.patch;
    expect(patch['x-kubernetes-action']).toBe('patch');
    expect(patch['x-kubernetes-group-version-kind']).toEqual({ group: 'apps', version: 'v1', kind: 'Deployment' });
    expect(patch.operationId).toBe('patchAppsV1NamespacedDeployment');
    expect(patch.parameters.map((p: Json) => `${p.in}:${p.name}`)).toEqual(['query:dryRun', 'query:fieldManager', 'query:fieldValidation', 'query:force']);
    expect(Object.keys(patch.requestBody.content)).toEqual([
      'application/apply-patch+yaml',
      'application/json-patch+json',
      'application/merge-patch+json',
      'application/strategic-merge-patch+json',
    ]);
    expect(patch.requestBody.content['application/strategic-merge-patch+json'].schema).toEqual({
      $ref: '#/components/schemas/io.k8s.apimachinery.pkg.apis.meta.v1.Patch',
    });
    expect(deploymentItem.parameters.map((p: Json) => `${p.in}:${p.name}`)).toEqual(['path:name', 'path:namespace', 'query:pretty']);
  });

  it('every PATCH with a kind carries fieldValidation, since kubectl stops at the first one it finds', () => {
    for (const doc of [apps, core]) {
      for (const item of Object.values(doc.paths) as Json[]) {
        if (!item.patch || item.patch['x-kubernetes-action'] === 'connect') continue;
        expect(item.patch.parameters.map((p: Json) => p.name)).toContain('fieldValidation');
      }
    }
  });

  it('names operations and actions like kube-apiserver', () => {
    const ops = (path: string) => apps.paths[path];
    expect(ops('/apis/apps/v1/namespaces/{namespace}/deployments').get.operationId).toBe('listAppsV1NamespacedDeployment');
    expect(ops('/apis/apps/v1/namespaces/{namespace}/deployments').get['x-kubernetes-action']).toBe('list');
    expect(ops('/apis/apps/v1/namespaces/{namespace}/deployments').post.operationId).toBe('createAppsV1NamespacedDeployment');
    expect(ops('/apis/apps/v1/namespaces/{namespace}/deployments').delete.operationId).toBe('deleteAppsV1CollectionNamespacedDeployment');
    expect(ops('/apis/apps/v1/namespaces/{namespace}/deployments').delete['x-kubernetes-action']).toBe('deletecollection');
    expect(ops('/apis/apps/v1/deployments').get.operationId).toBe('listAppsV1DeploymentForAllNamespaces');
    expect(deploymentItem.get.operationId).toBe('readAppsV1NamespacedDeployment');
    expect(deploymentItem.put.operationId).toBe('replaceAppsV1NamespacedDeployment');
    expect(deploymentItem.put['x-kubernetes-action']).toBe('put');
    expect(deploymentItem.delete.operationId).toBe('deleteAppsV1NamespacedDeployment');
    const scale = ops('/apis/apps/v1/namespaces/{namespace}/deployments/{name}/scale');
    expect(scale.get.operationId).toBe('readAppsV1NamespacedDeploymentScale');
    expect(scale.patch['x-kubernetes-group-version-kind']).toEqual({ group: 'autoscaling', version: 'v1', kind: 'Scale' });
    const exec = core.paths['/api/v1/namespaces/{namespace}/pods/{name}/exec'];
    expect(exec.get.operationId).toBe('connectCoreV1GetNamespacedPodExec');
    expect(exec.post.operationId).toBe('connectCoreV1PostNamespacedPodExec');
    expect(exec.get['x-kubernetes-action']).toBe('connect');
    expect(exec.get.parameters.map((p: Json) => p.name)).toContain('command');
    expect(core.paths['/api/v1/namespaces/{namespace}/pods/{name}/proxy/{path}'].get.operationId).toBe('connectCoreV1GetNamespacedPodProxyWithPath');
    expect(core.paths['/api/v1/namespaces/{namespace}/pods/{name}/log'].get.operationId).toBe('readCoreV1NamespacedPodLog');
    expect(core.paths['/api/v1/namespaces/{namespace}/pods/{name}/binding'].post.operationId).toBe('createCoreV1NamespacedPodBinding');
    expect(core.paths['/api/v1/nodes/{name}'].get.operationId).toBe('readCoreV1Node');
  });

  it('lists the list and watch query parameters on list operations', () => {
    const list = apps.paths['/apis/apps/v1/namespaces/{namespace}/deployments'].get;
    expect(list.parameters.map((p: Json) => p.name)).toEqual([
      'allowWatchBookmarks',
      'continue',
      'fieldSelector',
      'labelSelector',
      'limit',
      'resourceVersion',
      'resourceVersionMatch',
      'sendInitialEvents',
      'timeoutSeconds',
      'watch',
    ]);
    expect(Object.keys(list.responses['200'].content)).toEqual(['application/json', 'application/json;stream=watch']);
  });

  it('publishes kind schemas with their GVK and patch extensions, and list schemas', () => {
    const schemas = apps.components.schemas;
    const deployment = schemas['io.k8s.api.apps.v1.Deployment'];
    expect(deployment['x-kubernetes-group-version-kind']).toEqual([{ group: 'apps', version: 'v1', kind: 'Deployment' }]);
    expect(deployment.properties.spec.properties.template.properties.spec.properties.containers['x-kubernetes-patch-merge-key']).toBe('name');
    expect(schemas['io.k8s.api.apps.v1.DeploymentList'].properties.items.items).toEqual({ $ref: '#/components/schemas/io.k8s.api.apps.v1.Deployment' });
    expect(schemas['io.k8s.api.autoscaling.v1.Scale']['x-kubernetes-group-version-kind']).toEqual([{ group: 'autoscaling', version: 'v1', kind: 'Scale' }]);
    for (const name of ['Status', 'ListMeta', 'Patch', 'DeleteOptions']) expect(schemas).toHaveProperty([`io.k8s.apimachinery.pkg.apis.meta.v1.${name}`]);
  });

  it('leaves the GVK off kinds it has no schema for, so kubectl uses its built-in patch metadata', () => {
    const exec = core.components.schemas['io.k8s.api.core.v1.PodExecOptions'];
    expect(exec.type).toBe('object');
    expect(exec).not.toHaveProperty('x-kubernetes-group-version-kind');
  });

  it('resolves every $ref', () => {
    for (const doc of [apps, core]) {
      const refs = JSON.stringify(doc).match(/"\$ref":"#\/components\/schemas\/[^"]+"/g) ?? [];
      for (const r of refs) expect(doc.components.schemas).toHaveProperty([r.slice('"$ref":"#/components/schemas/'.length, -1)]);
    }
  });

  it('spells groups in operation ids as upstream does', () => {
    expect(groupPart('')).toBe('Core');
    expect(groupPart('apps')).toBe('Apps');
    expect(groupPart('rbac.authorization.k8s.io')).toBe('RbacAuthorization');
    expect(groupPart('networking.k8s.io')).toBe('Networking');
    expect(groupPart('stable.example.com')).toBe('StableExampleCom');
  });

  it('stays a reasonable size', () => {
    expect(JSON.stringify(core).length).toBeLessThan(2_000_000);
    expect(JSON.stringify(apps).length).toBeLessThan(1_000_000);
  });
});
