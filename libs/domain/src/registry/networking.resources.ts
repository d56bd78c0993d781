import type { KubeObject } from '../objects/object-meta';
import { endpointSliceEndpoints, endpointSlicePorts } from './cells/endpoints.format';
import { list, rec, records, str } from './cells/object.access';
import { formatLabelSelector } from './cells/selector.format';
import { loadBalancerIngress } from './cells/service.format';
import { AGE_COLUMN, NAME_COLUMN, age, column, defineResource } from './resource.builder';
import type { ResourceType } from './resource-type';

const MAX_HOSTS = 3;

/** Up to three rule hosts (`*` when no rule names one), then `+ N more...` counted over all rules. */
function ingressHosts(ingress: KubeObject): string {
  const rules = records(rec(ingress.spec).rules);
  const hosts: string[] = [];
  let more = false;
  for (const rule of rules) {
    if (hosts.length === MAX_HOSTS) more = true;
    if (!more && str(rule.host) !== '') hosts.push(str(rule.host));
  }
  if (hosts.length === 0) return '*';
  return more ? `${hosts.join(',')} + ${rules.length - MAX_HOSTS} more...` : hosts.join(',');
}

const ingresses = defineResource({
  group: 'networking.k8s.io',
  version: 'v1',
  kind: 'Ingress',
  plural: 'ingresses',
  namespaced: true,
  shortNames: ['ing'],
  status: true,
  columns: [
    NAME_COLUMN,
    column('Class', 'The name of the IngressClass resource that should be used for additional configuration'),
    column('Hosts', 'Hosts that incoming requests are matched against before the ingress rule'),
    column('Address', 'Address is a list containing ingress points for the load-balancer'),
    column('Ports', 'Ports of TLS configurations that open'),
    AGE_COLUMN,
  ],
  cells: (ing, now) => {
    const spec = rec(ing.spec);
    return [
      ing.metadata.name,
      typeof spec.ingressClassName === 'string' ? spec.ingressClassName : '<none>',
      ingressHosts(ing),
      loadBalancerIngress(rec(ing.status).loadBalancer).join(','),
      list(spec.tls).length > 0 ? '80, 443' : '80',
      age(ing, now),
    ];
  },
});

const ingressClasses = defineResource({
  group: 'networking.k8s.io',
  version: 'v1',
  kind: 'IngressClass',
  plural: 'ingressclasses',
  namespaced: false,
  columns: [
    NAME_COLUMN,
    column('Controller', 'Controller that is responsible for handling this class'),
    column('Parameters', 'A reference to a resource with additional parameters'),
    AGE_COLUMN,
  ],
  cells: (ic, now) => {
    const spec = rec(ic.spec);
    let parameters = '<none>';
    if (spec.parameters !== undefined && spec.parameters !== null) {
      const ref = rec(spec.parameters);
      const kind = typeof ref.apiGroup === 'string' ? `${str(ref.kind)}.${ref.apiGroup}` : str(ref.kind);
      parameters = `${kind}/${str(ref.name)}`;
    }
    return [ic.metadata.name, str(spec.controller), parameters, age(ic, now)];
  },
});

const networkPolicies = defineResource({
  group: 'networking.k8s.io',
  version: 'v1',
  kind: 'NetworkPolicy',
  plural: 'networkpolicies',
  namespaced: true,
  shortNames: ['netpol'],
  columns: [NAME_COLUMN, column('Pod-Selector', 'The pods the policy applies to.'), AGE_COLUMN],
  cells: (np, now) => [np.metadata.name, formatLabelSelector(rec(np.spec).podSelector ?? {}), age(np, now)],
});

const endpointSlices = defineResource({
  group: 'discovery.k8s.io',
  version: 'v1',
  kind: 'EndpointSlice',
  plural: 'endpointslices',
  namespaced: true,
  columns: [
    NAME_COLUMN,
    column('AddressType', 'The type of address carried by this slice.'),
    column('Ports', 'The ports exposed by the endpoints.'),
    column('Endpoints', 'The addresses of the endpoints.'),
    AGE_COLUMN,
  ],
  cells: (slice, now) => [
    slice.metadata.name,
    str(slice.addressType),
    endpointSlicePorts(slice),
    endpointSliceEndpoints(slice),
    age(slice, now),
  ],
});

export const networkingResources: ResourceType[] = [ingresses, ingressClasses, networkPolicies];
export const discoveryResources: ResourceType[] = [endpointSlices];
