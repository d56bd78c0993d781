import { arr, bool, mapOf, named, obj, str } from './schema.builders';
import { objectMetaSchema } from './meta.schema';

export const topologySelectorLabelRequirementSchema = obj('v1.TopologySelectorLabelRequirement', {
  key: str,
  values: arr(str, { listType: 'atomic' }),
});

export const topologySelectorTermSchema = obj('v1.TopologySelectorTerm', {
  matchLabelExpressions: arr(topologySelectorLabelRequirementSchema, { listType: 'atomic' }),
});

export const storageClassSchema = obj('v1.StorageClass', {
  apiVersion: str,
  kind: str,
  metadata: objectMetaSchema,
  provisioner: str,
  parameters: mapOf(str),
  reclaimPolicy: named('v1.PersistentVolumeReclaimPolicy'),
  mountOptions: arr(str, { listType: 'atomic' }),
  allowVolumeExpansion: bool,
  volumeBindingMode: named('v1.VolumeBindingMode'),
  allowedTopologies: arr(topologySelectorTermSchema, { listType: 'atomic' }),
});
