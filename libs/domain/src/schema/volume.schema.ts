import { atomicList, bool, int32, int64, mapOf, mergeList, named, obj, quantity, str, time } from './schema.builders';
import { labelSelectorSchema, objectMetaSchema } from './meta.schema';

export const hostPathVolumeSourceSchema = obj('v1.HostPathVolumeSource', {
  path: str,
  type: named('v1.HostPathType'),
});

export const emptyDirVolumeSourceSchema = obj('v1.EmptyDirVolumeSource', {
  medium: named('v1.StorageMedium'),
  sizeLimit: quantity,
});

export const gcePersistentDiskVolumeSourceSchema = obj('v1.GCEPersistentDiskVolumeSource', {
  pdName: str,
  fsType: str,
  partition: int32,
  readOnly: bool,
});

export const awsElasticBlockStoreVolumeSourceSchema = obj('v1.AWSElasticBlockStoreVolumeSource', {
  volumeID: str,
  fsType: str,
  partition: int32,
  readOnly: bool,
});

export const gitRepoVolumeSourceSchema = obj('v1.GitRepoVolumeSource', {
  repository: str,
  revision: str,
  directory: str,
});

export const keyToPathSchema = obj('v1.KeyToPath', {
  key: str,
  path: str,
  mode: int32,
});

export const secretVolumeSourceSchema = obj('v1.SecretVolumeSource', {
  secretName: str,
  items: atomicList(keyToPathSchema),
  defaultMode: int32,
  optional: bool,
});

export const nfsVolumeSourceSchema = obj('v1.NFSVolumeSource', {
  server: str,
  path: str,
  readOnly: bool,
});

export const localObjectReferenceSchema = obj('v1.LocalObjectReference', {
  name: str,
});

export const iscsiVolumeSourceSchema = obj('v1.ISCSIVolumeSource', {
  targetPortal: str,
  iqn: str,
  lun: int32,
  iscsiInterface: str,
  fsType: str,
  readOnly: bool,
  portals: atomicList(str),
  chapAuthDiscovery: bool,
  chapAuthSession: bool,
  secretRef: localObjectReferenceSchema,
  initiatorName: str,
});

export const glusterfsVolumeSourceSchema = obj('v1.GlusterfsVolumeSource', {
  endpoints: str,
  path: str,
  readOnly: bool,
});

export const persistentVolumeClaimVolumeSourceSchema = obj('v1.PersistentVolumeClaimVolumeSource', {
  claimName: str,
  readOnly: bool,
});

export const rbdVolumeSourceSchema = obj('v1.RBDVolumeSource', {
  monitors: atomicList(str),
  image: str,
  fsType: str,
  pool: str,
  user: str,
  keyring: str,
  secretRef: localObjectReferenceSchema,
  readOnly: bool,
});

export const flexVolumeSourceSchema = obj('v1.FlexVolumeSource', {
  driver: str,
  fsType: str,
  secretRef: localObjectReferenceSchema,
  readOnly: bool,
  options: mapOf(str),
});

export const cinderVolumeSourceSchema = obj('v1.CinderVolumeSource', {
  volumeID: str,
  fsType: str,
  readOnly: bool,
  secretRef: localObjectReferenceSchema,
});

export const cephFSVolumeSourceSchema = obj('v1.CephFSVolumeSource', {
  monitors: atomicList(str),
  path: str,
  user: str,
  secretFile: str,
  secretRef: localObjectReferenceSchema,
  readOnly: bool,
});

export const flockerVolumeSourceSchema = obj('v1.FlockerVolumeSource', {
  datasetName: str,
  datasetUUID: str,
});

export const objectFieldSelectorSchema = obj('v1.ObjectFieldSelector', {
  apiVersion: str,
  fieldPath: str,
});

export const resourceFieldSelectorSchema = obj('v1.ResourceFieldSelector', {
  containerName: str,
  resource: str,
  divisor: quantity,
});

