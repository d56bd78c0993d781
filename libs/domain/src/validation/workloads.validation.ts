import type { FieldError } from '../errors';
import type { KubeObject } from '../objects/object-meta';
import type { ValidationContext } from '../registry/resource-type';
import { child, forbidden, invalid, notSupported, required } from './field-errors';
import { isEmptySelector, selectorMatches, validateLabelSelector } from './label-selector.validation';
import { isValidPercent } from './names';
import { validateImmutable, validateNonNegative, validateLabels } from './object-meta.validation';
import { validatePodTemplate } from './pod.validation';
import { asRecord, asString, asStringMap, isSet, jsonEqual } from './values';

const ALWAYS = ['Always'];

function specOf(obj: KubeObject): Record<string, unknown> {
  return asRecord(obj.spec) ?? {};
}

/**
 * The selector/template pair of apps workloads: selector required and non-empty, template labels matching it, the
 * pod template valid with restartPolicy Always.
 */
export function validateSelectorAndTemplate(spec: Record<string, unknown>, kindWord: string, restartPolicies = ALWAYS): FieldError[] {
  const errs: FieldError[] = [];
  const selector = spec.selector;
  if (!isSet(selector)) errs.push(required(child('spec', 'selector')));
  else {
    errs.push(...validateLabelSelector(selector, child('spec', 'selector')));
    if (isEmptySelector(selector)) errs.push(invalid(child('spec', 'selector'), selector, `empty selector is invalid for ${kindWord}`));
  }
  // The template is a struct upstream, never absent: a missing one fails as an empty pod template.
  const template = asRecord(spec.template) ?? {};
  const labels = asStringMap(asRecord(template.metadata)?.labels);
  // A missing selector converts to "matches nothing", so upstream reports the mismatch as well; an empty one matches all.
  const mismatch = !isSet(selector) || (!isEmptySelector(selector) && !selectorMatches(selector, labels));
  if (mismatch) {
    errs.push(invalid(child('spec', 'template', 'metadata', 'labels'), labels, '`selector` does not match template `labels`'));
  }
  errs.push(...validatePodTemplate(template, child('spec', 'template'), { restartPolicies }));
  return errs;
}

/** An int-or-percent field: non-negative, a valid percent string, and optionally at most 100%. */
export function validateIntOrPercent(value: unknown, path: string, maxHundredPercent: boolean): FieldError[] {
  if (typeof value === 'number') return validateNonNegative(value, path);
  if (typeof value !== 'string') return [];
  const msgs = isValidPercent(value);
  if (msgs.length) return msgs.map((m) => invalid(path, value, m));
  if (maxHundredPercent && Number(value.slice(0, -1)) > 100) return [invalid(path, value, 'must not be greater than 100%')];
  return [];
}

function isZero(value: unknown): boolean {
  return value === 0 || value === '0%' || value === undefined || value === null;
}

function validateRollingUpdate(ru: Record<string, unknown>, path: string): FieldError[] {
  const errs = [
    ...validateIntOrPercent(ru.maxUnavailable, child(path, 'maxUnavailable'), true),
    ...validateIntOrPercent(ru.maxSurge, child(path, 'maxSurge'), false),
  ];
  if (isZero(ru.maxUnavailable) && isZero(ru.maxSurge)) {
    errs.push(invalid(child(path, 'maxUnavailable'), ru.maxUnavailable ?? 0, 'may not be 0 when `maxSurge` is 0'));
  }
  return errs;
}

function validateCommonReplicas(spec: Record<string, unknown>): FieldError[] {
  return [
    ...validateNonNegative(spec.replicas, child('spec', 'replicas')),
    ...validateNonNegative(spec.minReadySeconds, child('spec', 'minReadySeconds')),
    ...validateNonNegative(spec.revisionHistoryLimit, child('spec', 'revisionHistoryLimit')),
  ];
}

function selectorImmutable(obj: KubeObject, ctx: ValidationContext): FieldError[] {
  if (ctx.operation !== 'UPDATE' || !ctx.old) return [];
  return validateImmutable(specOf(obj).selector, specOf(ctx.old).selector, child('spec', 'selector'));
}

export function validateDeployment(obj: KubeObject, ctx: ValidationContext): FieldError[] {
  const spec = specOf(obj);
  const errs = [...validateCommonReplicas(spec), ...validateSelectorAndTemplate(spec, 'deployment')];
  const strategy = asRecord(spec.strategy) ?? {};
  const type = asString(strategy.type);
  const rollingUpdate = asRecord(strategy.rollingUpdate);
  if (type === 'Recreate') {
    if (rollingUpdate) errs.push(forbidden(child('spec', 'strategy', 'rollingUpdate'), "may not be specified when strategy `type` is 'Recreate'"));
  } else if (type === 'RollingUpdate') {
    if (rollingUpdate) errs.push(...validateRollingUpdate(rollingUpdate, child('spec', 'strategy', 'rollingUpdate')));
  } else if (!type) errs.push(required(child('spec', 'strategy', 'type')));
  else errs.push(notSupported(child('spec', 'strategy', 'type'), type, ['Recreate', 'RollingUpdate']));
  const deadline = spec.progressDeadlineSeconds;
  if (typeof deadline === 'number') {
    errs.push(...validateNonNegative(deadline, child('spec', 'progressDeadlineSeconds')));
    const minReady = typeof spec.minReadySeconds === 'number' ? spec.minReadySeconds : 0;
    if (deadline <= minReady) errs.push(invalid(child('spec', 'progressDeadlineSeconds'), deadline, 'must be greater than minReadySeconds'));
  }
  errs.push(...selectorImmutable(obj, ctx));
  return errs;
}

