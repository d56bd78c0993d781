import { any, arr, atomicList, bool, int64, mapOf, mergeList, named, obj, str, time } from './schema.builders';

export const ownerReferenceSchema = obj('v1.OwnerReference', {
  apiVersion: str,
  kind: str,
  name: str,
  uid: named('types.UID'),
  controller: bool,
  blockOwnerDeletion: bool,
});

export const managedFieldsEntrySchema = obj('v1.ManagedFieldsEntry', {
  manager: str,
  operation: named('v1.ManagedFieldsOperationType'),
  apiVersion: str,
  time: time,
  fieldsType: str,
  fieldsV1: any,
  subresource: str,
});

export const objectMetaSchema = obj('v1.ObjectMeta', {
  name: str,
  generateName: str,
  namespace: str,
  selfLink: str,
  uid: named('types.UID'),
  resourceVersion: str,
  generation: int64,
  creationTimestamp: time,
  deletionTimestamp: time,
  deletionGracePeriodSeconds: int64,
  labels: mapOf(str),
  annotations: mapOf(str),
  ownerReferences: mergeList(ownerReferenceSchema, 'uid'),
  finalizers: arr(str, { listType: 'set', patchStrategy: 'merge' }),
  managedFields: atomicList(managedFieldsEntrySchema),
});

export const labelSelectorRequirementSchema = obj('v1.LabelSelectorRequirement', {
  key: str,
  operator: named('v1.LabelSelectorOperator'),
  values: atomicList(str),
});

export const labelSelectorSchema = obj('v1.LabelSelector', {
  matchLabels: mapOf(str),
  matchExpressions: atomicList(labelSelectorRequirementSchema),
});

export const conditionSchema = obj('v1.Condition', {
  type: str,
  status: named('v1.ConditionStatus'),
  observedGeneration: int64,
  lastTransitionTime: time,
  reason: str,
  message: str,
});

export const preconditionsSchema = obj('v1.Preconditions', {
  uid: named('types.UID'),
  resourceVersion: str,
});

export const deleteOptionsSchema = obj('v1.DeleteOptions', {
  apiVersion: str,
  kind: str,
  gracePeriodSeconds: int64,
  preconditions: preconditionsSchema,
  orphanDependents: bool,
  propagationPolicy: named('v1.DeletionPropagation'),
  dryRun: atomicList(str),
  ignoreStoreReadErrorWithClusterBreakingPotential: bool,
});
