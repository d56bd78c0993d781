import type { KubeObject } from '../objects/object-meta';
import { countKeys, list, path, rec, str } from './cells/object.access';
import { accessModes, quantity } from './cells/quantity.format';
import { compare } from './cells/selector.format';
import { AGE_COLUMN, NAME_COLUMN, age, column, defineResource, subresource, wide } from './resource.builder';
import type { ResourceType } from './resource-type';

const BETA_STORAGE_CLASS_ANNOTATION = 'volume.beta.kubernetes.io/storage-class';

const configMaps = defineResource({
  group: '',
  version: 'v1',
  kind: 'ConfigMap',
  plural: 'configmaps',
  namespaced: true,
  shortNames: ['cm'],
  columns: [NAME_COLUMN, column('Data', 'Number of data and binaryData keys.'), AGE_COLUMN],
  cells: (cm, now) => [cm.metadata.name, countKeys(cm.data) + countKeys(cm.binaryData), age(cm, now)],
});

const secrets = defineResource({
  group: '',
  version: 'v1',
  kind: 'Secret',
  plural: 'secrets',
  namespaced: true,
  columns: [
    NAME_COLUMN,
    column('Type', 'Used to facilitate programmatic handling of secret data.'),
    column('Data', 'Number of data keys.'),
    AGE_COLUMN,
  ],
  cells: (secret, now) => [secret.metadata.name, str(secret.type), countKeys(secret.data), age(secret, now)],
  fieldSelectors: { type: (secret) => str(secret.type) },
});

const serviceAccounts = defineResource({
  group: '',
  version: 'v1',
  kind: 'ServiceAccount',
  plural: 'serviceaccounts',
  namespaced: true,
  shortNames: ['sa'],
  subresources: [
    subresource('token', { group: 'authentication.k8s.io', version: 'v1', kind: 'TokenRequest' }, ['create']),
  ],
  columns: [NAME_COLUMN, column('Secrets', 'Number of secrets listed by the service account.'), AGE_COLUMN],
  cells: (sa, now) => [sa.metadata.name, list(sa.secrets).length, age(sa, now)],
});

function annotationOr(obj: KubeObject, annotation: string, fallback: () => string): string {
  const annotations = obj.metadata.annotations ?? {};
  return Object.prototype.hasOwnProperty.call(annotations, annotation) ? annotations[annotation] : fallback();
}

const persistentVolumes = defineResource({
  group: '',
  version: 'v1',
  kind: 'PersistentVolume',
  plural: 'persistentvolumes',
  namespaced: false,
  shortNames: ['pv'],
  status: true,
  columns: [
    NAME_COLUMN,
    column('Capacity', 'The storage capacity of the volume.'),
    column('Access Modes', 'The ways the volume can be mounted.'),
    column('Reclaim Policy', 'What happens to the volume when released from its claim.'),
    column('Status', 'The phase of the volume.'),
    column('Claim', 'The claim bound to the volume.'),
    column('StorageClass', 'StorageClass of the pv'),
    column('VolumeAttributesClass', 'VolumeAttributesClass of the pv'),
    column('Reason', 'Why the volume is in its phase.'),
    AGE_COLUMN,
    wide('VolumeMode', 'Filesystem or Block.'),
  ],
  cells: (pv, now) => {
    const spec = rec(pv.spec);
    const status = rec(pv.status);
    const claimRef = spec.claimRef === undefined || spec.claimRef === null ? undefined : rec(spec.claimRef);
    return [
      pv.metadata.name,
      quantity(rec(spec.capacity).storage),
      accessModes(spec.accessModes),
      str(spec.persistentVolumeReclaimPolicy),
      pv.metadata.deletionTimestamp ? 'Terminating' : str(status.phase),
      claimRef ? `${str(claimRef.namespace)}/${str(claimRef.name)}` : '',
      annotationOr(pv, BETA_STORAGE_CLASS_ANNOTATION, () => str(spec.storageClassName)),
      typeof spec.volumeAttributesClassName === 'string' ? spec.volumeAttributesClassName : '<unset>',
      str(status.reason),
      age(pv, now),
      typeof spec.volumeMode === 'string' ? spec.volumeMode : '<unset>',
    ];
  },
});

const persistentVolumeClaims = defineResource({
  group: '',
  version: 'v1',
  kind: 'PersistentVolumeClaim',
  plural: 'persistentvolumeclaims',
  namespaced: true,
  shortNames: ['pvc'],
  status: true,
  columns: [
    NAME_COLUMN,
    column('Status', 'The phase of the claim.'),
    column('Volume', 'The volume bound to the claim.'),
    column('Capacity', 'The capacity of the bound volume.'),
    column('Access Modes', 'The access modes of the bound volume.'),
    column('StorageClass', 'StorageClass of the pvc'),
    column('VolumeAttributesClass', 'VolumeAttributesClass of the pvc'),
    AGE_COLUMN,
    wide('VolumeMode', 'Filesystem or Block.'),
  ],
  cells: (pvc, now) => {
    const spec = rec(pvc.spec);
    const status = rec(pvc.status);
    const bound = str(spec.volumeName) !== '';
    return [
      pvc.metadata.name,
      pvc.metadata.deletionTimestamp ? 'Terminating' : str(status.phase),
      str(spec.volumeName),
      bound ? quantity(rec(status.capacity).storage) : '',
      bound ? accessModes(status.accessModes) : '',
      annotationOr(pvc, BETA_STORAGE_CLASS_ANNOTATION, () => str(spec.storageClassName)),
      typeof spec.volumeAttributesClassName === 'string' ? spec.volumeAttributesClassName : '<unset>',
      age(pvc, now),
      typeof spec.volumeMode === 'string' ? spec.volumeMode : '<unset>',
    ];
  },
});

const limitRanges = defineResource({
  group: '',
  version: 'v1',
  kind: 'LimitRange',
  plural: 'limitranges',
  namespaced: true,
  shortNames: ['limits'],
});

const resourceQuotas = defineResource({
  group: '',
  version: 'v1',
  kind: 'ResourceQuota',
  plural: 'resourcequotas',
  namespaced: true,
  shortNames: ['quota'],
  status: true,
  columns: [
    NAME_COLUMN,
    column('Request', 'Request represents a minimum amount of cpu/memory that a container may consume.'),
    column('Limit', 'Limits control the maximum amount of cpu/memory that a container may use independent of contention on the node.'),
    AGE_COLUMN,
  ],
  cells: (quota, now) => {
    const hard = rec(path(quota, 'status').hard);
    const used = rec(path(quota, 'status').used);
    const requests: string[] = [];
    const limits: string[] = [];
    for (const name of Object.keys(hard).sort(compare)) {
      const text = `${name}: ${quantity(used[name])}/${quantity(hard[name])}`;
      const [prefix, ...rest] = name.split('.');
      (rest.length > 0 && prefix === 'limits' ? limits : requests).push(text);
    }
    return [quota.metadata.name, requests.join(', '), limits.join(', '), age(quota, now)];
  },
});

export const coreConfigResources: ResourceType[] = [
  configMaps,
  secrets,
  serviceAccounts,
  persistentVolumes,
  persistentVolumeClaims,
  limitRanges,
  resourceQuotas,
];

