import {
  atomicList,
  bool,
  int32,
  int64,
  intOrString,
  mapList,
  mapOf,
  mergeList,
  named,
  obj,
  quantity,
  setList,
  str,
  time,
} from './schema.builders';
import { objectFieldSelectorSchema, resourceFieldSelectorSchema } from './volume.schema';

export const containerPortSchema = obj('v1.ContainerPort', {
  name: str,
  hostPort: int32,
  containerPort: int32,
  protocol: named('v1.Protocol'),
  hostIP: str,
});

export const configMapEnvSourceSchema = obj('v1.ConfigMapEnvSource', {
  name: str,
  optional: bool,
});

export const secretEnvSourceSchema = obj('v1.SecretEnvSource', {
  name: str,
  optional: bool,
});

export const envFromSourceSchema = obj('v1.EnvFromSource', {
  prefix: str,
  configMapRef: configMapEnvSourceSchema,
  secretRef: secretEnvSourceSchema,
});

export const configMapKeySelectorSchema = obj('v1.ConfigMapKeySelector', {
  name: str,
  key: str,
  optional: bool,
});

export const secretKeySelectorSchema = obj('v1.SecretKeySelector', {
  name: str,
  key: str,
  optional: bool,
});

export const fileKeySelectorSchema = obj('v1.FileKeySelector', {
  volumeName: str,
  path: str,
  key: str,
  optional: bool,
});

export const envVarSourceSchema = obj('v1.EnvVarSource', {
  fieldRef: objectFieldSelectorSchema,
  resourceFieldRef: resourceFieldSelectorSchema,
  configMapKeyRef: configMapKeySelectorSchema,
  secretKeyRef: secretKeySelectorSchema,
  fileKeyRef: fileKeySelectorSchema,
});

export const envVarSchema = obj('v1.EnvVar', {
  name: str,
  value: str,
  valueFrom: envVarSourceSchema,
});

export const resourceClaimSchema = obj('v1.ResourceClaim', {
  name: str,
  request: str,
});

export const resourceRequirementsSchema = obj('v1.ResourceRequirements', {
  limits: mapOf(quantity, 'v1.ResourceList'),
  requests: mapOf(quantity, 'v1.ResourceList'),
  claims: mapList(resourceClaimSchema, ['name']),
});

export const containerResizePolicySchema = obj('v1.ContainerResizePolicy', {
  resourceName: named('v1.ResourceName'),
  restartPolicy: named('v1.ResourceResizeRestartPolicy'),
});

export const containerRestartRuleOnExitCodesSchema = obj('v1.ContainerRestartRuleOnExitCodes', {
  operator: named('v1.ContainerRestartRuleOnExitCodesOperator'),
  values: setList(int32),
});

export const containerRestartRuleSchema = obj('v1.ContainerRestartRule', {
  action: named('v1.ContainerRestartRuleAction'),
  exitCodes: containerRestartRuleOnExitCodesSchema,
});

export const volumeMountSchema = obj('v1.VolumeMount', {
  name: str,
  readOnly: bool,
  recursiveReadOnly: named('v1.RecursiveReadOnlyMode'),
  mountPath: str,
  subPath: str,
  mountPropagation: named('v1.MountPropagationMode'),
  subPathExpr: str,
});

export const volumeDeviceSchema = obj('v1.VolumeDevice', {
  name: str,
  devicePath: str,
});

export const execActionSchema = obj('v1.ExecAction', {
  command: atomicList(str),
});

export const httpHeaderSchema = obj('v1.HTTPHeader', {
  name: str,
  value: str,
});

export const httpGetActionSchema = obj('v1.HTTPGetAction', {
  path: str,
  port: intOrString,
  host: str,
  scheme: named('v1.URIScheme'),
  httpHeaders: atomicList(httpHeaderSchema),
});

export const tcpSocketActionSchema = obj('v1.TCPSocketAction', {
  port: intOrString,
  host: str,
});

export const grpcActionSchema = obj('v1.GRPCAction', {
  port: int32,
  service: str,
});

export const probeSchema = obj('v1.Probe', {
  exec: execActionSchema,
  httpGet: httpGetActionSchema,
  tcpSocket: tcpSocketActionSchema,
  grpc: grpcActionSchema,
  initialDelaySeconds: int32,
  timeoutSeconds: int32,
  periodSeconds: int32,
  successThreshold: int32,
  failureThreshold: int32,
  terminationGracePeriodSeconds: int64,
});

export const sleepActionSchema = obj('v1.SleepAction', {
  seconds: int64,
});

export const lifecycleHandlerSchema = obj('v1.LifecycleHandler', {
  exec: execActionSchema,
  httpGet: httpGetActionSchema,
  tcpSocket: tcpSocketActionSchema,
  sleep: sleepActionSchema,
});

export const lifecycleSchema = obj('v1.Lifecycle', {
  postStart: lifecycleHandlerSchema,
  preStop: lifecycleHandlerSchema,
  stopSignal: named('v1.Signal'),
});

export const capabilitiesSchema = obj('v1.Capabilities', {
  add: atomicList(named('v1.Capability')),
  drop: atomicList(named('v1.Capability')),
});

