import type { KubeObject } from '../objects/object-meta';
import { createBuiltinRegistry } from './builtin.registry';

const NOW = new Date('2024-05-01T12:00:00Z');
const ago = (ms: number) => new Date(NOW.getTime() - ms).toISOString();
const MIN = 60_000;
const registry = createBuiltinRegistry();
const meta = (name: string, extra: Record<string, unknown> = {}) => ({ name, namespace: 'default', creationTimestamp: ago(12 * MIN), ...extra });
const template = { spec: { containers: [{ name: 'nginx', image: 'nginx:1.25' }, { name: 'sidecar', image: 'busybox' }] } };

describe('deployment Table cells', () => {
  const deployments = registry.lookup('apps', 'v1', 'deployments')!;

  it('has the upstream columns', () => {
    expect(deployments.columns.map((c) => `${c.name}:${c.priority}`)).toEqual([
      'Name:0', 'Ready:0', 'Up-to-date:0', 'Available:0', 'Age:0', 'Containers:1', 'Images:1', 'Selector:1',
    ]);
  });

  it('renders ready/replicas, up-to-date, available, containers and selector', () => {
    const deploy: KubeObject = {
      metadata: meta('web'),
      spec: { replicas: 3, selector: { matchLabels: { app: 'web' } }, template },
      status: { replicas: 3, readyReplicas: 2, updatedReplicas: 3, availableReplicas: 2 },
    };
    expect(deployments.cells(deploy, NOW)).toEqual(['web', '2/3', 3, 2, '12m', 'nginx,sidecar', 'nginx:1.25,busybox', 'app=web']);
  });

  it('renders a new deployment without status', () => {
    const deploy: KubeObject = { metadata: meta('new'), spec: { replicas: 0, selector: { matchLabels: { app: 'new' } }, template } };
    expect(deployments.cells(deploy, NOW).slice(0, 4)).toEqual(['new', '0/0', 0, 0]);
  });
});

describe('other workload Table cells', () => {
  it('renders replica sets and stateful sets', () => {
    const rs: KubeObject = {
      metadata: meta('web-5d4f'),
      spec: { replicas: 2, selector: { matchLabels: { app: 'web', 'pod-template-hash': '5d4f' } }, template },
      status: { replicas: 2, readyReplicas: 1 },
    };
    expect(registry.lookup('apps', 'v1', 'replicasets')!.cells(rs, NOW)).toEqual([
      'web-5d4f', 2, 2, 1, '12m', 'nginx,sidecar', 'nginx:1.25,busybox', 'app=web,pod-template-hash=5d4f',
    ]);
    const sts: KubeObject = { metadata: meta('db'), spec: { replicas: 3, template }, status: { readyReplicas: 1 } };
    expect(registry.lookup('apps', 'v1', 'statefulsets')!.cells(sts, NOW)).toEqual(['db', '1/3', '12m', 'nginx,sidecar', 'nginx:1.25,busybox']);
  });

  it('renders daemon sets with their node selector', () => {
    const ds: KubeObject = {
      metadata: meta('agent'),
      spec: { selector: { matchLabels: { app: 'agent' } }, template: { spec: { ...template.spec, nodeSelector: { 'kubernetes.io/os': 'linux' } } } },
      status: { desiredNumberScheduled: 3, currentNumberScheduled: 3, numberReady: 2, updatedNumberScheduled: 3, numberAvailable: 2 },
    };
    expect(registry.lookup('apps', 'v1', 'daemonsets')!.cells(ds, NOW)).toEqual([
      'agent', 3, 3, 2, 3, 2, 'kubernetes.io/os=linux', '12m', 'nginx,sidecar', 'nginx:1.25,busybox', 'app=agent',
    ]);
  });

  it('renders controller revisions with their controller', () => {
    const cr: KubeObject = {
      metadata: meta('db-7c9', { ownerReferences: [{ apiVersion: 'apps/v1', kind: 'StatefulSet', name: 'db', uid: 'u1', controller: true }] }),
      revision: 2,
    };
    expect(registry.lookup('apps', 'v1', 'controllerrevisions')!.cells(cr, NOW)).toEqual(['db-7c9', 'statefulset.apps/db', 2, '12m']);
  });

  it('renders replication controllers with their map selector', () => {
    const rc: KubeObject = { metadata: meta('old'), spec: { replicas: 1, selector: { app: 'old' }, template }, status: { replicas: 1, readyReplicas: 1 } };
    expect(registry.lookup('', 'v1', 'replicationcontrollers')!.cells(rc, NOW)).toEqual([
      'old', 1, 1, 1, '12m', 'nginx,sidecar', 'nginx:1.25,busybox', 'app=old',
    ]);
  });
});

