import { isObject } from '../objects/object-meta';
import { fieldSchema, TypeSchema } from '../schema/type-schema';

/**
 * How server-side apply sees a value: a leaf (scalar, atomic list or atomic map), a map of fields, or a list whose
 * items are tracked one by one (by key fields, or by value when `keys` is null).
 */
export type FieldShape =
  | { kind: 'leaf' }
  | { kind: 'fields'; schema: TypeSchema | undefined }
  | { kind: 'list'; keys: string[] | null; item: TypeSchema | undefined };

/**
 * Unknown types (no schema, `any`) are deduced as upstream does for CRDs without a schema: objects are maps of
 * fields, lists are atomic. An object or map schema with `listType: 'atomic'` is taken as x-kubernetes-map-type
 * atomic (TypeSchema has no separate marker for it).
 */
export function shapeOf(schema: TypeSchema | undefined, value: unknown): FieldShape {
  if (Array.isArray(value)) {
    if (schema?.type !== 'array') return { kind: 'leaf' };
    if (schema.listType === 'map' && schema.listMapKeys?.length) return { kind: 'list', keys: schema.listMapKeys, item: schema.items };
    if (schema.listType === 'set') return { kind: 'list', keys: null, item: schema.items };
    if (schema.listType === 'atomic') return { kind: 'leaf' };
    if ((schema.patchStrategy ?? '').split(',').includes('merge')) {
      return schema.patchMergeKey
        ? { kind: 'list', keys: [schema.patchMergeKey], item: schema.items }
        : { kind: 'list', keys: null, item: schema.items };
    }
    return { kind: 'leaf' };
  }
  if (isObject(value)) {
    if (!schema || schema.type === 'any') return { kind: 'fields', schema: undefined };
    if (schema.type !== 'object' && schema.type !== 'map') return { kind: 'leaf' };
    if (schema.listType === 'atomic') return { kind: 'leaf' };
    return { kind: 'fields', schema };
  }
  return { kind: 'leaf' };
}

export interface ChildField {
  schema: TypeSchema | undefined;
  /** A field the schema declares (a struct field), as opposed to a free map key or an unknown field. */
  declared: boolean;
}

export function childField(schema: TypeSchema | undefined, key: string): ChildField {
  if (schema?.type === 'object') {
    const declared = fieldSchema(schema, key);
    return { schema: declared, declared: declared !== undefined };
  }
  if (schema?.type === 'map') return { schema: schema.additional, declared: false };
  return { schema: undefined, declared: false };
}

/** Key fields whose absence upstream fills from the OpenAPI default (ports' `protocol`). */
const KEY_DEFAULTS: Record<string, unknown> = { protocol: 'TCP' };

/** The path element of a list item: `k:{…}` with key fields sorted by name, `v:<json>` for sets, `i:<n>` otherwise. */
export function itemElement(keys: string[] | null, item: unknown, index: number): string {
  if (keys === null) return `v:${JSON.stringify(item)}`;
  if (!isObject(item)) return `i:${index}`;
  const key: Record<string, unknown> = {};
  for (const name of [...keys].sort()) {
    const value = item[name] ?? KEY_DEFAULTS[name];
    if (value !== undefined && value !== null) key[name] = value;
  }
  return Object.keys(key).length > 0 ? `k:${JSON.stringify(key)}` : `i:${index}`;
}

/** Items by path element, first occurrence wins, plus the elements seen more than once. */
export function indexItems(keys: string[] | null, list: unknown[]): { items: Map<string, unknown>; duplicates: Set<string> } {
  const items = new Map<string, unknown>();
  const duplicates = new Set<string>();
  list.forEach((item, i) => {
    const element = itemElement(keys, item, i);
    if (items.has(element)) duplicates.add(element);
    else items.set(element, item);
  });
  return { items, duplicates };
}

export function isEmptyContainer(value: unknown): boolean {
  return value === undefined || value === null || (Array.isArray(value) && value.length === 0) || (isObject(value) && Object.keys(value).length === 0);
}
