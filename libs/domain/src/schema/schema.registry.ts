import type { TypeSchema } from './type-schema';
import {
  controllerRevisionSchema,
  daemonSetSchema,
  deploymentSchema,
  replicaSetSchema,
  statefulSetSchema,
} from './apps.schema';
import { horizontalPodAutoscalerSchema, scaleSchema } from './autoscaling.schema';
import { cronJobSchema, jobSchema } from './batch.schema';
import { leaseSchema } from './coordination.schema';
import {
  configMapSchema,
  endpointsSchema,
  eventSchema,
  limitRangeSchema,
  namespaceSchema,
  nodeSchema,
  persistentVolumeClaimSchema,
  persistentVolumeSchema,
  podSchema,
  podTemplateSchema,
  replicationControllerSchema,
  resourceQuotaSchema,
  secretSchema,
  serviceAccountSchema,
  serviceSchema,
} from './core.schema';
import { endpointSliceSchema } from './discovery.schema';
import { deleteOptionsSchema } from './meta.schema';
import { ingressClassSchema, ingressSchema, networkPolicySchema } from './networking.schema';
import { podDisruptionBudgetSchema } from './policy.schema';
import { clusterRoleBindingSchema, clusterRoleSchema, roleBindingSchema, roleSchema } from './rbac.schema';
import { priorityClassSchema } from './scheduling.schema';
import { storageClassSchema } from './storage.schema';

export interface SchemaRootKind {
  group: string;
  version: string;
  kind: string;
}

/** The group of `meta/v1` types (DeleteOptions); they are also accepted under every served group version. */
export const META_GROUP = 'meta.k8s.io';

const roots: Array<SchemaRootKind & { schema: TypeSchema }> = [
  { group: '', version: 'v1', kind: 'Namespace', schema: namespaceSchema },
  { group: '', version: 'v1', kind: 'Pod', schema: podSchema },
  { group: '', version: 'v1', kind: 'Node', schema: nodeSchema },
  { group: '', version: 'v1', kind: 'Service', schema: serviceSchema },
  { group: '', version: 'v1', kind: 'Endpoints', schema: endpointsSchema },
  { group: '', version: 'v1', kind: 'ConfigMap', schema: configMapSchema },
  { group: '', version: 'v1', kind: 'Secret', schema: secretSchema },
  { group: '', version: 'v1', kind: 'Event', schema: eventSchema },
  { group: '', version: 'v1', kind: 'ServiceAccount', schema: serviceAccountSchema },
  { group: '', version: 'v1', kind: 'PersistentVolume', schema: persistentVolumeSchema },
  { group: '', version: 'v1', kind: 'PersistentVolumeClaim', schema: persistentVolumeClaimSchema },
  { group: '', version: 'v1', kind: 'ReplicationController', schema: replicationControllerSchema },
  { group: '', version: 'v1', kind: 'LimitRange', schema: limitRangeSchema },
  { group: '', version: 'v1', kind: 'ResourceQuota', schema: resourceQuotaSchema },
  { group: '', version: 'v1', kind: 'PodTemplate', schema: podTemplateSchema },
  { group: 'apps', version: 'v1', kind: 'Deployment', schema: deploymentSchema },
  { group: 'apps', version: 'v1', kind: 'ReplicaSet', schema: replicaSetSchema },
  { group: 'apps', version: 'v1', kind: 'DaemonSet', schema: daemonSetSchema },
  { group: 'apps', version: 'v1', kind: 'StatefulSet', schema: statefulSetSchema },
  { group: 'apps', version: 'v1', kind: 'ControllerRevision', schema: controllerRevisionSchema },
  { group: 'batch', version: 'v1', kind: 'Job', schema: jobSchema },
  { group: 'batch', version: 'v1', kind: 'CronJob', schema: cronJobSchema },
  { group: 'networking.k8s.io', version: 'v1', kind: 'Ingress', schema: ingressSchema },
  { group: 'networking.k8s.io', version: 'v1', kind: 'IngressClass', schema: ingressClassSchema },
  { group: 'networking.k8s.io', version: 'v1', kind: 'NetworkPolicy', schema: networkPolicySchema },
  { group: 'storage.k8s.io', version: 'v1', kind: 'StorageClass', schema: storageClassSchema },
  { group: 'coordination.k8s.io', version: 'v1', kind: 'Lease', schema: leaseSchema },
  { group: 'autoscaling', version: 'v2', kind: 'HorizontalPodAutoscaler', schema: horizontalPodAutoscalerSchema },
  { group: 'autoscaling', version: 'v1', kind: 'Scale', schema: scaleSchema },
  { group: 'discovery.k8s.io', version: 'v1', kind: 'EndpointSlice', schema: endpointSliceSchema },
  { group: 'rbac.authorization.k8s.io', version: 'v1', kind: 'Role', schema: roleSchema },
  { group: 'rbac.authorization.k8s.io', version: 'v1', kind: 'RoleBinding', schema: roleBindingSchema },
  { group: 'rbac.authorization.k8s.io', version: 'v1', kind: 'ClusterRole', schema: clusterRoleSchema },
  { group: 'rbac.authorization.k8s.io', version: 'v1', kind: 'ClusterRoleBinding', schema: clusterRoleBindingSchema },
  { group: 'policy', version: 'v1', kind: 'PodDisruptionBudget', schema: podDisruptionBudgetSchema },
  { group: 'scheduling.k8s.io', version: 'v1', kind: 'PriorityClass', schema: priorityClassSchema },
  { group: META_GROUP, version: 'v1', kind: 'DeleteOptions', schema: deleteOptionsSchema },
];

/**
 * The structural schema of a kind (core group is ''). `DeleteOptions` answers for any group, as kube-apiserver
 * registers it in every group version. With `version`, only that version matches.
 */
export function schemaFor(group: string, kind: string, version?: string): TypeSchema | undefined {
  if (kind === 'DeleteOptions') return deleteOptionsSchema;
  if (version === undefined) return firstByKind.get(`${group}/${kind}`);
  return roots.find((r) => r.group === group && r.kind === kind && r.version === version)?.schema;
}

/** The first root of each group/kind: every write asks, so no scan of the list. */
const firstByKind = new Map<string, TypeSchema>();
for (const r of roots) if (!firstByKind.has(`${r.group}/${r.kind}`)) firstByKind.set(`${r.group}/${r.kind}`, r.schema);

export function schemaRootKinds(): SchemaRootKind[] {
  return roots.map(({ group, version, kind }) => ({ group, version, kind }));
}
