import type { KubeObject } from '../objects/object-meta';
import { builtinResourceTypes, createBuiltinRegistry, groupKindKey } from './builtin.registry';
import { ResourceRegistry } from './resource-registry';

const ALL_VERBS = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'];

describe(ResourceRegistry.name, () => {
  const registry = createBuiltinRegistry();

  it('serves every requested built-in kind once', () => {
    expect(registry.all().map((rt) => `${rt.group}/${rt.version}/${rt.plural}`).sort()).toEqual([
      '/v1/configmaps', '/v1/endpoints', '/v1/events', '/v1/limitranges', '/v1/namespaces', '/v1/nodes',
      '/v1/persistentvolumeclaims', '/v1/persistentvolumes', '/v1/pods', '/v1/podtemplates', '/v1/replicationcontrollers',
      '/v1/resourcequotas', '/v1/secrets', '/v1/serviceaccounts', '/v1/services',
      'apps/v1/controllerrevisions', 'apps/v1/daemonsets', 'apps/v1/deployments', 'apps/v1/replicasets', 'apps/v1/statefulsets',
      'autoscaling/v2/horizontalpodautoscalers', 'batch/v1/cronjobs', 'batch/v1/jobs',
      'coordination.k8s.io/v1/leases', 'discovery.k8s.io/v1/endpointslices',
      'networking.k8s.io/v1/ingressclasses', 'networking.k8s.io/v1/ingresses', 'networking.k8s.io/v1/networkpolicies',
      'policy/v1/poddisruptionbudgets',
      'rbac.authorization.k8s.io/v1/clusterrolebindings', 'rbac.authorization.k8s.io/v1/clusterroles',
      'rbac.authorization.k8s.io/v1/rolebindings', 'rbac.authorization.k8s.io/v1/roles',
      'scheduling.k8s.io/v1/priorityclasses', 'storage.k8s.io/v1/storageclasses',
    ]);
  });

  it('gives every entry cells matching its columns', () => {
    const now = new Date('2024-05-01T12:00:00Z');
    for (const rt of registry.all()) {
      const empty: KubeObject = { metadata: { name: 'x' } };
      expect([rt.kind, rt.cells(empty, now).length]).toEqual([rt.kind, rt.columns.length]);
    }
  });

  it('looks entries up by URL segments, kind and apiVersion', () => {
    expect(registry.lookup('', 'v1', 'pods')?.kind).toBe('Pod');
    expect(registry.lookup('apps', 'v1', 'deployments')?.kind).toBe('Deployment');
    expect(registry.lookup('apps', 'v1beta1', 'deployments')).toBeUndefined();
    expect(registry.lookup('', 'v1', 'deployments')).toBeUndefined();
    expect(registry.byKind('batch', 'v1', 'CronJob')?.plural).toBe('cronjobs');
    expect(registry.byApiVersionKind('v1', 'Service')?.plural).toBe('services');
    expect(registry.byApiVersionKind('rbac.authorization.k8s.io/v1', 'ClusterRole')?.plural).toBe('clusterroles');
    expect(registry.byApiVersionKind('apps/v1', 'Pod')).toBeUndefined();
  });

  it.each([
    ['po', '', 'pods'],
    ['pod', '', 'pods'],
    ['Pods', '', 'pods'],
    ['svc', '', 'services'],
    ['ns', '', 'namespaces'],
    ['no', '', 'nodes'],
    ['ev', '', 'events'],
    ['ep', '', 'endpoints'],
    ['cm', '', 'configmaps'],
    ['sa', '', 'serviceaccounts'],
    ['pv', '', 'persistentvolumes'],
    ['pvc', '', 'persistentvolumeclaims'],
    ['rc', '', 'replicationcontrollers'],
    ['limits', '', 'limitranges'],
    ['quota', '', 'resourcequotas'],
    ['deploy', 'apps', 'deployments'],
    ['deployment', 'apps', 'deployments'],
    ['Deployment', 'apps', 'deployments'],
    ['deployments.apps', 'apps', 'deployments'],
    ['deploy.apps', 'apps', 'deployments'],
    ['deployments.v1.apps', 'apps', 'deployments'],
    ['rs', 'apps', 'replicasets'],
    ['ds', 'apps', 'daemonsets'],
    ['sts', 'apps', 'statefulsets'],
    ['cj', 'batch', 'cronjobs'],
    ['job', 'batch', 'jobs'],
    ['hpa', 'autoscaling', 'horizontalpodautoscalers'],
    ['ing', 'networking.k8s.io', 'ingresses'],
    ['netpol', 'networking.k8s.io', 'networkpolicies'],
    ['sc', 'storage.k8s.io', 'storageclasses'],
    ['pdb', 'policy', 'poddisruptionbudgets'],
    ['pc', 'scheduling.k8s.io', 'priorityclasses'],
    ['lease', 'coordination.k8s.io', 'leases'],
    ['endpointslices', 'discovery.k8s.io', 'endpointslices'],
    ['clusterrolebinding', 'rbac.authorization.k8s.io', 'clusterrolebindings'],
    ['endpoints', '', 'endpoints'],
  ])('resolves %s', (name, group, plural) => {
    const rt = registry.resolve(name);
    expect(rt && [rt.group, rt.plural]).toEqual([group, plural]);
  });

  it('does not resolve unknown or wrongly qualified names', () => {
    expect(registry.resolve('nope')).toBeUndefined();
    expect(registry.resolve('pods.apps')).toBeUndefined();
    expect(registry.resolve('all')).toBeUndefined();
  });

  it('lists the `all` category exactly as upstream', () => {
    expect(registry.inCategory('all').map((rt) => rt.plural).sort()).toEqual([
      'cronjobs', 'daemonsets', 'deployments', 'horizontalpodautoscalers', 'jobs', 'pods', 'replicasets',
      'replicationcontrollers', 'services', 'statefulsets',
    ]);
  });

  it('groups resources for discovery, core first, preferred version first, resources sorted', () => {
    const groups = registry.groups();
    expect(groups.map((g) => g.name)).toEqual([
      '', 'apps', 'autoscaling', 'batch', 'networking.k8s.io', 'policy', 'rbac.authorization.k8s.io', 'storage.k8s.io',
      'scheduling.k8s.io', 'coordination.k8s.io', 'discovery.k8s.io',
    ]);
    expect(groups[0].preferredVersion).toBe('v1');
    expect(groups.find((g) => g.name === 'autoscaling')?.versions.map((v) => v.version)).toEqual(['v2']);
    expect(groups.find((g) => g.name === 'apps')?.versions[0].resources.map((r) => r.plural)).toEqual([
      'controllerrevisions', 'daemonsets', 'deployments', 'replicasets', 'statefulsets',
    ]);
  });

  it('orders several served versions with the stable one preferred', () => {
    const base = builtinResourceTypes().find((rt) => rt.plural === 'leases')!;
    const custom = new ResourceRegistry([
      { ...base, version: 'v1beta1' },
      { ...base, version: 'v1alpha2' },
      base,
    ]);
    const [group] = custom.groups();
    expect(group.preferredVersion).toBe('v1');
    expect(group.versions.map((v) => v.version)).toEqual(['v1', 'v1beta1', 'v1alpha2']);
    expect(custom.resolve('leases')?.version).toBe('v1');
  });

  it('rejects duplicate resources', () => {
    const lease = builtinResourceTypes().find((rt) => rt.plural === 'leases')!;
    expect(() => new ResourceRegistry([lease, lease])).toThrow('duplicate resource coordination.k8s.io/v1/leases');
  });
});

