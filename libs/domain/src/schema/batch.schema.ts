import { arr, atomicList, bool, int32, int64, named, obj, setList, str, time } from './schema.builders';
import { labelSelectorSchema, objectMetaSchema } from './meta.schema';
import { objectReferenceSchema } from './volume.schema';
import { podTemplateSpecSchema } from './pod.schema';

export const podFailurePolicyOnExitCodesRequirementSchema = obj('v1.PodFailurePolicyOnExitCodesRequirement', {
  containerName: str,
  operator: named('v1.PodFailurePolicyOnExitCodesOperator'),
  values: setList(int32),
});

export const podFailurePolicyOnPodConditionsPatternSchema = obj('v1.PodFailurePolicyOnPodConditionsPattern', {
  type: named('v1.PodConditionType'),
  status: named('v1.ConditionStatus'),
});

export const podFailurePolicyRuleSchema = obj('v1.PodFailurePolicyRule', {
  action: named('v1.PodFailurePolicyAction'),
  onExitCodes: podFailurePolicyOnExitCodesRequirementSchema,
  onPodConditions: atomicList(podFailurePolicyOnPodConditionsPatternSchema),
});

export const podFailurePolicySchema = obj('v1.PodFailurePolicy', {
  rules: atomicList(podFailurePolicyRuleSchema),
});

export const successPolicyRuleSchema = obj('v1.SuccessPolicyRule', {
  succeededIndexes: str,
  succeededCount: int32,
});

export const successPolicySchema = obj('v1.SuccessPolicy', {
  rules: atomicList(successPolicyRuleSchema),
});

export const jobSpecSchema = obj('v1.JobSpec', {
  parallelism: int32,
  completions: int32,
  activeDeadlineSeconds: int64,
  podFailurePolicy: podFailurePolicySchema,
  successPolicy: successPolicySchema,
  backoffLimit: int32,
  backoffLimitPerIndex: int32,
  maxFailedIndexes: int32,
  selector: labelSelectorSchema,
  manualSelector: bool,
  template: podTemplateSpecSchema,
  ttlSecondsAfterFinished: int32,
  completionMode: named('v1.CompletionMode'),
  suspend: bool,
  podReplacementPolicy: named('v1.PodReplacementPolicy'),
  managedBy: str,
});

export const jobConditionSchema = obj('v1.JobCondition', {
  type: named('v1.JobConditionType'),
  status: named('v1.ConditionStatus'),
  lastProbeTime: time,
  lastTransitionTime: time,
  reason: str,
  message: str,
});

export const uncountedTerminatedPodsSchema = obj('v1.UncountedTerminatedPods', {
  succeeded: setList(named('types.UID')),
  failed: setList(named('types.UID')),
});

export const jobStatusSchema = obj('v1.JobStatus', {
  conditions: arr(jobConditionSchema, { listType: 'atomic', patchStrategy: 'merge', patchMergeKey: 'type' }),
  startTime: time,
  completionTime: time,
  active: int32,
  succeeded: int32,
  failed: int32,
  terminating: int32,
  completedIndexes: str,
  failedIndexes: str,
  uncountedTerminatedPods: uncountedTerminatedPodsSchema,
  ready: int32,
});

export const jobSchema = obj('v1.Job', {
  apiVersion: str,
  kind: str,
  metadata: objectMetaSchema,
  spec: jobSpecSchema,
  status: jobStatusSchema,
});

export const jobTemplateSpecSchema = obj('v1.JobTemplateSpec', {
  metadata: objectMetaSchema,
  spec: jobSpecSchema,
});

export const cronJobSpecSchema = obj('v1.CronJobSpec', {
  schedule: str,
  timeZone: str,
  startingDeadlineSeconds: int64,
  concurrencyPolicy: named('v1.ConcurrencyPolicy'),
  suspend: bool,
  jobTemplate: jobTemplateSpecSchema,
  successfulJobsHistoryLimit: int32,
  failedJobsHistoryLimit: int32,
});

export const cronJobStatusSchema = obj('v1.CronJobStatus', {
  active: atomicList(objectReferenceSchema),
  lastScheduleTime: time,
  lastSuccessfulTime: time,
});

export const cronJobSchema = obj('v1.CronJob', {
  apiVersion: str,
  kind: str,
  metadata: objectMetaSchema,
  spec: cronJobSpecSchema,
  status: cronJobStatusSchema,
});
