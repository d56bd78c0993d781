import {
  arr,
  atomicList,
  bool,
  int32,
  int64,
  mapOf,
  mergeList,
  named,
  obj,
  quantity,
  setList,
  str,
  time,
} from './schema.builders';
import { labelSelectorSchema, objectMetaSchema } from './meta.schema';
import { localObjectReferenceSchema, nodeSelectorSchema, nodeSelectorTermSchema, volumeSchema } from './volume.schema';
import {
  appArmorProfileSchema,
  containerSchema,
  containerStatusSchema,
  ephemeralContainerSchema,
  resourceRequirementsSchema,
  seLinuxOptionsSchema,
  seccompProfileSchema,
  windowsSecurityContextOptionsSchema,
} from './container.schema';

export const sysctlSchema = obj('v1.Sysctl', {
  name: str,
  value: str,
});

export const podSecurityContextSchema = obj('v1.PodSecurityContext', {
  seLinuxOptions: seLinuxOptionsSchema,
  windowsOptions: windowsSecurityContextOptionsSchema,
  runAsUser: int64,
  runAsGroup: int64,
  runAsNonRoot: bool,
  supplementalGroups: atomicList(int64),
  supplementalGroupsPolicy: named('v1.SupplementalGroupsPolicy'),
  fsGroup: int64,
  sysctls: atomicList(sysctlSchema),
  fsGroupChangePolicy: named('v1.PodFSGroupChangePolicy'),
  seccompProfile: seccompProfileSchema,
  appArmorProfile: appArmorProfileSchema,
  seLinuxChangePolicy: named('v1.PodSELinuxChangePolicy'),
});

export const preferredSchedulingTermSchema = obj('v1.PreferredSchedulingTerm', {
  weight: int32,
  preference: nodeSelectorTermSchema,
});

export const nodeAffinitySchema = obj('v1.NodeAffinity', {
  requiredDuringSchedulingIgnoredDuringExecution: nodeSelectorSchema,
  preferredDuringSchedulingIgnoredDuringExecution: atomicList(preferredSchedulingTermSchema),
});

export const podAffinityTermSchema = obj('v1.PodAffinityTerm', {
  labelSelector: labelSelectorSchema,
  namespaces: atomicList(str),
  topologyKey: str,
  namespaceSelector: labelSelectorSchema,
  matchLabelKeys: atomicList(str),
  mismatchLabelKeys: atomicList(str),
});

export const weightedPodAffinityTermSchema = obj('v1.WeightedPodAffinityTerm', {
  weight: int32,
  podAffinityTerm: podAffinityTermSchema,
});

export const podAffinitySchema = obj('v1.PodAffinity', {
  requiredDuringSchedulingIgnoredDuringExecution: atomicList(podAffinityTermSchema),
  preferredDuringSchedulingIgnoredDuringExecution: atomicList(weightedPodAffinityTermSchema),
});

export const podAntiAffinitySchema = obj('v1.PodAntiAffinity', {
  requiredDuringSchedulingIgnoredDuringExecution: atomicList(podAffinityTermSchema),
  preferredDuringSchedulingIgnoredDuringExecution: atomicList(weightedPodAffinityTermSchema),
});

export const affinitySchema = obj('v1.Affinity', {
  nodeAffinity: nodeAffinitySchema,
  podAffinity: podAffinitySchema,
  podAntiAffinity: podAntiAffinitySchema,
});

export const tolerationSchema = obj('v1.Toleration', {
  key: str,
  operator: named('v1.TolerationOperator'),
  value: str,
  effect: named('v1.TaintEffect'),
  tolerationSeconds: int64,
});

export const hostAliasSchema = obj('v1.HostAlias', {
  ip: str,
  hostnames: atomicList(str),
});

export const podDNSConfigOptionSchema = obj('v1.PodDNSConfigOption', {
  name: str,
  value: str,
});

export const podDNSConfigSchema = obj('v1.PodDNSConfig', {
  nameservers: atomicList(str),
  searches: atomicList(str),
  options: atomicList(podDNSConfigOptionSchema),
});

export const podReadinessGateSchema = obj('v1.PodReadinessGate', {
  conditionType: named('v1.PodConditionType'),
});

export const topologySpreadConstraintSchema = obj('v1.TopologySpreadConstraint', {
  maxSkew: int32,
  topologyKey: str,
  whenUnsatisfiable: named('v1.UnsatisfiableConstraintAction'),
  labelSelector: labelSelectorSchema,
  minDomains: int32,
  nodeAffinityPolicy: named('v1.NodeInclusionPolicy'),
  nodeTaintsPolicy: named('v1.NodeInclusionPolicy'),
  matchLabelKeys: atomicList(str),
});

export const podOSSchema = obj('v1.PodOS', {
  name: named('v1.OSName'),
});

export const podSchedulingGateSchema = obj('v1.PodSchedulingGate', {
  name: str,
});

export const podResourceClaimSchema = obj('v1.PodResourceClaim', {
  name: str,
  resourceClaimName: str,
  resourceClaimTemplateName: str,
});

