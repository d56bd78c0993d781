import type { KubeObject } from '../objects/object-meta';
import { asRecord, ensureRecord, setIfAbsent } from '../validation/values';
import { defaultPodTemplate } from './pod.defaults';

/**
 * What the Job registry does on create when the selector is not manual: label the template with the job's uid and
 * name and select on the uid. Needs `metadata.uid`; without one it leaves the job alone.
 */
function generateJobSelector(job: KubeObject, spec: Record<string, unknown>): void {
  const uid = job.metadata.uid;
  const name = job.metadata.name;
  if (spec.manualSelector === true || !uid || !name || spec.selector) return;
  const template = ensureRecord(spec, 'template');
  const labels = ensureRecord(ensureRecord(template, 'metadata'), 'labels');
  Object.assign(labels, {
    'batch.kubernetes.io/controller-uid': uid,
    'batch.kubernetes.io/job-name': name,
    'controller-uid': uid,
    'job-name': name,
  });
  spec.selector = { matchLabels: { 'batch.kubernetes.io/controller-uid': uid } };
  spec.manualSelector = false;
}

export function defaultJob(job: KubeObject): void {
  const spec = ensureRecord(job, 'spec');
  if (spec.completions == null && spec.parallelism == null) {
    spec.completions = 1;
    spec.parallelism = 1;
  }
  setIfAbsent(spec, 'parallelism', 1);
  setIfAbsent(spec, 'backoffLimit', spec.backoffLimitPerIndex != null ? 2147483647 : 6);
  setIfAbsent(spec, 'completionMode', 'NonIndexed');
  setIfAbsent(spec, 'suspend', false);
  setIfAbsent(spec, 'podReplacementPolicy', spec.podFailurePolicy != null ? 'Failed' : 'TerminatingOrFailed');
  const failurePolicy = asRecord(spec.podFailurePolicy);
  for (const rule of Array.isArray(failurePolicy?.rules) ? failurePolicy.rules : []) {
    const conditions = asRecord(rule)?.onPodConditions;
    if (Array.isArray(conditions)) for (const c of conditions) if (asRecord(c)) setIfAbsent(c as Record<string, unknown>, 'status', 'True');
  }
  generateJobSelector(job, spec);
  // Upstream copies the template labels onto an unlabelled job every time it decodes one, generated labels included.
  const templateLabels = asRecord(asRecord(asRecord(spec.template)?.metadata)?.labels);
  if (templateLabels && Object.keys(job.metadata.labels ?? {}).length === 0) {
    job.metadata.labels = { ...(templateLabels as Record<string, string>) };
  }
  defaultPodTemplate(spec.template);
}

export function defaultCronJob(cronJob: KubeObject): void {
  const spec = ensureRecord(cronJob, 'spec');
  setIfAbsent(spec, 'concurrencyPolicy', 'Allow');
  setIfAbsent(spec, 'suspend', false);
  setIfAbsent(spec, 'successfulJobsHistoryLimit', 3);
  setIfAbsent(spec, 'failedJobsHistoryLimit', 1);
  defaultPodTemplate(asRecord(asRecord(spec.jobTemplate)?.spec)?.template);
}
