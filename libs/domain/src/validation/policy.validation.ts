import type { FieldError } from '../errors';
import type { KubeObject } from '../objects/object-meta';
import type { ValidationContext } from '../registry/resource-type';
import { child, index, invalid, notSupported, required } from './field-errors';
import { validateLabelSelector } from './label-selector.validation';
import { isDns1123Subdomain } from './names';
import { asArray, asRecord, asString, isSet, jsonEqual } from './values';
import { validateIntOrPercent } from './workloads.validation';

const RBAC_GROUP = 'rbac.authorization.k8s.io';

export function validateHorizontalPodAutoscaler(obj: KubeObject): FieldError[] {
  const spec = asRecord(obj.spec) ?? {};
  const errs: FieldError[] = [];
  const ref = asRecord(spec.scaleTargetRef) ?? {};
  if (!asString(ref.kind)) errs.push(required('spec.scaleTargetRef.kind'));
  if (!asString(ref.name)) errs.push(required('spec.scaleTargetRef.name'));
  const min = spec.minReplicas;
  if (typeof min === 'number' && min < 1) errs.push(invalid('spec.minReplicas', min, 'must be greater than or equal to 1'));
  const max = typeof spec.maxReplicas === 'number' ? spec.maxReplicas : 0;
  if (max < 1) errs.push(invalid('spec.maxReplicas', max, 'must be greater than 0'));
  else if (typeof min === 'number' && max < min) errs.push(invalid('spec.maxReplicas', max, 'must be greater than or equal to `minReplicas`'));
  return errs;
}

export function validatePodDisruptionBudget(obj: KubeObject): FieldError[] {
  const spec = asRecord(obj.spec) ?? {};
  const errs: FieldError[] = [];
  if (isSet(spec.minAvailable) && isSet(spec.maxUnavailable)) {
    errs.push(invalid('spec', spec, 'minAvailable and maxUnavailable cannot be both set'));
  }
  errs.push(...validateIntOrPercent(spec.minAvailable, 'spec.minAvailable', true));
  errs.push(...validateIntOrPercent(spec.maxUnavailable, 'spec.maxUnavailable', true));
  errs.push(...validateLabelSelector(spec.selector, 'spec.selector'));
  return errs;
}

function validatePolicyRules(rules: unknown, path: string, allowNonResource: boolean): FieldError[] {
  const errs: FieldError[] = [];
  asArray(rules).forEach((raw, i) => {
    const rule = asRecord(raw) ?? {};
    const p = index(path, i);
    if (asArray(rule.verbs).length === 0) errs.push(required(child(p, 'verbs'), 'verbs must contain at least one value'));
    const nonResource = asArray(rule.nonResourceURLs).length > 0;
    if (nonResource) {
      if (!allowNonResource) errs.push(invalid(child(p, 'nonResourceURLs'), rule.nonResourceURLs, 'namespaced rules cannot apply to non-resource URLs'));
      if (asArray(rule.apiGroups).length || asArray(rule.resources).length) {
        errs.push(invalid(p, rule, 'rules cannot apply to both regular resources and non-resource URLs'));
      }
      return;
    }
    if (asArray(rule.apiGroups).length === 0) errs.push(required(child(p, 'apiGroups'), 'resource rules must supply at least one api group'));
    if (asArray(rule.resources).length === 0) errs.push(required(child(p, 'resources'), 'resource rules must supply at least one resource'));
  });
  return errs;
}

export function validateRole(obj: KubeObject): FieldError[] {
  return validatePolicyRules(obj.rules, 'rules', false);
}

export function validateClusterRole(obj: KubeObject): FieldError[] {
  const errs = validatePolicyRules(obj.rules, 'rules', true);
  const aggregation = asRecord(obj.aggregationRule);
  if (aggregation) {
    asArray(aggregation.clusterRoleSelectors).forEach((s, i) => errs.push(...validateLabelSelector(s, index('aggregationRule.clusterRoleSelectors', i))));
  }
  return errs;
}

function validateBinding(obj: KubeObject, ctx: ValidationContext, roleKinds: string[], namespaced: boolean): FieldError[] {
  const errs: FieldError[] = [];
  const roleRef = asRecord(obj.roleRef) ?? {};
  if (asString(roleRef.apiGroup) !== RBAC_GROUP) errs.push(notSupported('roleRef.apiGroup', asString(roleRef.apiGroup), [RBAC_GROUP]));
  const kind = asString(roleRef.kind);
  if (!roleKinds.includes(kind)) errs.push(notSupported('roleRef.kind', kind, roleKinds));
  if (!asString(roleRef.name)) errs.push(required('roleRef.name'));
  asArray(obj.subjects).forEach((raw, i) => {
    const subject = asRecord(raw) ?? {};
    const p = index('subjects', i);
    const name = asString(subject.name);
    if (!name) errs.push(required(child(p, 'name')));
    const subjectKind = asString(subject.kind);
    if (subjectKind === 'ServiceAccount') {
      if (asString(subject.apiGroup)) errs.push(notSupported(child(p, 'apiGroup'), subject.apiGroup, ['']));
      if (name) for (const msg of isDns1123Subdomain(name)) errs.push(invalid(child(p, 'name'), name, msg));
      if (!namespaced && !asString(subject.namespace)) errs.push(required(child(p, 'namespace')));
    } else if (subjectKind === 'User' || subjectKind === 'Group') {
      if (asString(subject.apiGroup) !== RBAC_GROUP) errs.push(notSupported(child(p, 'apiGroup'), asString(subject.apiGroup), [RBAC_GROUP]));
    } else {
      errs.push(notSupported(child(p, 'kind'), subjectKind, ['ServiceAccount', 'User', 'Group']));
    }
  });
  if (ctx.operation === 'UPDATE' && ctx.old && !jsonEqual(obj.roleRef, ctx.old.roleRef)) {
    errs.push(invalid('roleRef', obj.roleRef, 'cannot change roleRef'));
  }
  return errs;
}

export function validateRoleBinding(obj: KubeObject, ctx: ValidationContext): FieldError[] {
  return validateBinding(obj, ctx, ['Role', 'ClusterRole'], true);
}

export function validateClusterRoleBinding(obj: KubeObject, ctx: ValidationContext): FieldError[] {
  return validateBinding(obj, ctx, ['ClusterRole'], false);
}

export function validateLease(obj: KubeObject): FieldError[] {
  const spec = asRecord(obj.spec) ?? {};
  const errs: FieldError[] = [];
  for (const field of ['leaseDurationSeconds', 'leaseTransitions']) {
    const value = spec[field];
    if (typeof value !== 'number') continue;
    if (field === 'leaseDurationSeconds' && value <= 0) errs.push(invalid(`spec.${field}`, value, 'must be greater than 0'));
    if (field === 'leaseTransitions' && value < 0) errs.push(invalid(`spec.${field}`, value, 'must be greater than or equal to 0'));
  }
  return errs;
}

