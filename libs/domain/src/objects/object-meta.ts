/** The parts of Kubernetes object metadata that Flotilla reads or maintains. */
export interface OwnerReference {
  apiVersion: string;
  kind: string;
  name: string;
  uid: string;
  controller?: boolean;
  blockOwnerDeletion?: boolean;
}

export interface ManagedFieldsEntry {
  manager?: string;
  operation?: 'Apply' | 'Update';
  apiVersion?: string;
  time?: string;
  fieldsType?: 'FieldsV1';
  fieldsV1?: Record<string, unknown>;
  subresource?: string;
}

export interface ObjectMeta {
  name?: string;
  generateName?: string;
  namespace?: string;
  uid?: string;
  resourceVersion?: string;
  generation?: number;
  creationTimestamp?: string | null;
  deletionTimestamp?: string;
  deletionGracePeriodSeconds?: number;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  ownerReferences?: OwnerReference[];
  finalizers?: string[];
  managedFields?: ManagedFieldsEntry[];
  [field: string]: unknown;
}

/** Any Kubernetes object as JSON. Kind-specific fields stay untyped here; each kind's module narrows them. */
export interface KubeObject {
  apiVersion?: string;
  kind?: string;
  metadata: ObjectMeta;
  [field: string]: unknown;
}

export interface ListMeta {
  resourceVersion?: string;
  continue?: string;
  remainingItemCount?: number;
}

export interface KubeList<T = KubeObject> {
  apiVersion: string;
  kind: string;
  metadata: ListMeta;
  items: T[];
}

/** Identifies one stored object. `group` is '' for the core group; `namespace` is '' for cluster-scoped kinds. */
export interface ObjectKey {
  group: string;
  resource: string;
  namespace: string;
  name: string;
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * A shallow copy of `record` without `key`, for objects that are stored and served. It stands in for `delete`:
 * V8 turns an object that lost a property into a slow dictionary, which every later read and every JSON.stringify of
 * it pay for (prepareForCreate's deletes cost a create about 40 µs of its ~85 µs, docs/decisions.md D18).
 */
export function withoutKey<T extends object>(record: T, key: string): T {
  const copy = {} as Record<string, unknown>;
  for (const k of Object.keys(record)) if (k !== key) copy[k] = (record as Record<string, unknown>)[k];
  return copy as T;
}

/**
 * A deep copy of a JSON value: objects here are decoded request bodies and stored rows, plain trees of objects,
 * arrays and primitives, which this copies several times faster than `structuredClone` (docs/decisions.md D13).
 * A `__proto__` key stays an own property, as JSON.parse makes it.
 */
export function deepClone<T>(value: T): T {
  return cloneJson(value) as T;
}

function cloneJson(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) return value.map(cloneJson);
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    const item = cloneJson((value as Record<string, unknown>)[key]);
    if (key === '__proto__') Object.defineProperty(copy, key, { value: item, enumerable: true, writable: true, configurable: true });
    else copy[key] = item;
  }
  return copy;
}
