import {
  arr,
  atomicList,
  bool,
  bytes,
  int32,
  int64,
  intOrString,
  mapOf,
  mergeList,
  named,
  obj,
  quantity,
  str,
  time,
} from './schema.builders';
import { conditionSchema, objectMetaSchema } from './meta.schema';
import {
  localObjectReferenceSchema,
  objectReferenceSchema,
  persistentVolumeClaimSpecSchema,
  persistentVolumeClaimStatusSchema,
  persistentVolumeSpecSchema,
} from './volume.schema';
import { podSpecSchema, podStatusSchema, podTemplateSpecSchema } from './pod.schema';

export const namespaceSpecSchema = obj('v1.NamespaceSpec', {
  finalizers: atomicList(named('v1.FinalizerName')),
});

export const namespaceConditionSchema = obj('v1.NamespaceCondition', {
  type: named('v1.NamespaceConditionType'),
  status: named('v1.ConditionStatus'),
  lastTransitionTime: time,
  reason: str,
  message: str,
});

export const namespaceStatusSchema = obj('v1.NamespaceStatus', {
  phase: named('v1.NamespacePhase'),
  conditions: mergeList(namespaceConditionSchema, 'type'),
});

export const namespaceSchema = obj('v1.Namespace', {
  apiVersion: str,
  kind: str,
  metadata: objectMetaSchema,
  spec: namespaceSpecSchema,
  status: namespaceStatusSchema,
});

export const podSchema = obj('v1.Pod', {
  apiVersion: str,
  kind: str,
  metadata: objectMetaSchema,
  spec: podSpecSchema,
  status: podStatusSchema,
});

export const taintSchema = obj('v1.Taint', {
  key: str,
  value: str,
  effect: named('v1.TaintEffect'),
  timeAdded: time,
});

export const configMapNodeConfigSourceSchema = obj('v1.ConfigMapNodeConfigSource', {
  namespace: str,
  name: str,
  uid: named('types.UID'),
  resourceVersion: str,
  kubeletConfigKey: str,
});

export const nodeConfigSourceSchema = obj('v1.NodeConfigSource', {
  configMap: configMapNodeConfigSourceSchema,
});

export const nodeSpecSchema = obj('v1.NodeSpec', {
  podCIDR: str,
  podCIDRs: arr(str, { listType: 'set', patchStrategy: 'merge' }),
  providerID: str,
  unschedulable: bool,
  taints: atomicList(taintSchema),
  configSource: nodeConfigSourceSchema,
  externalID: str,
});

export const nodeConditionSchema = obj('v1.NodeCondition', {
  type: named('v1.NodeConditionType'),
  status: named('v1.ConditionStatus'),
  lastHeartbeatTime: time,
  lastTransitionTime: time,
  reason: str,
  message: str,
});

export const nodeAddressSchema = obj('v1.NodeAddress', {
  type: named('v1.NodeAddressType'),
  address: str,
});

export const daemonEndpointSchema = obj('v1.DaemonEndpoint', {
  Port: int32,
});

export const nodeDaemonEndpointsSchema = obj('v1.NodeDaemonEndpoints', {
  kubeletEndpoint: daemonEndpointSchema,
});

export const nodeSwapStatusSchema = obj('v1.NodeSwapStatus', {
  capacity: int64,
});

export const nodeSystemInfoSchema = obj('v1.NodeSystemInfo', {
  machineID: str,
  systemUUID: str,
  bootID: str,
  kernelVersion: str,
  osImage: str,
  containerRuntimeVersion: str,
  kubeletVersion: str,
  kubeProxyVersion: str,
  operatingSystem: str,
  architecture: str,
  swap: nodeSwapStatusSchema,
});

export const containerImageSchema = obj('v1.ContainerImage', {
  names: atomicList(str),
  sizeBytes: int64,
});

export const attachedVolumeSchema = obj('v1.AttachedVolume', {
  name: named('v1.UniqueVolumeName'),
  devicePath: str,
});

export const nodeConfigStatusSchema = obj('v1.NodeConfigStatus', {
  assigned: nodeConfigSourceSchema,
  active: nodeConfigSourceSchema,
  lastKnownGood: nodeConfigSourceSchema,
  error: str,
});

export const nodeRuntimeHandlerFeaturesSchema = obj('v1.NodeRuntimeHandlerFeatures', {
  recursiveReadOnlyMounts: bool,
  userNamespaces: bool,
});

export const nodeRuntimeHandlerSchema = obj('v1.NodeRuntimeHandler', {
  name: str,
  features: nodeRuntimeHandlerFeaturesSchema,
});

export const nodeFeaturesSchema = obj('v1.NodeFeatures', {
  supplementalGroupsPolicy: bool,
});

