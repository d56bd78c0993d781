import type { KubeObject } from '../../objects/object-meta';
import { int, list, rec, records, str } from './object.access';
import { compare } from './selector.format';

/** `80/TCP` or `80:30080/TCP` per port, comma-joined; `<none>` without ports. */
export function servicePorts(service: KubeObject): string {
  const ports = records(rec(service.spec).ports).map((p) => {
    const nodePort = int(p.nodePort);
    const protocol = str(p.protocol);
    return nodePort > 0 ? `${int(p.port)}:${nodePort}/${protocol}` : `${int(p.port)}/${protocol}`;
  });
  return ports.length === 0 ? '<none>' : ports.join(',');
}

export function serviceClusterIP(service: KubeObject): string {
  const spec = rec(service.spec);
  const ips = list(spec.clusterIPs).map(str);
  if (ips.length > 0) return ips[0];
  return str(spec.clusterIP) || '<none>';
}

/** The EXTERNAL-IP column: external IPs, load-balancer ingress (or `<pending>`), or the external name. */
export function serviceExternalIP(service: KubeObject): string {
  const spec = rec(service.spec);
  const externalIPs = list(spec.externalIPs).map(str);
  switch (spec.type) {
    case 'ClusterIP':
    case 'NodePort':
      return externalIPs.length > 0 ? externalIPs.join(',') : '<none>';
    case 'LoadBalancer': {
      const ingress = loadBalancerIngress(rec(service.status).loadBalancer);
      if (externalIPs.length > 0) return [...ingress, ...externalIPs].join(',');
      return ingress.length > 0 ? ingress.join(',') : '<pending>';
    }
    case 'ExternalName':
      return str(spec.externalName);
    default:
      return '<unknown>';
  }
}

/** Distinct, sorted IPs (or hostnames when an entry has no IP) of a load-balancer status. */
export function loadBalancerIngress(loadBalancer: unknown): string[] {
  const values = new Set<string>();
  for (const entry of records(rec(loadBalancer).ingress)) {
    const value = str(entry.ip) || str(entry.hostname);
    if (value) values.add(value);
  }
  return [...values].sort(compare);
}
