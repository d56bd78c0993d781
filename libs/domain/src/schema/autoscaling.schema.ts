import { atomicList, int32, int64, mergeList, named, obj, quantity, str, time } from './schema.builders';
import { labelSelectorSchema, objectMetaSchema } from './meta.schema';

export const v1ScaleSpecSchema = obj('v1.ScaleSpec', {
  replicas: int32,
});

export const v1ScaleStatusSchema = obj('v1.ScaleStatus', {
  replicas: int32,
  selector: str,
});

export const scaleSchema = obj('v1.Scale', {
  apiVersion: str,
  kind: str,
  metadata: objectMetaSchema,
  spec: v1ScaleSpecSchema,
  status: v1ScaleStatusSchema,
});

export const crossVersionObjectReferenceSchema = obj('v2.CrossVersionObjectReference', {
  kind: str,
  name: str,
  apiVersion: str,
});

export const metricTargetSchema = obj('v2.MetricTarget', {
  type: named('v2.MetricTargetType'),
  value: quantity,
  averageValue: quantity,
  averageUtilization: int32,
});

export const metricIdentifierSchema = obj('v2.MetricIdentifier', {
  name: str,
  selector: labelSelectorSchema,
});

export const objectMetricSourceSchema = obj('v2.ObjectMetricSource', {
  describedObject: crossVersionObjectReferenceSchema,
  target: metricTargetSchema,
  metric: metricIdentifierSchema,
});

export const podsMetricSourceSchema = obj('v2.PodsMetricSource', {
  metric: metricIdentifierSchema,
  target: metricTargetSchema,
});

export const resourceMetricSourceSchema = obj('v2.ResourceMetricSource', {
  name: named('v1.ResourceName'),
  target: metricTargetSchema,
});

export const containerResourceMetricSourceSchema = obj('v2.ContainerResourceMetricSource', {
  name: named('v1.ResourceName'),
  target: metricTargetSchema,
  container: str,
});

export const externalMetricSourceSchema = obj('v2.ExternalMetricSource', {
  metric: metricIdentifierSchema,
  target: metricTargetSchema,
});

export const metricSpecSchema = obj('v2.MetricSpec', {
  type: named('v2.MetricSourceType'),
  object: objectMetricSourceSchema,
  pods: podsMetricSourceSchema,
  resource: resourceMetricSourceSchema,
  containerResource: containerResourceMetricSourceSchema,
  external: externalMetricSourceSchema,
});

export const hpaScalingPolicySchema = obj('v2.HPAScalingPolicy', {
  type: named('v2.HPAScalingPolicyType'),
  value: int32,
  periodSeconds: int32,
});

export const hpaScalingRulesSchema = obj('v2.HPAScalingRules', {
  stabilizationWindowSeconds: int32,
  selectPolicy: named('v2.ScalingPolicySelect'),
  policies: atomicList(hpaScalingPolicySchema),
  tolerance: quantity,
});

export const horizontalPodAutoscalerBehaviorSchema = obj('v2.HorizontalPodAutoscalerBehavior', {
  scaleUp: hpaScalingRulesSchema,
  scaleDown: hpaScalingRulesSchema,
});

export const horizontalPodAutoscalerSpecSchema = obj('v2.HorizontalPodAutoscalerSpec', {
  scaleTargetRef: crossVersionObjectReferenceSchema,
  minReplicas: int32,
  maxReplicas: int32,
  metrics: atomicList(metricSpecSchema),
  behavior: horizontalPodAutoscalerBehaviorSchema,
});

export const metricValueStatusSchema = obj('v2.MetricValueStatus', {
  value: quantity,
  averageValue: quantity,
  averageUtilization: int32,
});

export const objectMetricStatusSchema = obj('v2.ObjectMetricStatus', {
  metric: metricIdentifierSchema,
  current: metricValueStatusSchema,
  describedObject: crossVersionObjectReferenceSchema,
});

export const podsMetricStatusSchema = obj('v2.PodsMetricStatus', {
  metric: metricIdentifierSchema,
  current: metricValueStatusSchema,
});

export const resourceMetricStatusSchema = obj('v2.ResourceMetricStatus', {
  name: named('v1.ResourceName'),
  current: metricValueStatusSchema,
});

export const containerResourceMetricStatusSchema = obj('v2.ContainerResourceMetricStatus', {
  name: named('v1.ResourceName'),
  current: metricValueStatusSchema,
  container: str,
});

export const externalMetricStatusSchema = obj('v2.ExternalMetricStatus', {
  metric: metricIdentifierSchema,
  current: metricValueStatusSchema,
});

export const metricStatusSchema = obj('v2.MetricStatus', {
  type: named('v2.MetricSourceType'),
  object: objectMetricStatusSchema,
  pods: podsMetricStatusSchema,
  resource: resourceMetricStatusSchema,
  containerResource: containerResourceMetricStatusSchema,
  external: externalMetricStatusSchema,
});

export const horizontalPodAutoscalerConditionSchema = obj('v2.HorizontalPodAutoscalerCondition', {
  type: named('v2.HorizontalPodAutoscalerConditionType'),
  status: named('v1.ConditionStatus'),
  lastTransitionTime: time,
  reason: str,
  message: str,
});

export const horizontalPodAutoscalerStatusSchema = obj('v2.HorizontalPodAutoscalerStatus', {
  observedGeneration: int64,
  lastScaleTime: time,
  currentReplicas: int32,
  desiredReplicas: int32,
  currentMetrics: atomicList(metricStatusSchema),
  conditions: mergeList(horizontalPodAutoscalerConditionSchema, 'type'),
});

export const horizontalPodAutoscalerSchema = obj('v2.HorizontalPodAutoscaler', {
  apiVersion: str,
  kind: str,
  metadata: objectMetaSchema,
  spec: horizontalPodAutoscalerSpecSchema,
  status: horizontalPodAutoscalerStatusSchema,
});
