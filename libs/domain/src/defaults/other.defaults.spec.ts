import type { KubeObject } from '../objects/object-meta';
import { defaulters } from './defaulters';

const apply = (key: string, obj: KubeObject) => {
  defaulters[key](obj);
  return obj;
};

describe('defaulters of the other groups', () => {
  it('HorizontalPodAutoscaler v2: minReplicas and the 80% CPU metric', () =>
    expect(apply('autoscaling/HorizontalPodAutoscaler', { apiVersion: 'autoscaling/v2', metadata: { name: 'h' }, spec: { maxReplicas: 5 } }).spec).toEqual({
      maxReplicas: 5,
      minReplicas: 1,
      metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 80 } } }],
    }));

  it('HorizontalPodAutoscaler v2: completes behavior rules when behavior is given', () =>
    expect(
      (apply('autoscaling/HorizontalPodAutoscaler', {
        apiVersion: 'autoscaling/v2',
        metadata: { name: 'h' },
        spec: { maxReplicas: 5, metrics: [{ type: 'Pods' }], behavior: { scaleDown: { stabilizationWindowSeconds: 60 } } },
      }).spec as Record<string, unknown>).behavior,
    ).toEqual({
      scaleUp: {
        stabilizationWindowSeconds: 0,
        selectPolicy: 'Max',
        policies: [
          { type: 'Pods', value: 4, periodSeconds: 15 },
          { type: 'Percent', value: 100, periodSeconds: 15 },
        ],
      },
      scaleDown: { stabilizationWindowSeconds: 60, selectPolicy: 'Max', policies: [{ type: 'Percent', value: 100, periodSeconds: 15 }] },
    }));

  it('HorizontalPodAutoscaler v1: only minReplicas', () =>
    expect(apply('autoscaling/HorizontalPodAutoscaler', { apiVersion: 'autoscaling/v1', metadata: { name: 'h' }, spec: { maxReplicas: 5 } }).spec).toEqual({
      maxReplicas: 5,
      minReplicas: 1,
    }));

  it('EndpointSlice ports', () =>
    expect(apply('discovery.k8s.io/EndpointSlice', { metadata: { name: 'e' }, addressType: 'IPv4', ports: [{ port: 80 }] }).ports).toEqual([
      { port: 80, name: '', protocol: 'TCP' },
    ]));

  it('RBAC bindings: roleRef and subject api groups', () =>
    expect(
      apply('rbac.authorization.k8s.io/RoleBinding', {
        metadata: { name: 'b' },
        roleRef: { kind: 'Role', name: 'r' },
        subjects: [{ kind: 'ServiceAccount', name: 'default' }, { kind: 'User', name: 'jane' }],
      }),
    ).toEqual({
      metadata: { name: 'b' },
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'r' },
      subjects: [
        { kind: 'ServiceAccount', name: 'default', apiGroup: '' },
        { kind: 'User', name: 'jane', apiGroup: 'rbac.authorization.k8s.io' },
      ],
    }));

  it('StorageClass, PriorityClass, PodDisruptionBudget and NetworkPolicy', () => {
    expect(apply('storage.k8s.io/StorageClass', { metadata: { name: 's' }, provisioner: 'x' })).toEqual({
      metadata: { name: 's' },
      provisioner: 'x',
      reclaimPolicy: 'Delete',
      volumeBindingMode: 'Immediate',
    });
    expect(apply('scheduling.k8s.io/PriorityClass', { metadata: { name: 'p' }, value: 10 }).preemptionPolicy).toBe('PreemptLowerPriority');
    expect(apply('policy/PodDisruptionBudget', { metadata: { name: 'p' }, spec: { minAvailable: 1 } }).status).toEqual({
      disruptionsAllowed: 0,
      currentHealthy: 0,
      desiredHealthy: 0,
      expectedPods: 0,
    });
    expect(apply('networking.k8s.io/NetworkPolicy', { metadata: { name: 'n' }, spec: { egress: [{ ports: [{ port: 53 }] }] } }).spec).toEqual({
      egress: [{ ports: [{ port: 53, protocol: 'TCP' }] }],
      policyTypes: ['Ingress', 'Egress'],
    });
  });

  it('is keyed by group and kind', () =>
    expect(Object.keys(defaulters)).toEqual(expect.arrayContaining(['/Pod', 'apps/Deployment', 'batch/Job', 'autoscaling/HorizontalPodAutoscaler'])));
});
