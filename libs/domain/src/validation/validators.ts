import type { FieldError } from '../errors';
import type { KubeObject } from '../objects/object-meta';
import type { ValidationContext } from '../registry/resource-type';
import { validateDaemonSet, validateDeployment, validateReplicaSet, validateReplicationController, validateStatefulSet } from './workloads.validation';
import { validateCronJob, validateJob } from './batch.validation';
import { validateConfigMap, validateSecret } from './config.validation';
import {
  validateNamespace,
  validateNode,
  validatePersistentVolume,
  validatePersistentVolumeClaim,
  validatePriorityClass,
  validateStorageClass,
} from './cluster.validation';
import { validateEndpointSlice, validateIngress } from './networking.validation';
import {
  validateClusterRole,
  validateClusterRoleBinding,
  validateHorizontalPodAutoscaler,
  validateLease,
  validatePodDisruptionBudget,
  validateRole,
  validateRoleBinding,
} from './policy.validation';
import { validatePod } from './pod.validation';
import { validateService } from './service.validation';

export type Validator = (obj: KubeObject, ctx: ValidationContext) => FieldError[];

/**
 * Kind-specific validation keyed `'<group>/<Kind>'`. Metadata is checked separately by validateObjectMeta, which the
 * registry runs first for every kind.
 */
export const validators: Record<string, Validator> = {
  '/Pod': validatePod,
  '/Service': validateService,
  '/ConfigMap': validateConfigMap,
  '/Secret': validateSecret,
  '/Namespace': validateNamespace,
  '/Node': validateNode,
  '/PersistentVolume': validatePersistentVolume,
  '/PersistentVolumeClaim': validatePersistentVolumeClaim,
  '/ReplicationController': validateReplicationController,
  'apps/Deployment': validateDeployment,
  'apps/ReplicaSet': validateReplicaSet,
  'apps/StatefulSet': validateStatefulSet,
  'apps/DaemonSet': validateDaemonSet,
  'batch/Job': validateJob,
  'batch/CronJob': validateCronJob,
  'autoscaling/HorizontalPodAutoscaler': validateHorizontalPodAutoscaler,
  'policy/PodDisruptionBudget': validatePodDisruptionBudget,
  'networking.k8s.io/Ingress': validateIngress,
  'discovery.k8s.io/EndpointSlice': validateEndpointSlice,
  'rbac.authorization.k8s.io/Role': validateRole,
  'rbac.authorization.k8s.io/ClusterRole': validateClusterRole,
  'rbac.authorization.k8s.io/RoleBinding': validateRoleBinding,
  'rbac.authorization.k8s.io/ClusterRoleBinding': validateClusterRoleBinding,
  'coordination.k8s.io/Lease': validateLease,
  'storage.k8s.io/StorageClass': validateStorageClass,
  'scheduling.k8s.io/PriorityClass': validatePriorityClass,
};
