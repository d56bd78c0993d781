import { schemaFor, schemaRootKinds } from './schema.registry';
import { fieldSchema, type TypeSchema } from './type-schema';

function at(schema: TypeSchema | undefined, path: string): TypeSchema {
  let node = schema;
  for (const part of path.split('.')) {
    node = part === '[]' ? node?.items : fieldSchema(node, part);
    if (!node) throw new Error(`no ${part} in ${path}`);
  }
  return node!;
}

function markers(schema: TypeSchema) {
  const { listType, listMapKeys, patchStrategy, patchMergeKey } = schema;
  return { listType, listMapKeys, patchStrategy, patchMergeKey };
}

const deployment = schemaFor('apps', 'Deployment');
const pod = schemaFor('', 'Pod');

describe('schemaFor', () => {
  it('finds every root kind, core under the empty group', () => {
    for (const { group, version, kind } of schemaRootKinds()) {
      expect(schemaFor(group, kind, version)).toBeDefined();
    }
    expect(schemaFor('', 'Pod')).toBe(pod);
    expect(schemaFor('core', 'Pod')).toBeUndefined();
    expect(schemaFor('apps', 'Pod')).toBeUndefined();
    expect(schemaFor('apps', 'Deployment', 'v1beta1')).toBeUndefined();
  });

  it('serves autoscaling/v2 HPA and autoscaling/v1 Scale under one group', () => {
    expect(schemaFor('autoscaling', 'HorizontalPodAutoscaler')?.goType).toBe('v2.HorizontalPodAutoscaler');
    expect(schemaFor('autoscaling', 'Scale')?.goType).toBe('v1.Scale');
  });

  it('answers DeleteOptions for any group, as it is registered in every group version', () => {
    expect(schemaFor('apps', 'DeleteOptions')).toBe(schemaFor('meta.k8s.io', 'DeleteOptions'));
    expect(schemaFor('', 'DeleteOptions')?.fields).toHaveProperty('propagationPolicy');
  });

  it('puts apiVersion, kind, metadata, spec, status first', () => {
    expect(Object.keys(deployment!.fields!)).toEqual(['apiVersion', 'kind', 'metadata', 'spec', 'status']);
    expect(Object.keys(schemaFor('', 'ConfigMap')!.fields!).slice(0, 3)).toEqual(['apiVersion', 'kind', 'metadata']);
  });

  it('shares sub-trees between kinds', () => {
    expect(at(deployment, 'spec.template.spec')).toBe(at(pod, 'spec'));
    expect(at(deployment, 'metadata')).toBe(at(schemaFor('batch', 'CronJob'), 'spec.jobTemplate.spec.template.metadata'));
    expect(at(pod, 'spec.containers.[]')).toBe(at(pod, 'spec.initContainers.[]'));
  });

  it('is frozen, so no consumer can change a shared tree', () => {
    expect(Object.isFrozen(pod)).toBe(true);
    expect(Object.isFrozen(pod!.fields)).toBe(true);
  });

  it('lists what it covers', () => {
    const roots = schemaRootKinds();
    expect(roots).toHaveLength(37);
    expect(roots).toContainEqual({ group: '', version: 'v1', kind: 'Pod' });
    expect(roots).toContainEqual({ group: 'autoscaling', version: 'v2', kind: 'HorizontalPodAutoscaler' });
    expect(roots).toContainEqual({ group: 'meta.k8s.io', version: 'v1', kind: 'DeleteOptions' });
  });
});

