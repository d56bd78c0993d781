import type { KubeObject } from '../objects/object-meta';
import { str } from './cells/object.access';
import { AGE_COLUMN, NAME_COLUMN, age, column, defineResource } from './resource.builder';
import type { ResourceType } from './resource-type';

const DEFAULT_CLASS_ANNOTATIONS = [
  'storageclass.kubernetes.io/is-default-class',
  'storageclass.beta.kubernetes.io/is-default-class',
];

function isDefaultClass(sc: KubeObject): boolean {
  const annotations = sc.metadata.annotations ?? {};
  return DEFAULT_CLASS_ANNOTATIONS.some((key) => annotations[key] === 'true');
}

const storageClasses = defineResource({
  group: 'storage.k8s.io',
  version: 'v1',
  kind: 'StorageClass',
  plural: 'storageclasses',
  namespaced: false,
  shortNames: ['sc'],
  columns: [
    NAME_COLUMN,
    column('Provisioner', 'The provisioner of volumes of this class.'),
    column('ReclaimPolicy', 'The reclaim policy of volumes of this class.'),
    column('VolumeBindingMode', 'When volumes of this class are bound and provisioned.'),
    column('AllowVolumeExpansion', 'Whether volumes of this class can be expanded.'),
    AGE_COLUMN,
  ],
  cells: (sc, now) => [
    isDefaultClass(sc) ? `${sc.metadata.name ?? ''} (default)` : sc.metadata.name,
    str(sc.provisioner),
    str(sc.reclaimPolicy) || 'Delete',
    str(sc.volumeBindingMode) || 'Immediate',
    sc.allowVolumeExpansion === true,
    age(sc, now),
  ],
});

export const storageResources: ResourceType[] = [storageClasses];
