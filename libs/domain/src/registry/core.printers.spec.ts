import type { KubeObject } from '../objects/object-meta';
import { createBuiltinRegistry } from './builtin.registry';

const NOW = new Date('2024-05-01T12:00:00Z');
const ago = (ms: number) => new Date(NOW.getTime() - ms).toISOString();
const MIN = 60_000;
const DAY = 86_400_000;
const registry = createBuiltinRegistry();
const rt = (plural: string, group = '', version = 'v1') => registry.lookup(group, version, plural)!;
const meta = (name: string, extra: Record<string, unknown> = {}) => ({ name, namespace: 'default', creationTimestamp: ago(3 * DAY), ...extra });
const columnNames = (plural: string, group = '', version = 'v1') => rt(plural, group, version).columns.map((c) => c.name);

describe('service Table cells', () => {
  const services = rt('services');
  const svc = (spec: Record<string, unknown>, status: Record<string, unknown> = {}): KubeObject => ({
    metadata: meta('web'),
    spec,
    status,
  });

  it('has the upstream columns', () => {
    expect(columnNames('services')).toEqual(['Name', 'Type', 'Cluster-IP', 'External-IP', 'Port(s)', 'Age', 'Selector']);
    expect(services.columns.find((c) => c.name === 'Selector')?.priority).toBe(1);
  });

  it('renders a ClusterIP service', () => {
    const s = svc({
      type: 'ClusterIP',
      clusterIP: '10.96.0.10',
      clusterIPs: ['10.96.0.10'],
      ports: [
        { name: 'dns', port: 53, protocol: 'UDP', targetPort: 53 },
        { name: 'dns-tcp', port: 53, protocol: 'TCP', targetPort: 53 },
      ],
      selector: { 'k8s-app': 'kube-dns' },
    });
    expect(services.cells(s, NOW)).toEqual(['web', 'ClusterIP', '10.96.0.10', '<none>', '53/UDP,53/TCP', '3d', 'k8s-app=kube-dns']);
  });

  it('renders a headless service and external IPs of a ClusterIP service', () => {
    const s = svc({ type: 'ClusterIP', clusterIP: 'None', clusterIPs: ['None'], externalIPs: ['192.0.2.1', '192.0.2.2'], ports: [] });
    expect(services.cells(s, NOW).slice(1, 5)).toEqual(['ClusterIP', 'None', '192.0.2.1,192.0.2.2', '<none>']);
  });

  it('renders node ports as port:nodePort/protocol', () => {
    const s = svc({ type: 'NodePort', clusterIPs: ['10.96.12.7'], ports: [{ port: 80, nodePort: 30080, protocol: 'TCP' }], selector: { app: 'web' } });
    expect(services.cells(s, NOW)).toEqual(['web', 'NodePort', '10.96.12.7', '<none>', '80:30080/TCP', '3d', 'app=web']);
  });

  it('renders a LoadBalancer as <pending> until it has an ingress, then its sorted addresses', () => {
    const spec = { type: 'LoadBalancer', clusterIPs: ['10.96.1.1'], ports: [{ port: 443, nodePort: 31443, protocol: 'TCP' }] };
    expect(services.cells(svc(spec), NOW)[3]).toBe('<pending>');
    const ready = svc(spec, { loadBalancer: { ingress: [{ ip: '203.0.113.9' }, { hostname: 'lb.example.com' }, { ip: '203.0.113.7' }] } });
    expect(services.cells(ready, NOW)[3]).toBe('203.0.113.7,203.0.113.9,lb.example.com');
    const withExternal = svc({ ...spec, externalIPs: ['192.0.2.5'] }, { loadBalancer: { ingress: [{ ip: '203.0.113.7' }] } });
    expect(services.cells(withExternal, NOW)[3]).toBe('203.0.113.7,192.0.2.5');
  });

  it('renders an ExternalName service', () => {
    const s = svc({ type: 'ExternalName', externalName: 'db.example.com' });
    expect(services.cells(s, NOW)).toEqual(['web', 'ExternalName', '<none>', 'db.example.com', '<none>', '3d', '<none>']);
  });
});