export const downwardAPIVolumeFileSchema = obj('v1.DownwardAPIVolumeFile', {
  path: str,
  fieldRef: objectFieldSelectorSchema,
  resourceFieldRef: resourceFieldSelectorSchema,
  mode: int32,
});

export const downwardAPIVolumeSourceSchema = obj('v1.DownwardAPIVolumeSource', {
  items: atomicList(downwardAPIVolumeFileSchema),
  defaultMode: int32,
});

export const fcVolumeSourceSchema = obj('v1.FCVolumeSource', {
  targetWWNs: atomicList(str),
  lun: int32,
  fsType: str,
  readOnly: bool,
  wwids: atomicList(str),
});

export const azureFileVolumeSourceSchema = obj('v1.AzureFileVolumeSource', {
  secretName: str,
  shareName: str,
  readOnly: bool,
});

export const configMapVolumeSourceSchema = obj('v1.ConfigMapVolumeSource', {
  name: str,
  items: atomicList(keyToPathSchema),
  defaultMode: int32,
  optional: bool,
});

export const vsphereVirtualDiskVolumeSourceSchema = obj('v1.VsphereVirtualDiskVolumeSource', {
  volumePath: str,
  fsType: str,
  storagePolicyName: str,
  storagePolicyID: str,
});

export const quobyteVolumeSourceSchema = obj('v1.QuobyteVolumeSource', {
  registry: str,
  volume: str,
  readOnly: bool,
  user: str,
  group: str,
  tenant: str,
});

export const azureDiskVolumeSourceSchema = obj('v1.AzureDiskVolumeSource', {
  diskName: str,
  diskURI: str,
  cachingMode: named('v1.AzureDataDiskCachingMode'),
  fsType: str,
  readOnly: bool,
  kind: named('v1.AzureDataDiskKind'),
});

export const photonPersistentDiskVolumeSourceSchema = obj('v1.PhotonPersistentDiskVolumeSource', {
  pdID: str,
  fsType: str,
});

export const secretProjectionSchema = obj('v1.SecretProjection', {
  name: str,
  items: atomicList(keyToPathSchema),
  optional: bool,
});

export const downwardAPIProjectionSchema = obj('v1.DownwardAPIProjection', {
  items: atomicList(downwardAPIVolumeFileSchema),
});

export const configMapProjectionSchema = obj('v1.ConfigMapProjection', {
  name: str,
  items: atomicList(keyToPathSchema),
  optional: bool,
});

export const serviceAccountTokenProjectionSchema = obj('v1.ServiceAccountTokenProjection', {
  audience: str,
  expirationSeconds: int64,
  path: str,
});

export const clusterTrustBundleProjectionSchema = obj('v1.ClusterTrustBundleProjection', {
  name: str,
  signerName: str,
  labelSelector: labelSelectorSchema,
  optional: bool,
  path: str,
});

export const podCertificateProjectionSchema = obj('v1.PodCertificateProjection', {
  signerName: str,
  keyType: str,
  maxExpirationSeconds: int32,
  credentialBundlePath: str,
  keyPath: str,
  certificateChainPath: str,
  userAnnotations: mapOf(str),
});

export const volumeProjectionSchema = obj('v1.VolumeProjection', {
  secret: secretProjectionSchema,
  downwardAPI: downwardAPIProjectionSchema,
  configMap: configMapProjectionSchema,
  serviceAccountToken: serviceAccountTokenProjectionSchema,
  clusterTrustBundle: clusterTrustBundleProjectionSchema,
  podCertificate: podCertificateProjectionSchema,
});

export const projectedVolumeSourceSchema = obj('v1.ProjectedVolumeSource', {
  sources: atomicList(volumeProjectionSchema),
  defaultMode: int32,
});

export const portworxVolumeSourceSchema = obj('v1.PortworxVolumeSource', {
  volumeID: str,
  fsType: str,
  readOnly: bool,
});