export const seLinuxOptionsSchema = obj('v1.SELinuxOptions', {
  user: str,
  role: str,
  type: str,
  level: str,
});

export const windowsSecurityContextOptionsSchema = obj('v1.WindowsSecurityContextOptions', {
  gmsaCredentialSpecName: str,
  gmsaCredentialSpec: str,
  runAsUserName: str,
  hostProcess: bool,
});

export const seccompProfileSchema = obj('v1.SeccompProfile', {
  type: named('v1.SeccompProfileType'),
  localhostProfile: str,
});

export const appArmorProfileSchema = obj('v1.AppArmorProfile', {
  type: named('v1.AppArmorProfileType'),
  localhostProfile: str,
});

export const securityContextSchema = obj('v1.SecurityContext', {
  capabilities: capabilitiesSchema,
  privileged: bool,
  seLinuxOptions: seLinuxOptionsSchema,
  windowsOptions: windowsSecurityContextOptionsSchema,
  runAsUser: int64,
  runAsGroup: int64,
  runAsNonRoot: bool,
  readOnlyRootFilesystem: bool,
  allowPrivilegeEscalation: bool,
  procMount: named('v1.ProcMountType'),
  seccompProfile: seccompProfileSchema,
  appArmorProfile: appArmorProfileSchema,
});

/** The fields of a container, shared by Container and EphemeralContainer (which adds targetContainerName). */
const containerFields = {
  name: str,
  image: str,
  command: atomicList(str),
  args: atomicList(str),
  workingDir: str,
  ports: mergeList(containerPortSchema, 'containerPort', { mapKeys: ['containerPort', 'protocol'] }),
  envFrom: atomicList(envFromSourceSchema),
  env: mergeList(envVarSchema, 'name'),
  resources: resourceRequirementsSchema,
  resizePolicy: atomicList(containerResizePolicySchema),
  restartPolicy: named('v1.ContainerRestartPolicy'),
  restartPolicyRules: atomicList(containerRestartRuleSchema),
  volumeMounts: mergeList(volumeMountSchema, 'mountPath'),
  volumeDevices: mergeList(volumeDeviceSchema, 'devicePath'),
  livenessProbe: probeSchema,
  readinessProbe: probeSchema,
  startupProbe: probeSchema,
  lifecycle: lifecycleSchema,
  terminationMessagePath: str,
  terminationMessagePolicy: named('v1.TerminationMessagePolicy'),
  imagePullPolicy: named('v1.PullPolicy'),
  securityContext: securityContextSchema,
  stdin: bool,
  stdinOnce: bool,
  tty: bool,
};

export const containerSchema = obj('v1.Container', containerFields);

export const ephemeralContainerSchema = obj('v1.EphemeralContainer', { ...containerFields, targetContainerName: str });

export const containerStateWaitingSchema = obj('v1.ContainerStateWaiting', {
  reason: str,
  message: str,
});

export const containerStateRunningSchema = obj('v1.ContainerStateRunning', {
  startedAt: time,
});

export const containerStateTerminatedSchema = obj('v1.ContainerStateTerminated', {
  exitCode: int32,
  signal: int32,
  reason: str,
  message: str,
  startedAt: time,
  finishedAt: time,
  containerID: str,
});

export const containerStateSchema = obj('v1.ContainerState', {
  waiting: containerStateWaitingSchema,
  running: containerStateRunningSchema,
  terminated: containerStateTerminatedSchema,
});

export const imageVolumeStatusSchema = obj('v1.ImageVolumeStatus', {
  imageRef: str,
});

export const volumeStatusSchema = obj('v1.VolumeStatus', {
  image: imageVolumeStatusSchema,
});

export const volumeMountStatusSchema = obj('v1.VolumeMountStatus', {
  name: str,
  mountPath: str,
  readOnly: bool,
  recursiveReadOnly: named('v1.RecursiveReadOnlyMode'),
  volumeStatus: volumeStatusSchema,
});

export const linuxContainerUserSchema = obj('v1.LinuxContainerUser', {
  uid: int64,
  gid: int64,
  supplementalGroups: atomicList(int64),
});

export const containerUserSchema = obj('v1.ContainerUser', {
  linux: linuxContainerUserSchema,
});

export const resourceHealthSchema = obj('v1.ResourceHealth', {
  resourceID: named('v1.ResourceID'),
  health: named('v1.ResourceHealthStatus'),
  message: str,
});

export const resourceStatusSchema = obj('v1.ResourceStatus', {
  name: named('v1.ResourceName'),
  resources: mapList(resourceHealthSchema, ['resourceID']),
});

export const containerStatusSchema = obj('v1.ContainerStatus', {
  name: str,
  state: containerStateSchema,
  lastState: containerStateSchema,
  ready: bool,
  restartCount: int32,
  image: str,
  imageID: str,
  containerID: str,
  started: bool,
  allocatedResources: mapOf(quantity, 'v1.ResourceList'),
  resources: resourceRequirementsSchema,
  volumeMounts: mergeList(volumeMountStatusSchema, 'mountPath'),
  user: containerUserSchema,
  allocatedResourcesStatus: mergeList(resourceStatusSchema, 'name'),
  stopSignal: named('v1.Signal'),
});
