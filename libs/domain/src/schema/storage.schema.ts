import { atomicList, bool, mapOf, named, obj, str } from './schema.builders';
import { objectMetaSchema } from './meta.schema';

export const topologySelectorLabelRequirementSchema = obj('v1.TopologySelectorLabelRequirement', {
  key: str,
  values: atomicList(str),
});

export const topologySelectorTermSchema = obj('v1.TopologySelectorTerm', {
  matchLabelExpressions: atomicList(topologySelectorLabelRequirementSchema),
});

export const storageClassSchema = obj('v1.StorageClass', {
  apiVersion: str,
  kind: str,
  metadata: objectMetaSchema,
  provisioner: str,
  parameters: mapOf(str),
  reclaimPolicy: named('v1.PersistentVolumeReclaimPolicy'),
  mountOptions: atomicList(str),
  allowVolumeExpansion: bool,
  volumeBindingMode: named('v1.VolumeBindingMode'),
  allowedTopologies: atomicList(topologySelectorTermSchema),
});