export const scaleIOVolumeSourceSchema = obj('v1.ScaleIOVolumeSource', {
  gateway: str,
  system: str,
  secretRef: localObjectReferenceSchema,
  sslEnabled: bool,
  protectionDomain: str,
  storagePool: str,
  storageMode: str,
  volumeName: str,
  fsType: str,
  readOnly: bool,
});

export const storageOSVolumeSourceSchema = obj('v1.StorageOSVolumeSource', {
  volumeName: str,
  volumeNamespace: str,
  fsType: str,
  readOnly: bool,
  secretRef: localObjectReferenceSchema,
});

export const csiVolumeSourceSchema = obj('v1.CSIVolumeSource', {
  driver: str,
  readOnly: bool,
  fsType: str,
  volumeAttributes: mapOf(str),
  nodePublishSecretRef: localObjectReferenceSchema,
});

export const volumeResourceRequirementsSchema = obj('v1.VolumeResourceRequirements', {
  limits: mapOf(quantity, 'v1.ResourceList'),
  requests: mapOf(quantity, 'v1.ResourceList'),
});

export const typedLocalObjectReferenceSchema = obj('v1.TypedLocalObjectReference', {
  apiGroup: str,
  kind: str,
  name: str,
});

export const typedObjectReferenceSchema = obj('v1.TypedObjectReference', {
  apiGroup: str,
  kind: str,
  name: str,
  namespace: str,
});

export const persistentVolumeClaimSpecSchema = obj('v1.PersistentVolumeClaimSpec', {
  accessModes: atomicList(named('v1.PersistentVolumeAccessMode')),
  selector: labelSelectorSchema,
  resources: volumeResourceRequirementsSchema,
  volumeName: str,
  storageClassName: str,
  volumeMode: named('v1.PersistentVolumeMode'),
  dataSource: typedLocalObjectReferenceSchema,
  dataSourceRef: typedObjectReferenceSchema,
  volumeAttributesClassName: str,
});

export const persistentVolumeClaimTemplateSchema = obj('v1.PersistentVolumeClaimTemplate', {
  metadata: objectMetaSchema,
  spec: persistentVolumeClaimSpecSchema,
});

export const ephemeralVolumeSourceSchema = obj('v1.EphemeralVolumeSource', {
  volumeClaimTemplate: persistentVolumeClaimTemplateSchema,
});

export const imageVolumeSourceSchema = obj('v1.ImageVolumeSource', {
  reference: str,
  pullPolicy: named('v1.PullPolicy'),
});

export const volumeSchema = obj('v1.Volume', {
  name: str,
  hostPath: hostPathVolumeSourceSchema,
  emptyDir: emptyDirVolumeSourceSchema,
  gcePersistentDisk: gcePersistentDiskVolumeSourceSchema,
  awsElasticBlockStore: awsElasticBlockStoreVolumeSourceSchema,
  gitRepo: gitRepoVolumeSourceSchema,
  secret: secretVolumeSourceSchema,
  nfs: nfsVolumeSourceSchema,
  iscsi: iscsiVolumeSourceSchema,
  glusterfs: glusterfsVolumeSourceSchema,
  persistentVolumeClaim: persistentVolumeClaimVolumeSourceSchema,
  rbd: rbdVolumeSourceSchema,
  flexVolume: flexVolumeSourceSchema,
  cinder: cinderVolumeSourceSchema,
  cephfs: cephFSVolumeSourceSchema,
  flocker: flockerVolumeSourceSchema,
  downwardAPI: downwardAPIVolumeSourceSchema,
  fc: fcVolumeSourceSchema,
  azureFile: azureFileVolumeSourceSchema,
  configMap: configMapVolumeSourceSchema,
  vsphereVolume: vsphereVirtualDiskVolumeSourceSchema,
  quobyte: quobyteVolumeSourceSchema,
  azureDisk: azureDiskVolumeSourceSchema,
  photonPersistentDisk: photonPersistentDiskVolumeSourceSchema,
  projected: projectedVolumeSourceSchema,
  portworxVolume: portworxVolumeSourceSchema,
  scaleIO: scaleIOVolumeSourceSchema,
  storageos: storageOSVolumeSourceSchema,
  csi: csiVolumeSourceSchema,
  ephemeral: ephemeralVolumeSourceSchema,
  image: imageVolumeSourceSchema,
});

