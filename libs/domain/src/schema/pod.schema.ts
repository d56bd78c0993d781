import { arr, bool, int32, int64, mapOf, named, obj, quantity, str, time } from './schema.builders';
import { labelSelectorSchema, objectMetaSchema } from './meta.schema';
import { localObjectReferenceSchema, nodeSelectorSchema, nodeSelectorTermSchema, volumeSchema } from './volume.schema';
import { appArmorProfileSchema, containerSchema, containerStatusSchema, ephemeralContainerSchema, resourceRequirementsSchema, seLinuxOptionsSchema, seccompProfileSchema, windowsSecurityContextOptionsSchema } from './container.schema';

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
  supplementalGroups: arr(int64, { listType: 'atomic' }),
  supplementalGroupsPolicy: named('v1.SupplementalGroupsPolicy'),
  fsGroup: int64,
  sysctls: arr(sysctlSchema, { listType: 'atomic' }),
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
  preferredDuringSchedulingIgnoredDuringExecution: arr(preferredSchedulingTermSchema, { listType: 'atomic' }),
});

export const podAffinityTermSchema = obj('v1.PodAffinityTerm', {
  labelSelector: labelSelectorSchema,
  namespaces: arr(str, { listType: 'atomic' }),
  topologyKey: str,
  namespaceSelector: labelSelectorSchema,
  matchLabelKeys: arr(str, { listType: 'atomic' }),
  mismatchLabelKeys: arr(str, { listType: 'atomic' }),
});

export const weightedPodAffinityTermSchema = obj('v1.WeightedPodAffinityTerm', {
  weight: int32,
  podAffinityTerm: podAffinityTermSchema,
});

export const podAffinitySchema = obj('v1.PodAffinity', {
  requiredDuringSchedulingIgnoredDuringExecution: arr(podAffinityTermSchema, { listType: 'atomic' }),
  preferredDuringSchedulingIgnoredDuringExecution: arr(weightedPodAffinityTermSchema, { listType: 'atomic' }),
});

export const podAntiAffinitySchema = obj('v1.PodAntiAffinity', {
  requiredDuringSchedulingIgnoredDuringExecution: arr(podAffinityTermSchema, { listType: 'atomic' }),
  preferredDuringSchedulingIgnoredDuringExecution: arr(weightedPodAffinityTermSchema, { listType: 'atomic' }),
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
  hostnames: arr(str, { listType: 'atomic' }),
});

export const podDNSConfigOptionSchema = obj('v1.PodDNSConfigOption', {
  name: str,
  value: str,
});

export const podDNSConfigSchema = obj('v1.PodDNSConfig', {
  nameservers: arr(str, { listType: 'atomic' }),
  searches: arr(str, { listType: 'atomic' }),
  options: arr(podDNSConfigOptionSchema, { listType: 'atomic' }),
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
  matchLabelKeys: arr(str, { listType: 'atomic' }),
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
  volumes: arr(volumeSchema, { listType: 'map', listMapKeys: ['name'], patchStrategy: 'merge,retainKeys', patchMergeKey: 'name' }),
  initContainers: arr(containerSchema, { listType: 'map', listMapKeys: ['name'], patchStrategy: 'merge', patchMergeKey: 'name' }),
  containers: arr(containerSchema, { listType: 'map', listMapKeys: ['name'], patchStrategy: 'merge', patchMergeKey: 'name' }),
  ephemeralContainers: arr(ephemeralContainerSchema, { listType: 'map', listMapKeys: ['name'], patchStrategy: 'merge', patchMergeKey: 'name' }),
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
  imagePullSecrets: arr(localObjectReferenceSchema, { listType: 'map', listMapKeys: ['name'], patchStrategy: 'merge', patchMergeKey: 'name' }),
  hostname: str,
  subdomain: str,
  affinity: affinitySchema,
  schedulerName: str,
  tolerations: arr(tolerationSchema, { listType: 'atomic' }),
  hostAliases: arr(hostAliasSchema, { listType: 'map', listMapKeys: ['ip'], patchStrategy: 'merge', patchMergeKey: 'ip' }),
  priorityClassName: str,
  priority: int32,
  dnsConfig: podDNSConfigSchema,
  readinessGates: arr(podReadinessGateSchema, { listType: 'atomic' }),
  runtimeClassName: str,
  enableServiceLinks: bool,
  preemptionPolicy: named('v1.PreemptionPolicy'),
  overhead: mapOf(quantity, 'v1.ResourceList'),
  topologySpreadConstraints: arr(topologySpreadConstraintSchema, { listType: 'map', listMapKeys: ['topologyKey', 'whenUnsatisfiable'], patchStrategy: 'merge', patchMergeKey: 'topologyKey' }),
  setHostnameAsFQDN: bool,
  os: podOSSchema,
  hostUsers: bool,
  schedulingGates: arr(podSchedulingGateSchema, { listType: 'map', listMapKeys: ['name'], patchStrategy: 'merge', patchMergeKey: 'name' }),
  resourceClaims: arr(podResourceClaimSchema, { listType: 'map', listMapKeys: ['name'], patchStrategy: 'merge,retainKeys', patchMergeKey: 'name' }),
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
  requestMappings: arr(containerExtendedResourceRequestSchema, { listType: 'atomic' }),
  resourceClaimName: str,
});

export const nodeAllocatableResourceClaimStatusSchema = obj('v1.NodeAllocatableResourceClaimStatus', {
  resourceClaimName: str,
  containers: arr(str, { listType: 'set' }),
  resources: mapOf(quantity, 'map[v1.ResourceName]quantity'),
});

export const podStatusSchema = obj('v1.PodStatus', {
  observedGeneration: int64,
  phase: named('v1.PodPhase'),
  conditions: arr(podConditionSchema, { listType: 'map', listMapKeys: ['type'], patchStrategy: 'merge', patchMergeKey: 'type' }),
  message: str,
  reason: str,
  nominatedNodeName: str,
  hostIP: str,
  hostIPs: arr(hostIPSchema, { listType: 'atomic', patchStrategy: 'merge', patchMergeKey: 'ip' }),
  podIP: str,
  podIPs: arr(podIPSchema, { listType: 'map', listMapKeys: ['ip'], patchStrategy: 'merge', patchMergeKey: 'ip' }),
  startTime: time,
  initContainerStatuses: arr(containerStatusSchema, { listType: 'atomic' }),
  containerStatuses: arr(containerStatusSchema, { listType: 'atomic' }),
  qosClass: named('v1.PodQOSClass'),
  ephemeralContainerStatuses: arr(containerStatusSchema, { listType: 'atomic' }),
  resize: named('v1.PodResizeStatus'),
  resourceClaimStatuses: arr(podResourceClaimStatusSchema, { listType: 'map', listMapKeys: ['name'], patchStrategy: 'merge,retainKeys', patchMergeKey: 'name' }),
  extendedResourceClaimStatus: podExtendedResourceClaimStatusSchema,
  allocatedResources: mapOf(quantity, 'v1.ResourceList'),
  resources: resourceRequirementsSchema,
  nodeAllocatableResourceClaimStatuses: arr(nodeAllocatableResourceClaimStatusSchema, { listType: 'atomic' }),
});
