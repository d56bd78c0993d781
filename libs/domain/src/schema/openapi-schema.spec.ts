import { openApiComponentName, openApiComponents, toOpenApiComponent, toOpenApiSchema } from './openapi-schema';
import { schemaFor } from './schema.registry';

type Json = Record<string, any>;

describe('toOpenApiSchema', () => {
  const deployment = toOpenApiSchema(schemaFor('apps', 'Deployment')!) as Json;
  const podSpec = deployment.properties.spec.properties.template.properties.spec;

  it('converts objects, maps, arrays and scalars', () => {
    expect(deployment.type).toBe('object');
    expect(deployment.properties.spec.properties.replicas).toEqual({ type: 'integer', format: 'int32' });
    expect(deployment.properties.metadata.properties.generation).toEqual({ type: 'integer', format: 'int64' });
    expect(deployment.properties.metadata.properties.labels).toEqual({ type: 'object', additionalProperties: { type: 'string' } });
    expect(deployment.properties.metadata.properties.creationTimestamp).toEqual({ type: 'string', format: 'date-time' });
    expect(deployment.properties.spec.properties.paused).toEqual({ type: 'boolean' });
    expect(toOpenApiSchema(schemaFor('', 'Secret')!).properties).toMatchObject({
      data: { type: 'object', additionalProperties: { type: 'string', format: 'byte' } },
    });
  });

  it('carries list and patch extensions', () => {
    expect(podSpec.properties.containers).toMatchObject({
      type: 'array',
      'x-kubernetes-list-type': 'map',
      'x-kubernetes-list-map-keys': ['name'],
      'x-kubernetes-patch-strategy': 'merge',
      'x-kubernetes-patch-merge-key': 'name',
    });
    expect(podSpec.properties.containers.items.properties.ports['x-kubernetes-list-map-keys']).toEqual(['containerPort', 'protocol']);
    expect(podSpec.properties.volumes['x-kubernetes-patch-strategy']).toBe('merge,retainKeys');
    expect(podSpec.properties.tolerations['x-kubernetes-list-type']).toBe('atomic');
    expect(podSpec.properties.tolerations).not.toHaveProperty('x-kubernetes-patch-merge-key');
    expect(deployment.properties.spec.properties.strategy['x-kubernetes-patch-strategy']).toBe('retainKeys');
  });

  it('marks int-or-string, quantities and free-form values', () => {
    expect(deployment.properties.spec.properties.strategy.properties.rollingUpdate.properties.maxSurge).toEqual({
      'x-kubernetes-int-or-string': true,
      anyOf: [{ type: 'integer' }, { type: 'string' }],
    });
    expect(podSpec.properties.containers.items.properties.resources.properties.limits.additionalProperties).toEqual({
      oneOf: [{ type: 'string' }, { type: 'number' }],
    });
    const revision = toOpenApiSchema(schemaFor('apps', 'ControllerRevision')!) as Json;
    expect(revision.properties.data).toEqual({ type: 'object', 'x-kubernetes-preserve-unknown-fields': true });
    expect(toOpenApiSchema({ type: 'object', preserveUnknownFields: true, fields: {} })).toEqual({
      type: 'object',
      properties: {},
      'x-kubernetes-preserve-unknown-fields': true,
    });
  });

  it('keeps enums and descriptions when the schema has them', () => {
    expect(toOpenApiSchema({ type: 'string', enum: ['TCP', 'UDP'], description: 'protocol' })).toEqual({
      type: 'string',
      enum: ['TCP', 'UDP'],
      description: 'protocol',
    });
  });

  it('produces plain JSON', () => {
    const json = JSON.parse(JSON.stringify(deployment));
    expect(json).toEqual(deployment);
  });
});

describe('toOpenApiComponent', () => {
  it('adds the group-version-kind kubectl looks schemas up by', () => {
    const root = { group: 'apps', version: 'v1', kind: 'Deployment' };
    expect(toOpenApiComponent(root, schemaFor('apps', 'Deployment')!)['x-kubernetes-group-version-kind']).toEqual([root]);
    const core = toOpenApiComponent({ group: '', version: 'v1', kind: 'Pod' }, schemaFor('', 'Pod')!);
    expect(core['x-kubernetes-group-version-kind']).toEqual([{ group: '', version: 'v1', kind: 'Pod' }]);
  });
});

describe('openApiComponentName', () => {
  it.each([
    ['apps', 'v1', 'Deployment', 'io.k8s.api.apps.v1.Deployment'],
    ['', 'v1', 'Pod', 'io.k8s.api.core.v1.Pod'],
    ['networking.k8s.io', 'v1', 'Ingress', 'io.k8s.api.networking.v1.Ingress'],
    ['rbac.authorization.k8s.io', 'v1', 'ClusterRole', 'io.k8s.api.rbac.v1.ClusterRole'],
    ['autoscaling', 'v2', 'HorizontalPodAutoscaler', 'io.k8s.api.autoscaling.v2.HorizontalPodAutoscaler'],
    ['discovery.k8s.io', 'v1', 'EndpointSlice', 'io.k8s.api.discovery.v1.EndpointSlice'],
    ['flowcontrol.apiserver.k8s.io', 'v1', 'FlowSchema', 'io.k8s.api.flowcontrol.v1.FlowSchema'],
    ['meta.k8s.io', 'v1', 'DeleteOptions', 'io.k8s.apimachinery.pkg.apis.meta.v1.DeleteOptions'],
    ['apiextensions.k8s.io', 'v1', 'CustomResourceDefinition', 'io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.CustomResourceDefinition'],
    ['stable.example.com', 'v1', 'CronTab', 'com.example.stable.v1.CronTab'],
  ])('%s/%s %s', (group, version, kind, expected) => {
    expect(openApiComponentName(group, version, kind)).toBe(expected);
  });
});

describe('openApiComponents', () => {
  it('lists the kinds of one group version by component name, with DeleteOptions', () => {
    const components = openApiComponents('apps', 'v1');
    expect(Object.keys(components).sort()).toEqual([
      'io.k8s.api.apps.v1.ControllerRevision',
      'io.k8s.api.apps.v1.DaemonSet',
      'io.k8s.api.apps.v1.Deployment',
      'io.k8s.api.apps.v1.ReplicaSet',
      'io.k8s.api.apps.v1.StatefulSet',
      'io.k8s.apimachinery.pkg.apis.meta.v1.DeleteOptions',
    ]);
    expect(components['io.k8s.apimachinery.pkg.apis.meta.v1.DeleteOptions']['x-kubernetes-group-version-kind']).toEqual([
      { group: 'apps', version: 'v1', kind: 'DeleteOptions' },
    ]);
  });

  it('keeps autoscaling v1 and v2 apart and is empty for versions it does not cover', () => {
    expect(Object.keys(openApiComponents('autoscaling', 'v1'))).toContain('io.k8s.api.autoscaling.v1.Scale');
    expect(Object.keys(openApiComponents('autoscaling', 'v2'))).toContain('io.k8s.api.autoscaling.v2.HorizontalPodAutoscaler');
    expect(Object.keys(openApiComponents('autoscaling', 'v2'))).not.toContain('io.k8s.api.autoscaling.v1.Scale');
    expect(openApiComponents('apps', 'v1beta2')).toEqual({});
  });
});