export function validateReplicaSet(obj: KubeObject, ctx: ValidationContext): FieldError[] {
  const spec = specOf(obj);
  return [...validateCommonReplicas(spec), ...validateSelectorAndTemplate(spec, 'replicaset'), ...selectorImmutable(obj, ctx)];
}

export function validateDaemonSet(obj: KubeObject, ctx: ValidationContext): FieldError[] {
  const spec = specOf(obj);
  const errs = [...validateCommonReplicas(spec), ...validateSelectorAndTemplate(spec, 'daemonset')];
  const strategy = asRecord(spec.updateStrategy) ?? {};
  const type = asString(strategy.type);
  if (!type) errs.push(required(child('spec', 'updateStrategy', 'type')));
  else if (!['OnDelete', 'RollingUpdate'].includes(type)) {
    errs.push(notSupported(child('spec', 'updateStrategy', 'type'), type, ['OnDelete', 'RollingUpdate']));
  }
  const ru = asRecord(strategy.rollingUpdate);
  if (type === 'RollingUpdate' && ru) errs.push(...validateRollingUpdate(ru, child('spec', 'updateStrategy', 'rollingUpdate')));
  errs.push(...selectorImmutable(obj, ctx));
  return errs;
}

const STATEFULSET_MUTABLE = ['replicas', 'ordinals', 'template', 'updateStrategy', 'persistentVolumeClaimRetentionPolicy', 'minReadySeconds'];

export function validateStatefulSet(obj: KubeObject, ctx: ValidationContext): FieldError[] {
  const spec = specOf(obj);
  const errs = [...validateCommonReplicas(spec), ...validateSelectorAndTemplate(spec, 'statefulset')];
  const policy = asString(spec.podManagementPolicy);
  if (!policy) errs.push(required(child('spec', 'podManagementPolicy')));
  else if (!['OrderedReady', 'Parallel'].includes(policy)) {
    errs.push(notSupported(child('spec', 'podManagementPolicy'), policy, ['OrderedReady', 'Parallel']));
  }
  const strategy = asRecord(spec.updateStrategy) ?? {};
  const type = asString(strategy.type);
  if (!type) errs.push(required(child('spec', 'updateStrategy')));
  else if (!['OnDelete', 'RollingUpdate'].includes(type)) {
    errs.push(notSupported(child('spec', 'updateStrategy', 'type'), type, ['OnDelete', 'RollingUpdate']));
  }
  const partition = asRecord(strategy.rollingUpdate)?.partition;
  errs.push(...validateNonNegative(partition, child('spec', 'updateStrategy', 'rollingUpdate', 'partition')));
  if (ctx.operation === 'UPDATE' && ctx.old) {
    const old = specOf(ctx.old);
    const strip = (s: Record<string, unknown>) => Object.fromEntries(Object.entries(s).filter(([k]) => !STATEFULSET_MUTABLE.includes(k)));
    if (!jsonEqual(strip(spec), strip(old))) {
      errs.push(
        forbidden(
          'spec',
          "updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', " +
            "'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden",
        ),
      );
    }
  }
  return errs;
}

/** ReplicationController: a plain map selector, defaulted from the template labels. */
export function validateReplicationController(obj: KubeObject): FieldError[] {
  const spec = specOf(obj);
  const errs = validateNonNegative(spec.replicas, child('spec', 'replicas'));
  errs.push(...validateNonNegative(spec.minReadySeconds, child('spec', 'minReadySeconds')));
  const selector = asStringMap(spec.selector);
  if (Object.keys(selector).length === 0) errs.push(required(child('spec', 'selector')));
  else errs.push(...validateLabels(selector, child('spec', 'selector')));
  const template = asRecord(spec.template);
  if (!template) errs.push(required(child('spec', 'template')));
  else {
    const labels = asStringMap(asRecord(template.metadata)?.labels);
    if (Object.keys(selector).length && !Object.entries(selector).every(([k, v]) => labels[k] === v)) {
      errs.push(invalid(child('spec', 'template', 'metadata', 'labels'), labels, '`selector` does not match template `labels`'));
    }
    errs.push(...validatePodTemplate(template, child('spec', 'template'), { restartPolicies: ALWAYS }));
  }
  return errs;
}

