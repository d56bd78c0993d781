import type { TypeSchema } from './type-schema';

type Field = TypeSchema | (() => TypeSchema);
type ListMarkers = Pick<TypeSchema, 'listType' | 'listMapKeys' | 'patchStrategy' | 'patchMergeKey'>;

// Schema nodes are shared between kinds, so they are frozen: a consumer mutating one would change every kind.
function node(schema: TypeSchema): TypeSchema {
  if (schema.fields) Object.freeze(schema.fields);
  if (schema.listMapKeys) Object.freeze(schema.listMapKeys);
  return Object.freeze(schema);
}

export const str = node({ type: 'string' });
export const bool = node({ type: 'boolean' });
export const int32 = node({ type: 'integer', format: 'int32' });
export const int64 = node({ type: 'integer', format: 'int64' });
export const float64 = node({ type: 'number', format: 'double' });
export const time = node({ type: 'time' });
export const quantity = node({ type: 'quantity' });
export const intOrString = node({ type: 'int-or-string' });
export const bytes = node({ type: 'bytes' });
export const any = node({ type: 'any' });

/** A string of a named Go type (`v1.Protocol`): same JSON, different wording in decode errors. */
export function named(goType: string): TypeSchema {
  return node({ type: 'string', goType });
}

export function obj(goType: string, fields: Record<string, Field>): TypeSchema {
  return node({ type: 'object', goType, fields });
}

export function arr(items: TypeSchema, markers: ListMarkers = {}): TypeSchema {
  return node({ type: 'array', items, ...markers });
}

export function atomicList(items: TypeSchema): TypeSchema {
  return arr(items, { listType: 'atomic' });
}

export function setList(items: TypeSchema): TypeSchema {
  return arr(items, { listType: 'set' });
}

export function mapList(items: TypeSchema, mapKeys: string[]): TypeSchema {
  return arr(items, { listType: 'map', listMapKeys: mapKeys });
}

/**
 * A list merged by key in strategic merge patch and keyed in server-side apply. The apply keys default to the
 * merge key; `retainKeys` makes the patch strategy `merge,retainKeys` (volumes, resource claims).
 */
export function mergeList(
  items: TypeSchema,
  mergeKey: string,
  options: { mapKeys?: string[]; retainKeys?: boolean } = {},
): TypeSchema {
  return arr(items, {
    listType: 'map',
    listMapKeys: options.mapKeys ?? [mergeKey],
    patchStrategy: options.retainKeys ? 'merge,retainKeys' : 'merge',
    patchMergeKey: mergeKey,
  });
}

export function mapOf(additional: TypeSchema, goType?: string): TypeSchema {
  return node({ type: 'map', additional, ...(goType ? { goType } : {}) });
}

/** A shared sub-tree with field-specific patch markers (e.g. `DeploymentSpec.strategy` retains keys). */
export function withMarkers(schema: TypeSchema, markers: ListMarkers): TypeSchema {
  return node({ ...schema, ...markers });
}
