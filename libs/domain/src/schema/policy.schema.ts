import { int32, int64, intOrString, mapOf, mergeList, named, obj, str, time, withMarkers } from './schema.builders';
import { conditionSchema, labelSelectorSchema, objectMetaSchema } from './meta.schema';

export const podDisruptionBudgetSpecSchema = obj('v1.PodDisruptionBudgetSpec', {
  minAvailable: intOrString,
  selector: withMarkers(labelSelectorSchema, { patchStrategy: 'replace' }),
  maxUnavailable: intOrString,
  unhealthyPodEvictionPolicy: named('v1.UnhealthyPodEvictionPolicyType'),
});

export const podDisruptionBudgetStatusSchema = obj('v1.PodDisruptionBudgetStatus', {
  observedGeneration: int64,
  disruptedPods: mapOf(time),
  disruptionsAllowed: int32,
  currentHealthy: int32,
  desiredHealthy: int32,
  expectedPods: int32,
  conditions: mergeList(conditionSchema, 'type'),
});

export const podDisruptionBudgetSchema = obj('v1.PodDisruptionBudget', {
  apiVersion: str,
  kind: str,
  metadata: objectMetaSchema,
  spec: podDisruptionBudgetSpecSchema,
  status: podDisruptionBudgetStatusSchema,
});
