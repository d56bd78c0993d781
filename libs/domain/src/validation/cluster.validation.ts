import type { FieldError } from '../errors';
import type { KubeObject } from '../objects/object-meta';
import type { ValidationContext } from '../registry/resource-type';
import { forbidden, index, invalid, key, notSupported, required } from './field-errors';
import { isQualifiedName } from './names';
import { validateImmutable } from './object-meta.validation';
import { asArray, asRecord, asString, isSet, jsonEqual } from './values';

const TAINT_EFFECTS = ['NoExecute', 'NoSchedule', 'PreferNoSchedule'];
const ACCESS_MODES = ['ReadOnlyMany', 'ReadWriteMany', 'ReadWriteOnce', 'ReadWriteOncePod'];
const VOLUME_MODES = ['Block', 'Filesystem'];
const RECLAIM_POLICIES = ['Delete', 'Recycle', 'Retain'];
const PREEMPTION_POLICIES = ['Never', 'PreemptLowerPriority'];

export function validateNamespace(obj: KubeObject): FieldError[] {
  const errs: FieldError[] = [];
  asArray(asRecord(obj.spec)?.finalizers).forEach((f) => {
    const name = asString(f);
    const msgs = isQualifiedName(name);
    for (const msg of msgs) errs.push(invalid('spec.finalizers', name, msg));
    // Unprefixed finalizers other than the built-in one are reserved upstream.
    if (!msgs.length && !name.includes('/') && name !== 'kubernetes') {
      errs.push(invalid('spec.finalizers', name, 'name is neither a standard finalizer name nor is it fully qualified'));
    }
  });
  return errs;
}

export function validateNode(obj: KubeObject): FieldError[] {
  const errs: FieldError[] = [];
  asArray(asRecord(obj.spec)?.taints).forEach((raw, i) => {
    const taint = asRecord(raw) ?? {};
    const p = index('spec.taints', i);
    const k = asString(taint.key);
    if (!k) errs.push(required(`${p}.key`));
    else for (const msg of isQualifiedName(k)) errs.push(invalid(`${p}.key`, k, msg));
    const effect = asString(taint.effect);
    if (!effect) errs.push(required(`${p}.effect`));
    else if (!TAINT_EFFECTS.includes(effect)) errs.push(notSupported(`${p}.effect`, effect, TAINT_EFFECTS));
  });
  return errs;
}

function validateAccessModes(spec: Record<string, unknown>): FieldError[] {
  const modes = asArray(spec.accessModes).map(asString);
  if (!modes.length) return [required('spec.accessModes')];
  return modes.filter((m) => !ACCESS_MODES.includes(m)).map((m) => notSupported('spec.accessModes', m, ACCESS_MODES));
}

function validateVolumeMode(spec: Record<string, unknown>): FieldError[] {
  const mode = spec.volumeMode;
  return isSet(mode) && !VOLUME_MODES.includes(asString(mode)) ? [notSupported('spec.volumeMode', mode, VOLUME_MODES)] : [];
}

export function validatePersistentVolumeClaim(obj: KubeObject, ctx: ValidationContext): FieldError[] {
  const spec = asRecord(obj.spec) ?? {};
  const errs = [...validateAccessModes(spec), ...validateVolumeMode(spec)];
  const storage = asRecord(asRecord(spec.resources)?.requests)?.storage;
  if (!isSet(storage) && !isSet(spec.dataSourceRef)) errs.push(required(key('spec.resources', 'storage')));
  if (ctx.operation === 'UPDATE' && ctx.old) {
    const old = asRecord(ctx.old.spec) ?? {};
    const strip = (s: Record<string, unknown>) => ({ ...s, resources: undefined, volumeAttributesClassName: undefined, volumeName: undefined });
    if (!jsonEqual(strip(spec), strip(old))) {
      errs.push(forbidden('spec', 'spec is immutable after creation except resources.requests and volumeAttributesClassName for bound claims'));
    }
  }
  return errs;
}

const PV_NON_SOURCE = new Set([
  'accessModes', 'capacity', 'claimRef', 'persistentVolumeReclaimPolicy', 'storageClassName', 'mountOptions', 'volumeMode',
  'nodeAffinity', 'volumeAttributesClassName',
]);

export function validatePersistentVolume(obj: KubeObject): FieldError[] {
  const spec = asRecord(obj.spec) ?? {};
  const errs = [...validateAccessModes(spec), ...validateVolumeMode(spec)];
  if (!isSet(asRecord(spec.capacity)?.storage)) errs.push(required('spec.capacity'));
  const sources = Object.keys(spec).filter((k) => !PV_NON_SOURCE.has(k) && isSet(spec[k]));
  if (sources.length === 0) errs.push(required('spec', 'must specify a volume type'));
  else if (sources.length > 1) errs.push(forbidden(`spec.${sources[1]}`, 'may not specify more than 1 volume type'));
  const policy = asString(spec.persistentVolumeReclaimPolicy);
  if (policy && !RECLAIM_POLICIES.includes(policy)) errs.push(notSupported('spec.persistentVolumeReclaimPolicy', policy, RECLAIM_POLICIES));
  return errs;
}

export function validateStorageClass(obj: KubeObject, ctx: ValidationContext): FieldError[] {
  const errs: FieldError[] = [];
  const provisioner = asString(obj.provisioner);
  if (!provisioner) errs.push(required('provisioner'));
  const reclaim = asString(obj.reclaimPolicy);
  if (reclaim && !['Delete', 'Retain'].includes(reclaim)) errs.push(notSupported('reclaimPolicy', reclaim, ['Delete', 'Retain']));
  const binding = asString(obj.volumeBindingMode);
  const modes = ['Immediate', 'WaitForFirstConsumer'];
  if (binding && !modes.includes(binding)) errs.push(notSupported('volumeBindingMode', binding, modes));
  if (ctx.operation === 'UPDATE' && ctx.old) {
    const old = ctx.old;
    if (!jsonEqual(obj.parameters, old.parameters)) errs.push(forbidden('parameters', 'updates to parameters are forbidden.'));
    if (provisioner !== asString(old.provisioner)) errs.push(forbidden('provisioner', 'updates to provisioner are forbidden.'));
    if (!jsonEqual(obj.reclaimPolicy, old.reclaimPolicy)) errs.push(forbidden('reclaimPolicy', 'updates to reclaimPolicy are forbidden.'));
    errs.push(...validateImmutable(obj.volumeBindingMode, old.volumeBindingMode, 'volumeBindingMode'));
  }
  return errs;
}

export function validatePriorityClass(obj: KubeObject, ctx: ValidationContext): FieldError[] {
  const errs: FieldError[] = [];
  const name = asString(obj.metadata?.name);
  const builtIn = name === 'system-node-critical' || name === 'system-cluster-critical';
  if (ctx.operation === 'CREATE' && name.startsWith('system-') && !builtIn) {
    errs.push(forbidden('metadata.name', "priority class names with 'system-' prefix are reserved for system use only"));
  }
  const policy = obj.preemptionPolicy;
  if (isSet(policy) && !PREEMPTION_POLICIES.includes(asString(policy))) errs.push(notSupported('preemptionPolicy', policy, PREEMPTION_POLICIES));
  if (ctx.operation === 'UPDATE' && ctx.old) {
    if (obj.value !== ctx.old.value) errs.push(forbidden('value', 'may not be changed in an update.'));
    errs.push(...validateImmutable(obj.preemptionPolicy, ctx.old.preemptionPolicy, 'preemptionPolicy'));
  }
  return errs;
}
