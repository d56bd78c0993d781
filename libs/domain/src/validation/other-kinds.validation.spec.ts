import type { KubeObject } from '../objects/object-meta';
import { validators } from './validators';

const obj = (apiVersion: string, kind: string, body: Record<string, unknown>, name = 'x'): KubeObject => ({ apiVersion, kind, metadata: { name }, ...body });
const run = (key: string, o: KubeObject, old?: KubeObject) =>
  validators[key](o, old ? { operation: 'UPDATE', old } : { operation: 'CREATE' }).map((e) => `${e.field}: ${e.detail}`);

describe('validation of the remaining kinds', () => {
  it('Namespace finalizers', () => {
    expect(run('/Namespace', obj('v1', 'Namespace', { spec: { finalizers: ['kubernetes'] } }))).toEqual([]);
    expect(run('/Namespace', obj('v1', 'Namespace', { spec: { finalizers: ['custom'] } }))).toEqual([
      'spec.finalizers: Invalid value: "custom": name is neither a standard finalizer name nor is it fully qualified',
    ]);
  });

  it('Node taints', () =>
    expect(run('/Node', obj('v1', 'Node', { spec: { taints: [{ key: 'k', effect: 'Sometimes' }] } }))).toEqual([
      'spec.taints[0].effect: Unsupported value: "Sometimes": supported values: "NoExecute", "NoSchedule", "PreferNoSchedule"',
    ]));

  it('PersistentVolumeClaim', () => {
    const pvc = obj('v1', 'PersistentVolumeClaim', { spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } });
    expect(run('/PersistentVolumeClaim', pvc)).toEqual([]);
    expect(run('/PersistentVolumeClaim', obj('v1', 'PersistentVolumeClaim', { spec: {} }))).toEqual([
      'spec.accessModes: Required value',
      'spec.resources[storage]: Required value',
    ]);
  });

  it('PersistentVolume', () => {
    expect(run('/PersistentVolume', obj('v1', 'PersistentVolume', { spec: { accessModes: ['ReadWriteOnce'], capacity: { storage: '1Gi' }, hostPath: { path: '/d' } } }))).toEqual([]);
    expect(run('/PersistentVolume', obj('v1', 'PersistentVolume', { spec: { accessModes: ['ReadWriteOnce'], capacity: { storage: '1Gi' } } }))).toEqual([
      'spec: Required value: must specify a volume type',
    ]);
  });

  it('HorizontalPodAutoscaler', () => {
    expect(run('autoscaling/HorizontalPodAutoscaler', obj('autoscaling/v2', 'HorizontalPodAutoscaler', { spec: { scaleTargetRef: { kind: 'Deployment', name: 'web' }, minReplicas: 1, maxReplicas: 3 } }))).toEqual([]);
    expect(run('autoscaling/HorizontalPodAutoscaler', obj('autoscaling/v2', 'HorizontalPodAutoscaler', { spec: { scaleTargetRef: {}, minReplicas: 5, maxReplicas: 3 } }))).toEqual([
      'spec.scaleTargetRef.kind: Required value',
      'spec.scaleTargetRef.name: Required value',
      'spec.maxReplicas: Invalid value: 3: must be greater than or equal to `minReplicas`',
    ]);
  });

  it('PodDisruptionBudget', () =>
    expect(run('policy/PodDisruptionBudget', obj('policy/v1', 'PodDisruptionBudget', { spec: { minAvailable: 1, maxUnavailable: 1 } }))).toEqual([
      'spec: Invalid value: {"minAvailable":1,"maxUnavailable":1}: minAvailable and maxUnavailable cannot be both set',
    ]));

  it('Ingress', () => {
    const backend = { service: { name: 'web', port: { number: 80 } } };
    expect(run('networking.k8s.io/Ingress', obj('networking.k8s.io/v1', 'Ingress', { spec: { rules: [{ host: 'a.example.com', http: { paths: [{ path: '/', pathType: 'Prefix', backend }] } }] } }))).toEqual([]);
    expect(run('networking.k8s.io/Ingress', obj('networking.k8s.io/v1', 'Ingress', { spec: { rules: [{ http: { paths: [{ path: 'x', backend }] } }] } }))).toEqual([
      'spec.rules[0].http.paths[0].pathType: Required value: pathType must be specified',
    ]);
  });

  it('RBAC', () => {
    expect(run('rbac.authorization.k8s.io/Role', obj('rbac.authorization.k8s.io/v1', 'Role', { rules: [{ apiGroups: [''], resources: ['pods'], verbs: ['get'] }] }))).toEqual([]);
    expect(run('rbac.authorization.k8s.io/Role', obj('rbac.authorization.k8s.io/v1', 'Role', { rules: [{ resources: ['pods'] }] }))).toEqual([
      'rules[0].verbs: Required value: verbs must contain at least one value',
      'rules[0].apiGroups: Required value: resource rules must supply at least one api group',
    ]);
    const binding = (roleRef: Record<string, unknown>) =>
      obj('rbac.authorization.k8s.io/v1', 'ClusterRoleBinding', { roleRef, subjects: [{ kind: 'ServiceAccount', name: 'default', namespace: 'default' }] });
    const ref = { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'view' };
    expect(run('rbac.authorization.k8s.io/ClusterRoleBinding', binding(ref))).toEqual([]);
    expect(run('rbac.authorization.k8s.io/ClusterRoleBinding', binding({ ...ref, kind: 'Role' }))).toEqual([
      'roleRef.kind: Unsupported value: "Role": supported values: "ClusterRole"',
    ]);
    expect(run('rbac.authorization.k8s.io/ClusterRoleBinding', binding({ ...ref, name: 'edit' }), binding(ref))).toEqual([
      'roleRef: Invalid value: {"apiGroup":"rbac.authorization.k8s.io","kind":"ClusterRole","name":"edit"}: cannot change roleRef',
    ]);
  });

  it('StorageClass and PriorityClass updates', () => {
    const sc = (provisioner: string) => obj('storage.k8s.io/v1', 'StorageClass', { provisioner, reclaimPolicy: 'Delete', volumeBindingMode: 'Immediate' });
    expect(run('storage.k8s.io/StorageClass', sc('a'))).toEqual([]);
    expect(run('storage.k8s.io/StorageClass', sc('b'), sc('a'))).toEqual(['provisioner: Forbidden: updates to provisioner are forbidden.']);
    const pc = (value: number) => obj('scheduling.k8s.io/v1', 'PriorityClass', { value, preemptionPolicy: 'PreemptLowerPriority' }, 'high');
    expect(run('scheduling.k8s.io/PriorityClass', pc(2), pc(1))).toEqual(['value: Forbidden: may not be changed in an update.']);
  });

  it('Lease and EndpointSlice', () => {
    expect(run('coordination.k8s.io/Lease', obj('coordination.k8s.io/v1', 'Lease', { spec: { leaseDurationSeconds: 0 } }))).toEqual([
      'spec.leaseDurationSeconds: Invalid value: 0: must be greater than 0',
    ]);
    expect(run('discovery.k8s.io/EndpointSlice', obj('discovery.k8s.io/v1', 'EndpointSlice', { addressType: 'IPv5', endpoints: [] }))).toEqual([
      'addressType: Unsupported value: "IPv5": supported values: "FQDN", "IPv4", "IPv6"',
    ]);
  });
});
