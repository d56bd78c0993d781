import type { FieldError } from '../errors';
import type { KubeObject } from '../objects/object-meta';
import type { ValidationContext } from '../registry/resource-type';
import { child, invalid, notSupported, required } from './field-errors';
import { isEmptySelector, selectorMatches, validateLabelSelector } from './label-selector.validation';
import { validateImmutable, validateNonNegative, validateTemplateMeta } from './object-meta.validation';
import { validatePodTemplate } from './pod.validation';
import { asRecord, asString, asStringMap, isSet } from './values';

const JOB_RESTART_POLICIES = ['OnFailure', 'Never'];
const COMPLETION_MODES = ['NonIndexed', 'Indexed'];
const CONCURRENCY_POLICIES = ['Allow', 'Forbid', 'Replace'];
const SCHEDULE_MACROS = ['@yearly', '@annually', '@monthly', '@weekly', '@daily', '@midnight', '@hourly'];

/** JobSpec checks shared by Jobs and CronJob job templates; `path` is `spec` or `spec.jobTemplate.spec`. */
function validateJobSpec(specValue: unknown, path: string, requireSelector: boolean): FieldError[] {
  const spec = asRecord(specValue) ?? {};
  const errs: FieldError[] = [];
  for (const field of ['parallelism', 'completions', 'backoffLimit', 'ttlSecondsAfterFinished']) {
    errs.push(...validateNonNegative(spec[field], child(path, field)));
  }
  const deadline = spec.activeDeadlineSeconds;
  if (typeof deadline === 'number' && deadline <= 0) errs.push(invalid(child(path, 'activeDeadlineSeconds'), deadline, 'must be greater than 0'));
  const mode = asString(spec.completionMode);
  if (mode && !COMPLETION_MODES.includes(mode)) errs.push(notSupported(child(path, 'completionMode'), mode, COMPLETION_MODES));
  if (mode === 'Indexed' && !isSet(spec.completions)) {
    errs.push(required(child(path, 'completions'), 'when completion mode is Indexed'));
  }
  const template = asRecord(spec.template) ?? {};
  const selector = spec.selector;
  if (!isSet(selector)) {
    if (requireSelector) errs.push(required(child(path, 'selector')));
  } else {
    errs.push(...validateLabelSelector(selector, child(path, 'selector')));
    const labels = asStringMap(asRecord(template.metadata)?.labels);
    if (!isEmptySelector(selector) && !selectorMatches(selector, labels)) {
      errs.push(invalid(child(path, 'template', 'metadata', 'labels'), labels, '`selector` does not match template `labels`'));
    }
  }
  errs.push(...validatePodTemplate(template, child(path, 'template'), { restartPolicies: JOB_RESTART_POLICIES }));
  return errs;
}

/**
 * Job. The selector is generated from the uid unless `manualSelector` is true, so it is only required for manual
 * selectors. On update the selector, completionMode and the pod template are immutable (upstream relaxes the template
 * for suspended jobs' scheduling directives; not modelled).
 */
export function validateJob(obj: KubeObject, ctx: ValidationContext): FieldError[] {
  const spec = asRecord(obj.spec) ?? {};
  const errs = validateJobSpec(spec, 'spec', spec.manualSelector === true);
  if (ctx.operation === 'UPDATE' && ctx.old) {
    const old = asRecord(ctx.old.spec) ?? {};
    errs.push(...validateImmutable(spec.selector, old.selector, 'spec.selector'));
    errs.push(...validateImmutable(spec.completionMode, old.completionMode, 'spec.completionMode'));
    if (spec.completionMode !== 'Indexed') errs.push(...validateImmutable(spec.completions, old.completions, 'spec.completions'));
    errs.push(...validateImmutable(spec.template, old.template, 'spec.template'));
  }
  return errs;
}

/** A five-field cron expression or a predefined macro; the message is the one robfig/cron returns. */
function validateSchedule(schedule: string, path: string): FieldError[] {
  const expr = schedule.replace(/^(CRON_)?TZ=\S+\s+/, '').trim();
  if (SCHEDULE_MACROS.includes(expr) || expr.startsWith('@every ')) return [];
  const fields = expr.split(/\s+/).filter(Boolean);
  if (fields.length !== 5) return [invalid(path, schedule, `Expected exactly 5 fields, found ${fields.length}: ${expr}`)];
  return [];
}

export function validateCronJob(obj: KubeObject): FieldError[] {
  const spec = asRecord(obj.spec) ?? {};
  const errs: FieldError[] = [];
  const schedule = asString(spec.schedule);
  if (!schedule) errs.push(required('spec.schedule'));
  else errs.push(...validateSchedule(schedule, 'spec.schedule'));
  const policy = asString(spec.concurrencyPolicy);
  if (!policy) errs.push(required('spec.concurrencyPolicy'));
  else if (!CONCURRENCY_POLICIES.includes(policy)) errs.push(notSupported('spec.concurrencyPolicy', policy, CONCURRENCY_POLICIES));
  for (const field of ['startingDeadlineSeconds', 'successfulJobsHistoryLimit', 'failedJobsHistoryLimit']) {
    errs.push(...validateNonNegative(spec[field], `spec.${field}`));
  }
  const jobTemplate = asRecord(spec.jobTemplate) ?? {};
  errs.push(...validateTemplateMeta(jobTemplate.metadata, 'spec.jobTemplate.metadata'));
  errs.push(...validateJobSpec(jobTemplate.spec, 'spec.jobTemplate.spec', false));
  return errs;
}
