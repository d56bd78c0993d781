import type { KubeObject } from '../../objects/object-meta';
import { bool, rec, records, str } from './object.access';
import { compare } from './selector.format';

const ROLE_LABEL_PREFIX = 'node-role.kubernetes.io/';
const LEGACY_ROLE_LABEL = 'kubernetes.io/role';

/** `Ready`, `NotReady` or `Unknown` (no Ready condition), plus `,SchedulingDisabled` when cordoned. */
export function nodeStatus(node: KubeObject): string {
  const ready = records(rec(node.status).conditions).filter((c) => c.type === 'Ready').pop();
  const parts = [ready === undefined ? 'Unknown' : ready.status === 'True' ? 'Ready' : 'NotReady'];
  if (bool(rec(node.spec).unschedulable)) parts.push('SchedulingDisabled');
  return parts.join(',');
}

/** Roles from `node-role.kubernetes.io/<role>` label keys and the `kubernetes.io/role` value; `<none>` if none. */
export function nodeRoles(node: KubeObject): string {
  const roles = new Set<string>();
  for (const [key, value] of Object.entries(node.metadata.labels ?? {})) {
    if (key.startsWith(ROLE_LABEL_PREFIX)) {
      const role = key.slice(ROLE_LABEL_PREFIX.length);
      if (role) roles.add(role);
    } else if (key === LEGACY_ROLE_LABEL && value !== '') {
      roles.add(value);
    }
  }
  return roles.size === 0 ? '<none>' : [...roles].sort(compare).join(',');
}

export function nodeAddress(node: KubeObject, type: 'InternalIP' | 'ExternalIP'): string {
  const address = records(rec(node.status).addresses).find((a) => a.type === type);
  return address === undefined ? '<none>' : str(address.address);
}

export function nodeInfo(node: KubeObject, field: 'osImage' | 'kernelVersion' | 'containerRuntimeVersion'): string {
  return str(rec(rec(node.status).nodeInfo)[field]) || '<unknown>';
}
