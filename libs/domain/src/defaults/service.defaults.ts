import type { KubeObject } from '../objects/object-meta';
import { asArray, asRecord, ensureRecord, setIfAbsent } from '../validation/values';

/**
 * SetDefaults_Service plus the registry's single-stack IPv4 family defaults. The clusterIP and nodePorts are
 * allocated by the API, not here; clusterIP and clusterIPs are only kept consistent with each other.
 */
export function defaultService(svc: KubeObject): void {
  const spec = ensureRecord(svc, 'spec');
  setIfAbsent(spec, 'sessionAffinity', 'None');
  if (spec.sessionAffinity === 'None') delete spec.sessionAffinityConfig;
  if (spec.sessionAffinity === 'ClientIP') {
    const clientIp = ensureRecord(ensureRecord(spec, 'sessionAffinityConfig'), 'clientIP');
    setIfAbsent(clientIp, 'timeoutSeconds', 10800);
  }
  setIfAbsent(spec, 'type', 'ClusterIP');
  const type = spec.type;
  for (const raw of asArray(spec.ports)) {
    const port = asRecord(raw);
    if (!port) continue;
    setIfAbsent(port, 'protocol', 'TCP');
    if (port.targetPort === undefined || port.targetPort === null || port.targetPort === 0 || port.targetPort === '') {
      port.targetPort = port.port;
    }
  }
  const external = type === 'NodePort' || type === 'LoadBalancer' || asArray(spec.externalIPs).length > 0;
  if (external) setIfAbsent(spec, 'externalTrafficPolicy', 'Cluster');
  if (type === 'NodePort' || type === 'LoadBalancer' || type === 'ClusterIP') setIfAbsent(spec, 'internalTrafficPolicy', 'Cluster');
  if (type === 'LoadBalancer') setIfAbsent(spec, 'allocateLoadBalancerNodePorts', true);
  if (type !== 'ExternalName') {
    if (typeof spec.clusterIP === 'string' && spec.clusterIP && asArray(spec.clusterIPs).length === 0) spec.clusterIPs = [spec.clusterIP];
    const ips = asArray(spec.clusterIPs);
    if (!spec.clusterIP && ips.length > 0) spec.clusterIP = ips[0];
    const headlessWithoutSelector = spec.clusterIP === 'None' && Object.keys(asRecord(spec.selector) ?? {}).length === 0;
    setIfAbsent(spec, 'ipFamilyPolicy', headlessWithoutSelector ? 'RequireDualStack' : 'SingleStack');
    if (asArray(spec.ipFamilies).length === 0) spec.ipFamilies = ['IPv4'];
  }
  const status = ensureRecord(svc, 'status');
  setIfAbsent(status, 'loadBalancer', {});
}
