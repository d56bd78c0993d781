import type { KubeObject, ResourceRegistry } from '@flotilla/domain';
import type { ResourceWriter } from '../resources/resource-writer';

/** What every cluster has from the start: the system namespaces and the `kubernetes` service. */
const NAMESPACES = ['default', 'kube-system', 'kube-public', 'kube-node-lease'];

export async function ensureBootstrapObjects(registry: ResourceRegistry, writer: ResourceWriter, port: number): Promise<void> {
  const namespaces = registry.lookup('', 'v1', 'namespaces')!;
  for (const name of NAMESPACES) {
    await writer.ensure(namespaces, { apiVersion: 'v1', kind: 'Namespace', metadata: { name } });
  }
  const services = registry.lookup('', 'v1', 'services')!;
  const kubernetes: KubeObject = {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'kubernetes', namespace: 'default', labels: { component: 'apiserver', provider: 'kubernetes' } },
    spec: { type: 'ClusterIP', clusterIP: '10.96.0.1', ports: [{ name: 'https', port: 443, protocol: 'TCP', targetPort: port }] },
  };
  await writer.ensure(services, kubernetes);
}