describe('discovery facts', () => {
  const registry = createBuiltinRegistry();
  const rt = (group: string, plural: string) => registry.all().find((r) => r.group === group && r.plural === plural)!;
  const subresources = (group: string, plural: string) =>
    Object.fromEntries(rt(group, plural).subresources.map((s) => [s.name, [`${s.responseKind.group}/${s.responseKind.version}/${s.responseKind.kind}`, s.verbs.join(',')]]));

  it('describes pods like kube-apiserver', () => {
    const pods = rt('', 'pods');
    expect([pods.kind, pods.listKind, pods.singular, pods.namespaced, pods.shortNames, pods.categories, pods.verbs]).toEqual([
      'Pod', 'PodList', 'pod', true, ['po'], ['all'], ALL_VERBS,
    ]);
    expect(pods.hasStatusSubresource).toBe(true);
    expect(subresources('', 'pods')).toEqual({
      attach: ['/v1/PodAttachOptions', 'create,get'],
      binding: ['/v1/Binding', 'create'],
      ephemeralcontainers: ['/v1/Pod', 'get,patch,update'],
      eviction: ['policy/v1/Eviction', 'create'],
      exec: ['/v1/PodExecOptions', 'create,get'],
      log: ['/v1/Pod', 'get'],
      portforward: ['/v1/PodPortForwardOptions', 'create,get'],
      proxy: ['/v1/PodProxyOptions', 'create,delete,get,patch,update'],
      status: ['/v1/Pod', 'get,patch,update'],
    });
  });

  it('describes namespaces, nodes and service accounts', () => {
    const ns = rt('', 'namespaces');
    expect([ns.namespaced, ns.verbs, ns.shortNames]).toEqual([false, ['create', 'delete', 'get', 'list', 'patch', 'update', 'watch'], ['ns']]);
    expect(subresources('', 'namespaces')).toEqual({ finalize: ['/v1/Namespace', 'update'], status: ['/v1/Namespace', 'get,patch,update'] });
    expect([rt('', 'nodes').namespaced, rt('', 'nodes').verbs]).toEqual([false, ALL_VERBS]);
    expect(subresources('', 'serviceaccounts')).toEqual({ token: ['authentication.k8s.io/v1/TokenRequest', 'create'] });
    expect([rt('', 'endpoints').singular, rt('', 'endpoints').listKind]).toEqual(['endpoints', 'EndpointsList']);
    expect([rt('', 'configmaps').hasStatusSubresource, rt('', 'configmaps').subresources]).toEqual([false, []]);
  });

  it('describes scalable workloads with autoscaling/v1 Scale', () => {
    for (const [group, plural] of [['apps', 'deployments'], ['apps', 'replicasets'], ['apps', 'statefulsets'], ['', 'replicationcontrollers']]) {
      expect(subresources(group, plural)).toEqual({
        scale: ['autoscaling/v1/Scale', 'get,patch,update'],
        status: [`${group}/v1/${rt(group, plural).kind}`, 'get,patch,update'],
      });
      expect(rt(group, plural).scale).toEqual({ specReplicasPath: 'spec.replicas', statusReplicasPath: 'status.replicas', labelSelectorPath: 'spec.selector' });
    }
    expect(rt('apps', 'daemonsets').scale).toBeUndefined();
    expect(Object.keys(subresources('apps', 'daemonsets'))).toEqual(['status']);
  });

  it('leaves kinds without short names or status as upstream', () => {
    expect(rt('batch', 'jobs').shortNames).toEqual([]);
    expect(rt('rbac.authorization.k8s.io', 'roles').hasStatusSubresource).toBe(false);
    expect(rt('networking.k8s.io', 'ingressclasses').namespaced).toBe(false);
    expect(rt('coordination.k8s.io', 'leases').hasStatusSubresource).toBe(false);
  });
});

describe(createBuiltinRegistry.name, () => {
  it('attaches defaulters and validators by <group>/<Kind>', () => {
    const defaultPod = jest.fn();
    const validateDeployment = jest.fn(() => []);
    const registry = createBuiltinRegistry({ defaulters: { '/Pod': defaultPod }, validators: { 'apps/Deployment': validateDeployment } });
    const pods = registry.lookup('', 'v1', 'pods')!;
    const deployments = registry.lookup('apps', 'v1', 'deployments')!;
    expect(pods.applyDefaults).toBe(defaultPod);
    expect(pods.validate).toBeUndefined();
    expect(deployments.validate).toBe(validateDeployment);
    expect(deployments.applyDefaults).toBeUndefined();
    expect(createBuiltinRegistry().lookup('', 'v1', 'pods')!.applyDefaults).toBeUndefined();
    expect(groupKindKey(deployments)).toBe('apps/Deployment');
  });
});