describe('job and cron job Table cells', () => {
  const jobs = registry.lookup('batch', 'v1', 'jobs')!;

  it('has the upstream job columns', () => {
    expect(jobs.columns.map((c) => c.name)).toEqual(['Name', 'Status', 'Completions', 'Duration', 'Age', 'Containers', 'Images', 'Selector']);
  });

  it('renders a complete job with its duration', () => {
    const job: KubeObject = {
      metadata: meta('pi'),
      spec: { completions: 1, parallelism: 1, selector: { matchLabels: { 'batch.kubernetes.io/controller-uid': 'abc' } }, template },
      status: {
        succeeded: 1,
        startTime: ago(10 * MIN),
        completionTime: ago(10 * MIN - 34_000),
        conditions: [{ type: 'SuccessCriteriaMet', status: 'True' }, { type: 'Complete', status: 'True' }],
      },
    };
    expect(jobs.cells(job, NOW)).toEqual([
      'pi', 'Complete', '1/1', '34s', '12m', 'nginx,sidecar', 'nginx:1.25,busybox', 'batch.kubernetes.io/controller-uid=abc',
    ]);
  });

  it('renders running, failed, suspended and terminating jobs', () => {
    const base = { metadata: meta('work'), spec: { parallelism: 3, template } };
    expect(jobs.cells({ ...base, status: { startTime: ago(2 * MIN + 5000), succeeded: 1 } }, NOW).slice(1, 4)).toEqual(['Running', '1/1 of 3', '2m5s']);
    expect(jobs.cells({ ...base, status: { conditions: [{ type: 'Failed', status: 'True' }] } }, NOW).slice(1, 4)).toEqual(['Failed', '0/1 of 3', '']);
    expect(jobs.cells({ ...base, status: { conditions: [{ type: 'Suspended', status: 'True' }] } }, NOW)[1]).toBe('Suspended');
    expect(jobs.cells({ ...base, metadata: meta('work', { deletionTimestamp: ago(0) }), status: {} }, NOW)[1]).toBe('Terminating');
    expect(jobs.cells({ metadata: meta('one'), spec: { template }, status: {} }, NOW)[2]).toBe('0/1');
  });

  it('renders cron jobs', () => {
    const cj: KubeObject = {
      metadata: meta('nightly'),
      spec: { schedule: '0 3 * * *', suspend: false, jobTemplate: { spec: { template } } },
      status: { active: [{ name: 'nightly-1' }], lastScheduleTime: ago(5 * MIN) },
    };
    expect(registry.lookup('batch', 'v1', 'cronjobs')!.cells(cj, NOW)).toEqual([
      'nightly', '0 3 * * *', '<none>', 'False', 1, '5m', '12m', 'nginx,sidecar', 'nginx:1.25,busybox', '<none>',
    ]);
  });
});