describe('node Table cells', () => {
  const nodes = rt('nodes');
  const node = (labels: Record<string, string>, conditions: unknown[], unschedulable = false): KubeObject => ({
    metadata: { name: 'node-1', labels, creationTimestamp: ago(8 * DAY) },
    spec: unschedulable ? { unschedulable: true } : {},
    status: {
      conditions,
      addresses: [
        { type: 'InternalIP', address: '10.0.0.11' },
        { type: 'Hostname', address: 'node-1' },
      ],
      nodeInfo: { kubeletVersion: 'v1.33.1', osImage: 'Debian GNU/Linux 12 (bookworm)', kernelVersion: '6.1.0-18-amd64', containerRuntimeVersion: 'containerd://1.7.13' },
    },
  });

  it('has the upstream columns', () => {
    expect(columnNames('nodes')).toEqual([
      'Name', 'Status', 'Roles', 'Age', 'Version', 'Internal-IP', 'External-IP', 'OS-Image', 'Kernel-Version', 'Container-Runtime',
    ]);
  });

  it('renders a ready control-plane node', () => {
    const n = node({ 'node-role.kubernetes.io/control-plane': '', 'kubernetes.io/hostname': 'node-1' }, [
      { type: 'MemoryPressure', status: 'False' },
      { type: 'Ready', status: 'True' },
    ]);
    expect(nodes.cells(n, NOW)).toEqual([
      'node-1', 'Ready', 'control-plane', '8d', 'v1.33.1', '10.0.0.11', '<none>',
      'Debian GNU/Linux 12 (bookworm)', '6.1.0-18-amd64', 'containerd://1.7.13',
    ]);
  });

  it('renders NotReady, cordoned and unknown nodes and sorted roles', () => {
    const notReady = node({ 'kubernetes.io/role': 'worker', 'node-role.kubernetes.io/infra': '' }, [{ type: 'Ready', status: 'Unknown' }], true);
    expect(nodes.cells(notReady, NOW).slice(1, 3)).toEqual(['NotReady,SchedulingDisabled', 'infra,worker']);
    const unknown = node({}, []);
    expect(nodes.cells(unknown, NOW).slice(1, 3)).toEqual(['Unknown', '<none>']);
  });
});

describe('event Table cells', () => {
  const events = rt('events');

  it('has the upstream columns, wide ones with priority 1', () => {
    expect(events.columns.map((c) => `${c.name}:${c.priority}`)).toEqual([
      'Last Seen:0', 'Type:0', 'Reason:0', 'Object:0', 'Subobject:1', 'Source:1', 'Message:0', 'First Seen:1', 'Count:1', 'Name:1',
    ]);
  });

  it('renders a core event', () => {
    const ev: KubeObject = {
      metadata: meta('web-1.17c1'),
      involvedObject: { kind: 'Pod', namespace: 'default', name: 'web-1', fieldPath: 'spec.containers{app}' },
      reason: 'BackOff',
      message: 'Back-off restarting failed container\n',
      source: { component: 'kubelet', host: 'node-1' },
      firstTimestamp: ago(20 * MIN),
      lastTimestamp: ago(45_000),
      count: 7,
      type: 'Warning',
    };
    expect(events.cells(ev, NOW)).toEqual([
      '45s', 'Warning', 'BackOff', 'pod/web-1', 'spec.containers{app}', 'kubelet, node-1',
      'Back-off restarting failed container', '20m', 7, 'web-1.17c1',
    ]);
  });

  it('falls back to eventTime, series and reporting fields of events.k8s.io-style events', () => {
    const ev: KubeObject = {
      metadata: meta('deploy.1'),
      involvedObject: { kind: 'Deployment', name: 'web' },
      reason: 'ScalingReplicaSet',
      message: 'Scaled up replica set web-5d4f to 3',
      eventTime: ago(5 * MIN),
      series: { count: 4, lastObservedTime: ago(MIN) },
      reportingComponent: 'deployment-controller',
      type: 'Normal',
    };
    expect(events.cells(ev, NOW)).toEqual([
      '60s', 'Normal', 'ScalingReplicaSet', 'deployment/web', '', 'deployment-controller',
      'Scaled up replica set web-5d4f to 3', '5m', 4, 'deploy.1',
    ]);
    const single: KubeObject = { metadata: meta('x'), involvedObject: { kind: 'Node' }, firstTimestamp: ago(MIN) };
    expect(events.cells(single, NOW)).toEqual(['60s', '', '', 'node', '', '', '', '60s', 1, 'x']);
  });
});

