import { fieldSchema, isObject, type TypeSchema } from '@flotilla/domain';

/**
 * Removes fields the kind's schema does not know, in place, as decoding into typed structs does upstream.
 * Returns the removed paths (upstream format: `spec.foo`, `spec.containers[0].bar`).
 */
export function pruneUnknownFields(value: unknown, schema: TypeSchema | undefined, path = ''): string[] {
  if (!schema || schema.type === 'any') return [];
  const removed: string[] = [];
  if (schema.type === 'object' && isObject(value)) {
    for (const key of Object.keys(value)) {
      const child = fieldSchema(schema, key);
      const childPath = path ? `${path}.${key}` : key;
      if (!child) {
        if (schema.preserveUnknownFields) continue;
        removed.push(childPath);
        delete value[key];
        continue;
      }
      removed.push(...pruneUnknownFields(value[key], child, childPath));
    }
  } else if (schema.type === 'map' && isObject(value)) {
    for (const key of Object.keys(value)) removed.push(...pruneUnknownFields(value[key], schema.additional, `${path}.${key}`));
  } else if (schema.type === 'array' && Array.isArray(value)) {
    value.forEach((item, i) => removed.push(...pruneUnknownFields(item, schema.items, `${path}[${i}]`)));
  }
  return removed;
}

export type FieldValidation = 'Strict' | 'Warn' | 'Ignore';

export function parseFieldValidation(raw: unknown): FieldValidation {
  if (raw === 'Strict' || raw === 'Warn' || raw === 'Ignore') return raw;
  return 'Warn'; // the kube-apiserver default when the client sends nothing
}