export const nodeStatusSchema = obj('v1.NodeStatus', {
  capacity: mapOf(quantity, 'v1.ResourceList'),
  allocatable: mapOf(quantity, 'v1.ResourceList'),
  phase: named('v1.NodePhase'),
  conditions: mergeList(nodeConditionSchema, 'type'),
  addresses: mergeList(nodeAddressSchema, 'type'),
  daemonEndpoints: nodeDaemonEndpointsSchema,
  nodeInfo: nodeSystemInfoSchema,
  images: atomicList(containerImageSchema),
  volumesInUse: atomicList(named('v1.UniqueVolumeName')),
  volumesAttached: atomicList(attachedVolumeSchema),
  config: nodeConfigStatusSchema,
  runtimeHandlers: atomicList(nodeRuntimeHandlerSchema),
  features: nodeFeaturesSchema,
  declaredFeatures: atomicList(str),
});

export const nodeSchema = obj('v1.Node', {
  apiVersion: str,
  kind: str,
  metadata: objectMetaSchema,
  spec: nodeSpecSchema,
  status: nodeStatusSchema,
});

export const servicePortSchema = obj('v1.ServicePort', {
  name: str,
  protocol: named('v1.Protocol'),
  appProtocol: str,
  port: int32,
  targetPort: intOrString,
  nodePort: int32,
});

export const clientIPConfigSchema = obj('v1.ClientIPConfig', {
  timeoutSeconds: int32,
});

export const sessionAffinityConfigSchema = obj('v1.SessionAffinityConfig', {
  clientIP: clientIPConfigSchema,
});

export const serviceSpecSchema = obj('v1.ServiceSpec', {
  ports: mergeList(servicePortSchema, 'port', { mapKeys: ['port', 'protocol'] }),
  selector: mapOf(str),
  clusterIP: str,
  clusterIPs: atomicList(str),
  type: named('v1.ServiceType'),
  externalIPs: atomicList(str),
  sessionAffinity: named('v1.ServiceAffinity'),
  loadBalancerIP: str,
  loadBalancerSourceRanges: atomicList(str),
  externalName: str,
  externalTrafficPolicy: named('v1.ServiceExternalTrafficPolicy'),
  healthCheckNodePort: int32,
  publishNotReadyAddresses: bool,
  sessionAffinityConfig: sessionAffinityConfigSchema,
  ipFamilies: atomicList(named('v1.IPFamily')),
  ipFamilyPolicy: named('v1.IPFamilyPolicy'),
  allocateLoadBalancerNodePorts: bool,
  loadBalancerClass: str,
  internalTrafficPolicy: named('v1.ServiceInternalTrafficPolicy'),
  trafficDistribution: str,
});

export const portStatusSchema = obj('v1.PortStatus', {
  port: int32,
  protocol: named('v1.Protocol'),
  error: str,
});

export const loadBalancerIngressSchema = obj('v1.LoadBalancerIngress', {
  ip: str,
  hostname: str,
  ipMode: named('v1.LoadBalancerIPMode'),
  ports: atomicList(portStatusSchema),
});

export const loadBalancerStatusSchema = obj('v1.LoadBalancerStatus', {
  ingress: atomicList(loadBalancerIngressSchema),
});

export const serviceStatusSchema = obj('v1.ServiceStatus', {
  loadBalancer: loadBalancerStatusSchema,
  conditions: mergeList(conditionSchema, 'type'),
});

export const serviceSchema = obj('v1.Service', {
  apiVersion: str,
  kind: str,
  metadata: objectMetaSchema,
  spec: serviceSpecSchema,
  status: serviceStatusSchema,
});

export const endpointAddressSchema = obj('v1.EndpointAddress', {
  ip: str,
  hostname: str,
  nodeName: str,
  targetRef: objectReferenceSchema,
});

export const endpointPortSchema = obj('v1.EndpointPort', {
  name: str,
  port: int32,
  protocol: named('v1.Protocol'),
  appProtocol: str,
});

export const endpointSubsetSchema = obj('v1.EndpointSubset', {
  addresses: atomicList(endpointAddressSchema),
  notReadyAddresses: atomicList(endpointAddressSchema),
  ports: atomicList(endpointPortSchema),
});

export const endpointsSchema = obj('v1.Endpoints', {
  apiVersion: str,
  kind: str,
  metadata: objectMetaSchema,
  subsets: atomicList(endpointSubsetSchema),
});

export const configMapSchema = obj('v1.ConfigMap', {
  apiVersion: str,
  kind: str,
  metadata: objectMetaSchema,
  immutable: bool,
  data: mapOf(str),
  binaryData: mapOf(bytes),
});

export const secretSchema = obj('v1.Secret', {
  apiVersion: str,
  kind: str,
  metadata: objectMetaSchema,
  immutable: bool,
  data: mapOf(bytes),
  stringData: mapOf(str),
  type: named('v1.SecretType'),
});

export const eventSourceSchema = obj('v1.EventSource', {
  component: str,
  host: str,
});