describe('config Table cells', () => {
  it('renders secrets with type and data count', () => {
    expect(columnNames('secrets')).toEqual(['Name', 'Type', 'Data', 'Age']);
    const secret: KubeObject = { metadata: meta('creds'), type: 'Opaque', data: { user: 'YQ==', password: 'Yg==' } };
    expect(rt('secrets').cells(secret, NOW)).toEqual(['creds', 'Opaque', 2, '3d']);
    const tls: KubeObject = { metadata: meta('tls'), type: 'kubernetes.io/tls' };
    expect(rt('secrets').cells(tls, NOW)).toEqual(['tls', 'kubernetes.io/tls', 0, '3d']);
  });

  it('counts data and binaryData keys of config maps', () => {
    const cm: KubeObject = { metadata: meta('cfg'), data: { a: '1', b: '2' }, binaryData: { c: 'AA==' } };
    expect(rt('configmaps').cells(cm, NOW)).toEqual(['cfg', 3, '3d']);
  });

  it('renders namespaces, service accounts and endpoints', () => {
    expect(rt('namespaces').cells({ metadata: meta('prod'), status: { phase: 'Active' } }, NOW)).toEqual(['prod', 'Active', '3d']);
    expect(rt('serviceaccounts').cells({ metadata: meta('default'), secrets: [] }, NOW)).toEqual(['default', 0, '3d']);
    const ep: KubeObject = {
      metadata: meta('web'),
      subsets: [
        { addresses: [{ ip: '10.1.0.1' }, { ip: '10.1.0.2' }], ports: [{ port: 8080 }, { port: 9090 }] },
      ],
    };
    expect(rt('endpoints').cells(ep, NOW)).toEqual(['web', '10.1.0.1:8080,10.1.0.2:8080,10.1.0.1:9090 + 1 more...', '3d']);
    expect(rt('endpoints').cells({ metadata: meta('none') }, NOW)).toEqual(['none', '<none>', '3d']);
  });

  it('renders persistent volume claims and volumes', () => {
    const pvc: KubeObject = {
      metadata: meta('data'),
      spec: { volumeName: 'pv-1', storageClassName: 'standard', resources: { requests: { storage: '1Gi' } } },
      status: { phase: 'Bound', capacity: { storage: '10Gi' }, accessModes: ['ReadWriteMany', 'ReadWriteOnce'] },
    };
    expect(rt('persistentvolumeclaims').cells(pvc, NOW)).toEqual(['data', 'Bound', 'pv-1', '10Gi', 'RWO,RWX', 'standard', '<unset>', '3d', '<unset>']);
    const pending: KubeObject = { metadata: meta('new'), spec: { volumeMode: 'Filesystem' }, status: { phase: 'Pending' } };
    expect(rt('persistentvolumeclaims').cells(pending, NOW)).toEqual(['new', 'Pending', '', '', '', '', '<unset>', '3d', 'Filesystem']);
    const pv: KubeObject = {
      metadata: { name: 'pv-1', creationTimestamp: ago(3 * DAY), annotations: { 'volume.beta.kubernetes.io/storage-class': 'legacy' } },
      spec: {
        capacity: { storage: '10Gi' },
        accessModes: ['ReadWriteOnce'],
        persistentVolumeReclaimPolicy: 'Retain',
        claimRef: { namespace: 'default', name: 'data' },
        storageClassName: 'standard',
        volumeMode: 'Filesystem',
      },
      status: { phase: 'Bound' },
    };
    expect(rt('persistentvolumes').cells(pv, NOW)).toEqual([
      'pv-1', '10Gi', 'RWO', 'Retain', 'Bound', 'default/data', 'legacy', '<unset>', '', '3d', 'Filesystem',
    ]);
  });

  it('splits resource quota usage into requests and limits', () => {
    const quota: KubeObject = {
      metadata: meta('compute'),
      status: {
        hard: { 'requests.cpu': '2', pods: '10', 'limits.memory': '4Gi', 'limits.cpu': '4' },
        used: { 'requests.cpu': '500m', pods: '3', 'limits.cpu': '1' },
      },
    };
    expect(rt('resourcequotas').cells(quota, NOW)).toEqual(['compute', 'pods: 3/10, requests.cpu: 500m/2', 'limits.cpu: 1/4, limits.memory: 0/4Gi', '3d']);
  });

  it('uses the generic Name / Created At table for kinds without a printer', () => {
    const limitRanges = rt('limitranges');
    expect(limitRanges.columns.map((c) => [c.name, c.type, c.format])).toEqual([
      ['Name', 'string', 'name'],
      ['Created At', 'date', ''],
    ]);
    expect(limitRanges.cells({ metadata: { name: 'limits', creationTimestamp: '2024-01-02T03:04:05Z' } }, NOW)).toEqual(['limits', '2024-01-02T03:04:05Z']);
    expect(rt('clusterroles', 'rbac.authorization.k8s.io').cells({ metadata: { name: 'admin' } }, NOW)).toEqual(['admin', '0001-01-01T00:00:00Z']);
  });
});