export const podSchedulingGroupSchema = obj('v1.PodSchedulingGroup', {
  podGroupName: str,
});

export const podSpecSchema = obj('v1.PodSpec', {
  volumes: mergeList(volumeSchema, 'name', { retainKeys: true }),
  initContainers: mergeList(containerSchema, 'name'),
  containers: mergeList(containerSchema, 'name'),
  ephemeralContainers: mergeList(ephemeralContainerSchema, 'name'),
  restartPolicy: named('v1.RestartPolicy'),
  terminationGracePeriodSeconds: int64,
  activeDeadlineSeconds: int64,
  dnsPolicy: named('v1.DNSPolicy'),
  nodeSelector: mapOf(str),
  serviceAccountName: str,
  serviceAccount: str,
  automountServiceAccountToken: bool,
  nodeName: str,
  hostNetwork: bool,
  hostPID: bool,
  hostIPC: bool,
  shareProcessNamespace: bool,
  securityContext: podSecurityContextSchema,
  imagePullSecrets: mergeList(localObjectReferenceSchema, 'name'),
  hostname: str,
  subdomain: str,
  affinity: affinitySchema,
  schedulerName: str,
  tolerations: atomicList(tolerationSchema),
  hostAliases: mergeList(hostAliasSchema, 'ip'),
  priorityClassName: str,
  priority: int32,
  dnsConfig: podDNSConfigSchema,
  readinessGates: atomicList(podReadinessGateSchema),
  runtimeClassName: str,
  enableServiceLinks: bool,
  preemptionPolicy: named('v1.PreemptionPolicy'),
  overhead: mapOf(quantity, 'v1.ResourceList'),
  topologySpreadConstraints: mergeList(topologySpreadConstraintSchema, 'topologyKey', {
    mapKeys: ['topologyKey', 'whenUnsatisfiable'],
  }),
  setHostnameAsFQDN: bool,
  os: podOSSchema,
  hostUsers: bool,
  schedulingGates: mergeList(podSchedulingGateSchema, 'name'),
  resourceClaims: mergeList(podResourceClaimSchema, 'name', { retainKeys: true }),
  resources: resourceRequirementsSchema,
  hostnameOverride: str,
  schedulingGroup: podSchedulingGroupSchema,
});

export const podTemplateSpecSchema = obj('v1.PodTemplateSpec', {
  metadata: objectMetaSchema,
  spec: podSpecSchema,
});

export const podConditionSchema = obj('v1.PodCondition', {
  type: named('v1.PodConditionType'),
  observedGeneration: int64,
  status: named('v1.ConditionStatus'),
  lastProbeTime: time,
  lastTransitionTime: time,
  reason: str,
  message: str,
});

export const hostIPSchema = obj('v1.HostIP', {
  ip: str,
});

export const podIPSchema = obj('v1.PodIP', {
  ip: str,
});

export const podResourceClaimStatusSchema = obj('v1.PodResourceClaimStatus', {
  name: str,
  resourceClaimName: str,
});

export const containerExtendedResourceRequestSchema = obj('v1.ContainerExtendedResourceRequest', {
  containerName: str,
  resourceName: str,
  requestName: str,
});

export const podExtendedResourceClaimStatusSchema = obj('v1.PodExtendedResourceClaimStatus', {
  requestMappings: atomicList(containerExtendedResourceRequestSchema),
  resourceClaimName: str,
});

export const nodeAllocatableResourceClaimStatusSchema = obj('v1.NodeAllocatableResourceClaimStatus', {
  resourceClaimName: str,
  containers: setList(str),
  resources: mapOf(quantity, 'map[v1.ResourceName]quantity'),
});

export const podStatusSchema = obj('v1.PodStatus', {
  observedGeneration: int64,
  phase: named('v1.PodPhase'),
  conditions: mergeList(podConditionSchema, 'type'),
  message: str,
  reason: str,
  nominatedNodeName: str,
  hostIP: str,
  hostIPs: arr(hostIPSchema, { listType: 'atomic', patchStrategy: 'merge', patchMergeKey: 'ip' }),
  podIP: str,
  podIPs: mergeList(podIPSchema, 'ip'),
  startTime: time,
  initContainerStatuses: atomicList(containerStatusSchema),
  containerStatuses: atomicList(containerStatusSchema),
  qosClass: named('v1.PodQOSClass'),
  ephemeralContainerStatuses: atomicList(containerStatusSchema),
  resize: named('v1.PodResizeStatus'),
  resourceClaimStatuses: mergeList(podResourceClaimStatusSchema, 'name', { retainKeys: true }),
  extendedResourceClaimStatus: podExtendedResourceClaimStatusSchema,
  allocatedResources: mapOf(quantity, 'v1.ResourceList'),
  resources: resourceRequirementsSchema,
  nodeAllocatableResourceClaimStatuses: atomicList(nodeAllocatableResourceClaimStatusSchema),
});