export const glusterfsPersistentVolumeSourceSchema = obj('v1.GlusterfsPersistentVolumeSource', {
  endpoints: str,
  path: str,
  readOnly: bool,
  endpointsNamespace: str,
});

export const secretReferenceSchema = obj('v1.SecretReference', {
  name: str,
  namespace: str,
});

export const rbdPersistentVolumeSourceSchema = obj('v1.RBDPersistentVolumeSource', {
  monitors: atomicList(str),
  image: str,
  fsType: str,
  pool: str,
  user: str,
  keyring: str,
  secretRef: secretReferenceSchema,
  readOnly: bool,
});

export const iscsiPersistentVolumeSourceSchema = obj('v1.ISCSIPersistentVolumeSource', {
  targetPortal: str,
  iqn: str,
  lun: int32,
  iscsiInterface: str,
  fsType: str,
  readOnly: bool,
  portals: atomicList(str),
  chapAuthDiscovery: bool,
  chapAuthSession: bool,
  secretRef: secretReferenceSchema,
  initiatorName: str,
});

export const cinderPersistentVolumeSourceSchema = obj('v1.CinderPersistentVolumeSource', {
  volumeID: str,
  fsType: str,
  readOnly: bool,
  secretRef: secretReferenceSchema,
});

export const cephFSPersistentVolumeSourceSchema = obj('v1.CephFSPersistentVolumeSource', {
  monitors: atomicList(str),
  path: str,
  user: str,
  secretFile: str,
  secretRef: secretReferenceSchema,
  readOnly: bool,
});

export const flexPersistentVolumeSourceSchema = obj('v1.FlexPersistentVolumeSource', {
  driver: str,
  fsType: str,
  secretRef: secretReferenceSchema,
  readOnly: bool,
  options: mapOf(str),
});

export const azureFilePersistentVolumeSourceSchema = obj('v1.AzureFilePersistentVolumeSource', {
  secretName: str,
  shareName: str,
  readOnly: bool,
  secretNamespace: str,
});

export const scaleIOPersistentVolumeSourceSchema = obj('v1.ScaleIOPersistentVolumeSource', {
  gateway: str,
  system: str,
  secretRef: secretReferenceSchema,
  sslEnabled: bool,
  protectionDomain: str,
  storagePool: str,
  storageMode: str,
  volumeName: str,
  fsType: str,
  readOnly: bool,
});

export const localVolumeSourceSchema = obj('v1.LocalVolumeSource', {
  path: str,
  fsType: str,
});

export const objectReferenceSchema = obj('v1.ObjectReference', {
  kind: str,
  namespace: str,
  name: str,
  uid: named('types.UID'),
  apiVersion: str,
  resourceVersion: str,
  fieldPath: str,
});

export const storageOSPersistentVolumeSourceSchema = obj('v1.StorageOSPersistentVolumeSource', {
  volumeName: str,
  volumeNamespace: str,
  fsType: str,
  readOnly: bool,
  secretRef: objectReferenceSchema,
});

export const csiPersistentVolumeSourceSchema = obj('v1.CSIPersistentVolumeSource', {
  driver: str,
  volumeHandle: str,
  readOnly: bool,
  fsType: str,
  volumeAttributes: mapOf(str),
  controllerPublishSecretRef: secretReferenceSchema,
  nodeStageSecretRef: secretReferenceSchema,
  nodePublishSecretRef: secretReferenceSchema,
  controllerExpandSecretRef: secretReferenceSchema,
  nodeExpandSecretRef: secretReferenceSchema,
});

