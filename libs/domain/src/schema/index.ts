export * from './type-schema';
export * from './schema.registry';
export * from './unknown-fields';
export * from './type-errors';
export * from './openapi-schema';
export * from './go-decode.values';
export {
  objectMetaSchema,
  labelSelectorSchema,
  ownerReferenceSchema,
  managedFieldsEntrySchema,
  conditionSchema,
  deleteOptionsSchema,
} from './meta.schema';
export { containerSchema, ephemeralContainerSchema, probeSchema, resourceRequirementsSchema } from './container.schema';
export { podSpecSchema, podTemplateSpecSchema, affinitySchema, tolerationSchema } from './pod.schema';
export { volumeSchema } from './volume.schema';