describe('networking, autoscaling and cluster Table cells', () => {
  it('renders ingresses', () => {
    const ing: KubeObject = {
      metadata: meta('site'),
      spec: { ingressClassName: 'nginx', rules: [{ host: 'a.example.com' }, { host: 'b.example.com' }], tls: [{ hosts: ['a.example.com'] }] },
      status: { loadBalancer: { ingress: [{ ip: '198.51.100.4' }] } },
    };
    expect(registry.lookup('networking.k8s.io', 'v1', 'ingresses')!.cells(ing, NOW)).toEqual([
      'site', 'nginx', 'a.example.com,b.example.com', '198.51.100.4', '80, 443', '12m',
    ]);
    const bare: KubeObject = { metadata: meta('bare'), spec: { rules: [{}, { host: '' }] } };
    expect(registry.lookup('networking.k8s.io', 'v1', 'ingresses')!.cells(bare, NOW)).toEqual(['bare', '<none>', '*', '', '80', '12m']);
  });

  it('renders horizontal pod autoscalers', () => {
    const hpa: KubeObject = {
      metadata: meta('web'),
      spec: {
        scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' },
        minReplicas: 2,
        maxReplicas: 10,
        metrics: [
          { type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 80 } } },
          { type: 'Resource', resource: { name: 'memory', target: { type: 'AverageValue', averageValue: '500Mi' } } },
          { type: 'Pods', pods: { metric: { name: 'qps' }, target: { type: 'AverageValue', averageValue: '10' } } },
        ],
      },
      status: {
        currentReplicas: 3,
        currentMetrics: [{ type: 'Resource', resource: { name: 'cpu', current: { averageUtilization: 45, averageValue: '90m' } } }],
      },
    };
    expect(registry.lookup('autoscaling', 'v2', 'horizontalpodautoscalers')!.cells(hpa, NOW)).toEqual([
      'web', 'Deployment/web', 'cpu: 45%/80%, memory: <unknown>/500Mi + 1 more...', '2', 10, 3, '12m',
    ]);
  });

  it('renders leases, storage classes, bindings, budgets and priority classes', () => {
    expect(registry.lookup('coordination.k8s.io', 'v1', 'leases')!.cells({ metadata: meta('node-1'), spec: { holderIdentity: 'node-1' } }, NOW)).toEqual([
      'node-1', 'node-1', '12m',
    ]);
    const sc: KubeObject = {
      metadata: { name: 'standard', creationTimestamp: ago(12 * MIN), annotations: { 'storageclass.kubernetes.io/is-default-class': 'true' } },
      provisioner: 'rancher.io/local-path',
      volumeBindingMode: 'WaitForFirstConsumer',
    };
    expect(registry.lookup('storage.k8s.io', 'v1', 'storageclasses')!.cells(sc, NOW)).toEqual([
      'standard (default)', 'rancher.io/local-path', 'Delete', 'WaitForFirstConsumer', false, '12m',
    ]);
    const crb: KubeObject = {
      metadata: { name: 'admins', creationTimestamp: ago(12 * MIN) },
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'cluster-admin' },
      subjects: [
        { kind: 'Group', name: 'system:masters' },
        { kind: 'User', name: 'alice' },
        { kind: 'ServiceAccount', namespace: 'kube-system', name: 'ops' },
        { kind: 'User', name: 'bob' },
      ],
    };
    expect(registry.lookup('rbac.authorization.k8s.io', 'v1', 'clusterrolebindings')!.cells(crb, NOW)).toEqual([
      'admins', 'ClusterRole/cluster-admin', '12m', 'alice, bob', 'system:masters', 'kube-system/ops',
    ]);
    const pdb: KubeObject = { metadata: meta('web'), spec: { minAvailable: '50%' }, status: { disruptionsAllowed: 1 } };
    expect(registry.lookup('policy', 'v1', 'poddisruptionbudgets')!.cells(pdb, NOW)).toEqual(['web', '50%', 'N/A', 1, '12m']);
    const pc: KubeObject = { metadata: { name: 'high', creationTimestamp: ago(12 * MIN) }, value: 1000000, preemptionPolicy: 'Never' };
    expect(registry.lookup('scheduling.k8s.io', 'v1', 'priorityclasses')!.cells(pc, NOW)).toEqual(['high', 1000000, false, '12m', 'Never']);
  });
});
