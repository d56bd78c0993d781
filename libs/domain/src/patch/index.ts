export * from './json-merge-patch';
export * from './json-patch';
export * from './json-pointer';
export * from './strategic-merge-patch';
export * from './server-side-apply';
export * from './managed-fields.update';
export { ApplyConflictError, PatchRejectedError, PatchServerError } from './patch.errors';
export type { FieldSet, FieldPath } from './field-set';
export { fromFieldsV1, toFieldsV1, formatFieldPath } from './field-set';
