import {
  any,
  atomicList,
  bool,
  int32,
  int64,
  intOrString,
  mergeList,
  named,
  obj,
  str,
  time,
  withMarkers,
} from './schema.builders';
import { labelSelectorSchema, objectMetaSchema } from './meta.schema';
import { podTemplateSpecSchema } from './pod.schema';
import { persistentVolumeClaimSchema } from './core.schema';

export const rollingUpdateDeploymentSchema = obj('v1.RollingUpdateDeployment', {
  maxUnavailable: intOrString,
  maxSurge: intOrString,
});

export const deploymentStrategySchema = obj('v1.DeploymentStrategy', {
  type: named('v1.DeploymentStrategyType'),
  rollingUpdate: rollingUpdateDeploymentSchema,
});

export const deploymentSpecSchema = obj('v1.DeploymentSpec', {
  replicas: int32,
  selector: labelSelectorSchema,
  template: podTemplateSpecSchema,
  strategy: withMarkers(deploymentStrategySchema, { patchStrategy: 'retainKeys' }),
  minReadySeconds: int32,
  revisionHistoryLimit: int32,
  paused: bool,
  progressDeadlineSeconds: int32,
});

export const deploymentConditionSchema = obj('v1.DeploymentCondition', {
  type: named('v1.DeploymentConditionType'),
  status: named('v1.ConditionStatus'),
  lastUpdateTime: time,
  lastTransitionTime: time,
  reason: str,
  message: str,
});

export const deploymentStatusSchema = obj('v1.DeploymentStatus', {
  observedGeneration: int64,
  replicas: int32,
  updatedReplicas: int32,
  readyReplicas: int32,
  availableReplicas: int32,
  unavailableReplicas: int32,
  terminatingReplicas: int32,
  conditions: mergeList(deploymentConditionSchema, 'type'),
  collisionCount: int32,
});

export const deploymentSchema = obj('v1.Deployment', {
  apiVersion: str,
  kind: str,
  metadata: objectMetaSchema,
  spec: deploymentSpecSchema,
  status: deploymentStatusSchema,
});

export const replicaSetSpecSchema = obj('v1.ReplicaSetSpec', {
  replicas: int32,
  minReadySeconds: int32,
  selector: labelSelectorSchema,
  template: podTemplateSpecSchema,
});

export const replicaSetConditionSchema = obj('v1.ReplicaSetCondition', {
  type: named('v1.ReplicaSetConditionType'),
  status: named('v1.ConditionStatus'),
  lastTransitionTime: time,
  reason: str,
  message: str,
});

export const replicaSetStatusSchema = obj('v1.ReplicaSetStatus', {
  replicas: int32,
  fullyLabeledReplicas: int32,
  readyReplicas: int32,
  availableReplicas: int32,
  terminatingReplicas: int32,
  observedGeneration: int64,
  conditions: mergeList(replicaSetConditionSchema, 'type'),
});

export const replicaSetSchema = obj('v1.ReplicaSet', {
  apiVersion: str,
  kind: str,
  metadata: objectMetaSchema,
  spec: replicaSetSpecSchema,
  status: replicaSetStatusSchema,
});

export const rollingUpdateDaemonSetSchema = obj('v1.RollingUpdateDaemonSet', {
  maxUnavailable: intOrString,
  maxSurge: intOrString,
});

export const daemonSetUpdateStrategySchema = obj('v1.DaemonSetUpdateStrategy', {
  type: named('v1.DaemonSetUpdateStrategyType'),
  rollingUpdate: rollingUpdateDaemonSetSchema,
});

export const daemonSetSpecSchema = obj('v1.DaemonSetSpec', {
  selector: labelSelectorSchema,
  template: podTemplateSpecSchema,
  updateStrategy: daemonSetUpdateStrategySchema,
  minReadySeconds: int32,
  revisionHistoryLimit: int32,
});

export const daemonSetConditionSchema = obj('v1.DaemonSetCondition', {
  type: named('v1.DaemonSetConditionType'),
  status: named('v1.ConditionStatus'),
  lastTransitionTime: time,
  reason: str,
  message: str,
});

export const daemonSetStatusSchema = obj('v1.DaemonSetStatus', {
  currentNumberScheduled: int32,
  numberMisscheduled: int32,
  desiredNumberScheduled: int32,
  numberReady: int32,
  observedGeneration: int64,
  updatedNumberScheduled: int32,
  numberAvailable: int32,
  numberUnavailable: int32,
  collisionCount: int32,
  conditions: mergeList(daemonSetConditionSchema, 'type'),
});

export const daemonSetSchema = obj('v1.DaemonSet', {
  apiVersion: str,
  kind: str,
  metadata: objectMetaSchema,
  spec: daemonSetSpecSchema,
  status: daemonSetStatusSchema,
});

export const rollingUpdateStatefulSetStrategySchema = obj('v1.RollingUpdateStatefulSetStrategy', {
  partition: int32,
  maxUnavailable: intOrString,
});

export const statefulSetUpdateStrategySchema = obj('v1.StatefulSetUpdateStrategy', {
  type: named('v1.StatefulSetUpdateStrategyType'),
  rollingUpdate: rollingUpdateStatefulSetStrategySchema,
});

export const statefulSetPersistentVolumeClaimRetentionPolicySchema = obj('v1.StatefulSetPersistentVolumeClaimRetentionPolicy', {
  whenDeleted: named('v1.PersistentVolumeClaimRetentionPolicyType'),
  whenScaled: named('v1.PersistentVolumeClaimRetentionPolicyType'),
});

export const statefulSetOrdinalsSchema = obj('v1.StatefulSetOrdinals', {
  start: int32,
});

export const statefulSetSpecSchema = obj('v1.StatefulSetSpec', {
  replicas: int32,
  selector: labelSelectorSchema,
  template: podTemplateSpecSchema,
  volumeClaimTemplates: atomicList(persistentVolumeClaimSchema),
  serviceName: str,
  podManagementPolicy: named('v1.PodManagementPolicyType'),
  updateStrategy: statefulSetUpdateStrategySchema,
  revisionHistoryLimit: int32,
  minReadySeconds: int32,
  persistentVolumeClaimRetentionPolicy: statefulSetPersistentVolumeClaimRetentionPolicySchema,
  ordinals: statefulSetOrdinalsSchema,
});

export const statefulSetConditionSchema = obj('v1.StatefulSetCondition', {
  type: named('v1.StatefulSetConditionType'),
  status: named('v1.ConditionStatus'),
  lastTransitionTime: time,
  reason: str,
  message: str,
});

export const statefulSetStatusSchema = obj('v1.StatefulSetStatus', {
  observedGeneration: int64,
  replicas: int32,
  readyReplicas: int32,
  currentReplicas: int32,
  updatedReplicas: int32,
  currentRevision: str,
  updateRevision: str,
  collisionCount: int32,
  conditions: mergeList(statefulSetConditionSchema, 'type'),
  availableReplicas: int32,
});

export const statefulSetSchema = obj('v1.StatefulSet', {
  apiVersion: str,
  kind: str,
  metadata: objectMetaSchema,
  spec: statefulSetSpecSchema,
  status: statefulSetStatusSchema,
});

export const controllerRevisionSchema = obj('v1.ControllerRevision', {
  apiVersion: str,
  kind: str,
  metadata: objectMetaSchema,
  data: any,
  revision: int64,
});