export const eventSeriesSchema = obj('v1.EventSeries', {
  count: int32,
  lastObservedTime: time,
});

export const eventSchema = obj('v1.Event', {
  apiVersion: str,
  kind: str,
  metadata: objectMetaSchema,
  involvedObject: objectReferenceSchema,
  reason: str,
  message: str,
  source: eventSourceSchema,
  firstTimestamp: time,
  lastTimestamp: time,
  count: int32,
  type: str,
  eventTime: time,
  series: eventSeriesSchema,
  action: str,
  related: objectReferenceSchema,
  reportingComponent: str,
  reportingInstance: str,
});

export const serviceAccountSchema = obj('v1.ServiceAccount', {
  apiVersion: str,
  kind: str,
  metadata: objectMetaSchema,
  secrets: mergeList(objectReferenceSchema, 'name'),
  imagePullSecrets: atomicList(localObjectReferenceSchema),
  automountServiceAccountToken: bool,
});

export const persistentVolumeStatusSchema = obj('v1.PersistentVolumeStatus', {
  phase: named('v1.PersistentVolumePhase'),
  message: str,
  reason: str,
  lastPhaseTransitionTime: time,
});

export const persistentVolumeSchema = obj('v1.PersistentVolume', {
  apiVersion: str,
  kind: str,
  metadata: objectMetaSchema,
  spec: persistentVolumeSpecSchema,
  status: persistentVolumeStatusSchema,
});

export const persistentVolumeClaimSchema = obj('v1.PersistentVolumeClaim', {
  apiVersion: str,
  kind: str,
  metadata: objectMetaSchema,
  spec: persistentVolumeClaimSpecSchema,
  status: persistentVolumeClaimStatusSchema,
});

export const replicationControllerSpecSchema = obj('v1.ReplicationControllerSpec', {
  replicas: int32,
  minReadySeconds: int32,
  selector: mapOf(str),
  template: podTemplateSpecSchema,
});

export const replicationControllerConditionSchema = obj('v1.ReplicationControllerCondition', {
  type: named('v1.ReplicationControllerConditionType'),
  status: named('v1.ConditionStatus'),
  lastTransitionTime: time,
  reason: str,
  message: str,
});

export const replicationControllerStatusSchema = obj('v1.ReplicationControllerStatus', {
  replicas: int32,
  fullyLabeledReplicas: int32,
  readyReplicas: int32,
  availableReplicas: int32,
  observedGeneration: int64,
  conditions: mergeList(replicationControllerConditionSchema, 'type'),
});

export const replicationControllerSchema = obj('v1.ReplicationController', {
  apiVersion: str,
  kind: str,
  metadata: objectMetaSchema,
  spec: replicationControllerSpecSchema,
  status: replicationControllerStatusSchema,
});

export const limitRangeItemSchema = obj('v1.LimitRangeItem', {
  type: named('v1.LimitType'),
  max: mapOf(quantity, 'v1.ResourceList'),
  min: mapOf(quantity, 'v1.ResourceList'),
  default: mapOf(quantity, 'v1.ResourceList'),
  defaultRequest: mapOf(quantity, 'v1.ResourceList'),
  maxLimitRequestRatio: mapOf(quantity, 'v1.ResourceList'),
});

export const limitRangeSpecSchema = obj('v1.LimitRangeSpec', {
  limits: atomicList(limitRangeItemSchema),
});

export const limitRangeSchema = obj('v1.LimitRange', {
  apiVersion: str,
  kind: str,
  metadata: objectMetaSchema,
  spec: limitRangeSpecSchema,
});

export const scopedResourceSelectorRequirementSchema = obj('v1.ScopedResourceSelectorRequirement', {
  scopeName: named('v1.ResourceQuotaScope'),
  operator: named('v1.ScopeSelectorOperator'),
  values: atomicList(str),
});

export const scopeSelectorSchema = obj('v1.ScopeSelector', {
  matchExpressions: atomicList(scopedResourceSelectorRequirementSchema),
});

export const resourceQuotaSpecSchema = obj('v1.ResourceQuotaSpec', {
  hard: mapOf(quantity, 'v1.ResourceList'),
  scopes: atomicList(named('v1.ResourceQuotaScope')),
  scopeSelector: scopeSelectorSchema,
});

export const resourceQuotaStatusSchema = obj('v1.ResourceQuotaStatus', {
  hard: mapOf(quantity, 'v1.ResourceList'),
  used: mapOf(quantity, 'v1.ResourceList'),
});

export const resourceQuotaSchema = obj('v1.ResourceQuota', {
  apiVersion: str,
  kind: str,
  metadata: objectMetaSchema,
  spec: resourceQuotaSpecSchema,
  status: resourceQuotaStatusSchema,
});

export const podTemplateSchema = obj('v1.PodTemplate', {
  apiVersion: str,
  kind: str,
  metadata: objectMetaSchema,
  template: podTemplateSpecSchema,
});