export const nodeSelectorRequirementSchema = obj('v1.NodeSelectorRequirement', {
  key: str,
  operator: named('v1.NodeSelectorOperator'),
  values: atomicList(str),
});

export const nodeSelectorTermSchema = obj('v1.NodeSelectorTerm', {
  matchExpressions: atomicList(nodeSelectorRequirementSchema),
  matchFields: atomicList(nodeSelectorRequirementSchema),
});

export const nodeSelectorSchema = obj('v1.NodeSelector', {
  nodeSelectorTerms: atomicList(nodeSelectorTermSchema),
});

export const volumeNodeAffinitySchema = obj('v1.VolumeNodeAffinity', {
  required: nodeSelectorSchema,
});

export const persistentVolumeSpecSchema = obj('v1.PersistentVolumeSpec', {
  capacity: mapOf(quantity, 'v1.ResourceList'),
  gcePersistentDisk: gcePersistentDiskVolumeSourceSchema,
  awsElasticBlockStore: awsElasticBlockStoreVolumeSourceSchema,
  hostPath: hostPathVolumeSourceSchema,
  glusterfs: glusterfsPersistentVolumeSourceSchema,
  nfs: nfsVolumeSourceSchema,
  rbd: rbdPersistentVolumeSourceSchema,
  iscsi: iscsiPersistentVolumeSourceSchema,
  cinder: cinderPersistentVolumeSourceSchema,
  cephfs: cephFSPersistentVolumeSourceSchema,
  fc: fcVolumeSourceSchema,
  flocker: flockerVolumeSourceSchema,
  flexVolume: flexPersistentVolumeSourceSchema,
  azureFile: azureFilePersistentVolumeSourceSchema,
  vsphereVolume: vsphereVirtualDiskVolumeSourceSchema,
  quobyte: quobyteVolumeSourceSchema,
  azureDisk: azureDiskVolumeSourceSchema,
  photonPersistentDisk: photonPersistentDiskVolumeSourceSchema,
  portworxVolume: portworxVolumeSourceSchema,
  scaleIO: scaleIOPersistentVolumeSourceSchema,
  local: localVolumeSourceSchema,
  storageos: storageOSPersistentVolumeSourceSchema,
  csi: csiPersistentVolumeSourceSchema,
  accessModes: atomicList(named('v1.PersistentVolumeAccessMode')),
  claimRef: objectReferenceSchema,
  persistentVolumeReclaimPolicy: named('v1.PersistentVolumeReclaimPolicy'),
  storageClassName: str,
  mountOptions: atomicList(str),
  volumeMode: named('v1.PersistentVolumeMode'),
  nodeAffinity: volumeNodeAffinitySchema,
  volumeAttributesClassName: str,
});

export const persistentVolumeClaimConditionSchema = obj('v1.PersistentVolumeClaimCondition', {
  type: named('v1.PersistentVolumeClaimConditionType'),
  status: named('v1.ConditionStatus'),
  lastProbeTime: time,
  lastTransitionTime: time,
  reason: str,
  message: str,
});

export const modifyVolumeStatusSchema = obj('v1.ModifyVolumeStatus', {
  targetVolumeAttributesClassName: str,
  status: named('v1.PersistentVolumeClaimModifyVolumeStatus'),
});

export const persistentVolumeClaimStatusSchema = obj('v1.PersistentVolumeClaimStatus', {
  phase: named('v1.PersistentVolumeClaimPhase'),
  accessModes: atomicList(named('v1.PersistentVolumeAccessMode')),
  capacity: mapOf(quantity, 'v1.ResourceList'),
  conditions: mergeList(persistentVolumeClaimConditionSchema, 'type'),
  allocatedResources: mapOf(quantity, 'v1.ResourceList'),
  allocatedResourceStatuses: mapOf(named('v1.ClaimResourceStatus'), 'map[v1.ResourceName]v1.ClaimResourceStatus'),
  currentVolumeAttributesClassName: str,
  modifyVolumeStatus: modifyVolumeStatusSchema,
});