describe('upstream list and patch markers', () => {
  it.each([
    ['pod spec.containers', pod, 'spec.containers', { listType: 'map', listMapKeys: ['name'], patchStrategy: 'merge', patchMergeKey: 'name' }],
    ['container ports', pod, 'spec.containers.[].ports', { listType: 'map', listMapKeys: ['containerPort', 'protocol'], patchStrategy: 'merge', patchMergeKey: 'containerPort' }],
    ['container env', pod, 'spec.containers.[].env', { listType: 'map', listMapKeys: ['name'], patchStrategy: 'merge', patchMergeKey: 'name' }],
    ['volumeMounts', pod, 'spec.containers.[].volumeMounts', { listType: 'map', listMapKeys: ['mountPath'], patchStrategy: 'merge', patchMergeKey: 'mountPath' }],
    ['volumes', pod, 'spec.volumes', { listType: 'map', listMapKeys: ['name'], patchStrategy: 'merge,retainKeys', patchMergeKey: 'name' }],
    ['tolerations', pod, 'spec.tolerations', { listType: 'atomic' }],
    ['container args', pod, 'spec.containers.[].args', { listType: 'atomic' }],
    ['imagePullSecrets', pod, 'spec.imagePullSecrets', { listType: 'map', listMapKeys: ['name'], patchStrategy: 'merge', patchMergeKey: 'name' }],
    ['pod conditions', pod, 'status.conditions', { listType: 'map', listMapKeys: ['type'], patchStrategy: 'merge', patchMergeKey: 'type' }],
    ['service ports', schemaFor('', 'Service'), 'spec.ports', { listType: 'map', listMapKeys: ['port', 'protocol'], patchStrategy: 'merge', patchMergeKey: 'port' }],
    ['finalizers', deployment, 'metadata.finalizers', { listType: 'set', patchStrategy: 'merge' }],
    ['ownerReferences', deployment, 'metadata.ownerReferences', { listType: 'map', listMapKeys: ['uid'], patchStrategy: 'merge', patchMergeKey: 'uid' }],
    ['managedFields', deployment, 'metadata.managedFields', { listType: 'atomic' }],
    ['deployment conditions', deployment, 'status.conditions', { listType: 'map', listMapKeys: ['type'], patchStrategy: 'merge', patchMergeKey: 'type' }],
    ['deployment strategy', deployment, 'spec.strategy', { patchStrategy: 'retainKeys' }],
    ['pdb selector', schemaFor('policy', 'PodDisruptionBudget'), 'spec.selector', { patchStrategy: 'replace' }],
    ['node taints', schemaFor('', 'Node'), 'spec.taints', { listType: 'atomic' }],
    ['node addresses', schemaFor('', 'Node'), 'status.addresses', { listType: 'map', listMapKeys: ['type'], patchStrategy: 'merge', patchMergeKey: 'type' }],
    ['rbac rules', schemaFor('rbac.authorization.k8s.io', 'Role'), 'rules', { listType: 'atomic' }],
    ['ingress rules', schemaFor('networking.k8s.io', 'Ingress'), 'spec.rules', { listType: 'atomic' }],
  ])('%s', (_label, root, path, expected) => {
    expect(markers(at(root, path))).toEqual({
      listType: undefined,
      listMapKeys: undefined,
      patchStrategy: undefined,
      patchMergeKey: undefined,
      ...expected,
    });
  });

  it('leaves markers of a shared sub-tree to the field that uses it', () => {
    expect(at(deployment, 'spec.selector').patchStrategy).toBeUndefined();
    expect(at(deployment, 'spec.strategy').fields).toBe(at(schemaFor('apps', 'Deployment'), 'spec.strategy').fields);
  });
});

describe('field types', () => {
  it('keeps the upstream scalar types', () => {
    expect(at(deployment, 'spec.replicas')).toMatchObject({ type: 'integer', format: 'int32' });
    expect(at(deployment, 'metadata.generation')).toMatchObject({ type: 'integer', format: 'int64' });
    expect(at(deployment, 'metadata.creationTimestamp').type).toBe('time');
    expect(at(deployment, 'spec.strategy.rollingUpdate.maxSurge').type).toBe('int-or-string');
    expect(at(pod, 'spec.containers.[].resources.limits')).toMatchObject({ type: 'map', additional: { type: 'quantity' } });
    expect(at(schemaFor('', 'Secret'), 'data')).toMatchObject({ type: 'map', additional: { type: 'bytes' } });
    expect(at(schemaFor('apps', 'ControllerRevision'), 'data').type).toBe('any');
    expect(at(deployment, 'metadata.managedFields.[].fieldsV1').type).toBe('any');
    expect(at(schemaFor('', 'Node'), 'status.daemonEndpoints.kubeletEndpoint.Port').type).toBe('integer');
  });
});
