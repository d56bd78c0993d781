/**
 * A structural schema of a Kubernetes type: enough to find unknown fields (fieldValidation=Strict), to merge lists
 * by key (strategic merge patch), to track list items in managedFields (server-side apply) and to publish
 * /openapi/v3 schemas. One tree per kind; shared sub-trees (PodSpec, ObjectMeta…) are the same objects.
 */
export type SchemaType =
  | 'object' // closed set of `fields`
  | 'map' // free keys, each value of `additional` (labels, annotations, data)
  | 'array'
  | 'string'
  | 'integer'
  | 'number'
  | 'boolean'
  | 'int-or-string'
  | 'quantity'
  | 'time' // RFC 3339 string
  | 'bytes' // base64 string in JSON
  | 'any'; // anything goes, nothing below is checked (RawExtension, JSON)

export interface TypeSchema {
  type: SchemaType;
  /** For `object`: its known fields. A field given as a function is resolved lazily (recursive types). */
  fields?: Record<string, TypeSchema | (() => TypeSchema)>;
  /** For `map`: the schema of every value. */
  additional?: TypeSchema;
  /** For `array`: the element schema. */
  items?: TypeSchema;
  /** Server-side apply list semantics (x-kubernetes-list-type). Arrays default to `atomic`. */
  listType?: 'atomic' | 'set' | 'map';
  /** For listType `map`: the key fields (x-kubernetes-list-map-keys). */
  listMapKeys?: string[];
  /** Strategic merge patch strategy (x-kubernetes-patch-strategy). */
  patchStrategy?: 'merge' | 'replace' | 'retainKeys' | 'merge,retainKeys';
  /** Strategic merge patch key for lists of objects (x-kubernetes-patch-merge-key). */
  patchMergeKey?: string;
  /** For `object`: fields not listed are kept and not reported unknown (x-kubernetes-preserve-unknown-fields). */
  preserveUnknownFields?: boolean;
  /** Width of `integer` / `number` values (OpenAPI `format`). */
  format?: 'int32' | 'int64' | 'double';
  /**
   * The upstream Go type as Go prints it (`v1.DeploymentSpec`, `v1.Protocol`, `types.UID`), used to word decode
   * errors the way kube-apiserver does. Derived from `type`/`format` when absent.
   */
  goType?: string;
  /** Enum values, when the upstream type documents a closed set. */
  enum?: string[];
  description?: string;
}

/** Resolves one field of an object schema, following lazy references. */
export function fieldSchema(schema: TypeSchema | undefined, name: string): TypeSchema | undefined {
  const f = schema?.fields?.[name];
  return typeof f === 'function' ? f() : f;
}
