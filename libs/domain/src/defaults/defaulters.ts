import type { KubeObject } from '../objects/object-meta';
import { defaultCronJob, defaultJob } from './batch.defaults';
import {
  defaultEndpoints,
  defaultLimitRange,
  defaultNamespace,
  defaultNode,
  defaultPersistentVolume,
  defaultPersistentVolumeClaim,
  defaultSecret,
} from './core.defaults';
import {
  defaultEndpointSlice,
  defaultHorizontalPodAutoscaler,
  defaultNetworkPolicy,
  defaultPodDisruptionBudget,
  defaultPriorityClass,
  defaultRoleBinding,
  defaultStorageClass,
} from './other.defaults';
import { defaultPod, defaultPodTemplate } from './pod.defaults';
import { defaultService } from './service.defaults';
import { defaultDaemonSet, defaultDeployment, defaultReplicaSet, defaultReplicationController, defaultStatefulSet } from './workloads.defaults';

export type Defaulter = (obj: KubeObject) => void;

/**
 * Server-side defaults keyed `'<group>/<Kind>'`, applied in place after decoding and before validation. Pure: no
 * clock, no randomness, no allocation. Kinds without defaults (ConfigMap, ServiceAccount, Role, Lease, Ingress…) have
 * no entry.
 */
export const defaulters: Record<string, Defaulter> = {
  '/Pod': defaultPod,
  '/PodTemplate': (obj) => defaultPodTemplate(obj.template),
  '/Service': defaultService,
  '/Secret': defaultSecret,
  '/Namespace': defaultNamespace,
  '/Node': defaultNode,
  '/PersistentVolumeClaim': defaultPersistentVolumeClaim,
  '/PersistentVolume': defaultPersistentVolume,
  '/Endpoints': defaultEndpoints,
  '/LimitRange': defaultLimitRange,
  '/ReplicationController': defaultReplicationController,
  'apps/Deployment': defaultDeployment,
  'apps/ReplicaSet': defaultReplicaSet,
  'apps/StatefulSet': defaultStatefulSet,
  'apps/DaemonSet': defaultDaemonSet,
  'batch/Job': defaultJob,
  'batch/CronJob': defaultCronJob,
  'autoscaling/HorizontalPodAutoscaler': defaultHorizontalPodAutoscaler,
  'discovery.k8s.io/EndpointSlice': defaultEndpointSlice,
  'networking.k8s.io/NetworkPolicy': defaultNetworkPolicy,
  'rbac.authorization.k8s.io/RoleBinding': defaultRoleBinding,
  'rbac.authorization.k8s.io/ClusterRoleBinding': defaultRoleBinding,
  'storage.k8s.io/StorageClass': defaultStorageClass,
  'scheduling.k8s.io/PriorityClass': defaultPriorityClass,
  'policy/PodDisruptionBudget': defaultPodDisruptionBudget,
};
