import type { KubeObject } from '../objects/object-meta';
import { asArray, asRecord, ensureRecord, setIfAbsent, type JsonObject } from '../validation/values';
import { defaultPodTemplate } from './pod.defaults';
import { defaultPersistentVolumeClaim } from './core.defaults';

function specOf(obj: KubeObject): JsonObject {
  return ensureRecord(obj, 'spec');
}

export function defaultDeployment(obj: KubeObject): void {
  const spec = specOf(obj);
  setIfAbsent(spec, 'replicas', 1);
  const strategy = ensureRecord(spec, 'strategy');
  setIfAbsent(strategy, 'type', 'RollingUpdate');
  if (strategy.type === 'RollingUpdate') {
    const ru = ensureRecord(strategy, 'rollingUpdate');
    setIfAbsent(ru, 'maxUnavailable', '25%');
    setIfAbsent(ru, 'maxSurge', '25%');
  }
  setIfAbsent(spec, 'revisionHistoryLimit', 10);
  setIfAbsent(spec, 'progressDeadlineSeconds', 600);
  defaultPodTemplate(spec.template);
}

export function defaultReplicaSet(obj: KubeObject): void {
  const spec = specOf(obj);
  setIfAbsent(spec, 'replicas', 1);
  defaultPodTemplate(spec.template);
}

export function defaultStatefulSet(obj: KubeObject): void {
  const spec = specOf(obj);
  setIfAbsent(spec, 'podManagementPolicy', 'OrderedReady');
  const strategy = ensureRecord(spec, 'updateStrategy');
  if (!strategy.type) {
    strategy.type = 'RollingUpdate';
    ensureRecord(strategy, 'rollingUpdate');
  }
  const ru = asRecord(strategy.rollingUpdate);
  if (strategy.type === 'RollingUpdate' && ru) setIfAbsent(ru, 'partition', 0);
  const retention = ensureRecord(spec, 'persistentVolumeClaimRetentionPolicy');
  setIfAbsent(retention, 'whenDeleted', 'Retain');
  setIfAbsent(retention, 'whenScaled', 'Retain');
  setIfAbsent(spec, 'replicas', 1);
  setIfAbsent(spec, 'revisionHistoryLimit', 10);
  defaultPodTemplate(spec.template);
  for (const claim of asArray(spec.volumeClaimTemplates)) {
    const pvc = asRecord(claim);
    if (pvc) defaultPersistentVolumeClaim(pvc as KubeObject);
  }
}

export function defaultDaemonSet(obj: KubeObject): void {
  const spec = specOf(obj);
  const strategy = ensureRecord(spec, 'updateStrategy');
  setIfAbsent(strategy, 'type', 'RollingUpdate');
  if (strategy.type === 'RollingUpdate') {
    const ru = ensureRecord(strategy, 'rollingUpdate');
    setIfAbsent(ru, 'maxUnavailable', 1);
    setIfAbsent(ru, 'maxSurge', 0);
  }
  setIfAbsent(spec, 'revisionHistoryLimit', 10);
  defaultPodTemplate(spec.template);
}

/** The selector and the object's labels default to the template's labels (SetDefaults_ReplicationController). */
export function defaultReplicationController(obj: KubeObject): void {
  const spec = specOf(obj);
  const labels = asRecord(asRecord(asRecord(spec.template)?.metadata)?.labels);
  if (labels) {
    if (Object.keys(asRecord(spec.selector) ?? {}).length === 0) spec.selector = { ...labels };
    if (Object.keys(obj.metadata.labels ?? {}).length === 0) obj.metadata.labels = { ...(labels as Record<string, string>) };
  }
  setIfAbsent(spec, 'replicas', 1);
  defaultPodTemplate(spec.template);
}
