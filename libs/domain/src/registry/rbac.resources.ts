import type { KubeObject } from '../objects/object-meta';
import { rec, records, str } from './cells/object.access';
import { AGE_COLUMN, NAME_COLUMN, age, column, defineResource, wide } from './resource.builder';
import type { ResourceType } from './resource-type';

const GROUP = 'rbac.authorization.k8s.io';

function bindingColumns(kind: string) {
  return [
    NAME_COLUMN,
    column('Role', 'The role the binding grants.'),
    AGE_COLUMN,
    wide('Users', `Users in the ${kind}`),
    wide('Groups', `Groups in the ${kind}`),
    wide('ServiceAccounts', `ServiceAccounts in the ${kind}`),
  ];
}

/** Role, then the bound users, groups and service accounts (`namespace/name`), each joined with `, `. */
function bindingCells(binding: KubeObject, now: Date): unknown[] {
  const roleRef = rec(binding.roleRef);
  const users: string[] = [];
  const groups: string[] = [];
  const serviceAccounts: string[] = [];
  for (const subject of records(binding.subjects)) {
    if (subject.kind === 'User') users.push(str(subject.name));
    else if (subject.kind === 'Group') groups.push(str(subject.name));
    else if (subject.kind === 'ServiceAccount') serviceAccounts.push(`${str(subject.namespace)}/${str(subject.name)}`);
  }
  return [
    binding.metadata.name,
    `${str(roleRef.kind)}/${str(roleRef.name)}`,
    age(binding, now),
    users.join(', '),
    groups.join(', '),
    serviceAccounts.join(', '),
  ];
}

const roles = defineResource({
  group: GROUP,
  version: 'v1',
  kind: 'Role',
  plural: 'roles',
  namespaced: true,
  nameFormat: 'path-segment',
});

const clusterRoles = defineResource({
  group: GROUP,
  version: 'v1',
  kind: 'ClusterRole',
  plural: 'clusterroles',
  namespaced: false,
  nameFormat: 'path-segment',
});

const roleBindings = defineResource({
  group: GROUP,
  version: 'v1',
  kind: 'RoleBinding',
  plural: 'rolebindings',
  namespaced: true,
  nameFormat: 'path-segment',
  columns: bindingColumns('roleBinding'),
  cells: bindingCells,
});

const clusterRoleBindings = defineResource({
  group: GROUP,
  version: 'v1',
  kind: 'ClusterRoleBinding',
  plural: 'clusterrolebindings',
  namespaced: false,
  nameFormat: 'path-segment',
  columns: bindingColumns('clusterRoleBinding'),
  cells: bindingCells,
});

export const rbacResources: ResourceType[] = [clusterRoleBindings, clusterRoles, roleBindings, roles];
