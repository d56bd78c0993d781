import type { KubeObject } from '../objects/object-meta';
import type { ResourceType } from './resource-type';

const METADATA_FIELDS = ['metadata.name', 'metadata.namespace'];

/** Field paths a field selector may use on this kind: `metadata.name`, `metadata.namespace`, then the kind's own. */
export function supportedFieldSelectors(rt: ResourceType): string[] {
  return [...METADATA_FIELDS, ...Object.keys(rt.fieldSelectors ?? {})];
}

/**
 * The string a field selector compares for `path` on `obj` (booleans as `true`/`false`, numbers in decimal, absent
 * fields as ''), or undefined when the kind does not support the path.
 */
export function fieldValue(rt: ResourceType, obj: KubeObject, path: string): string | undefined {
  if (path === 'metadata.name') return obj.metadata.name ?? '';
  if (path === 'metadata.namespace') return obj.metadata.namespace ?? '';
  const getter = rt.fieldSelectors?.[path];
  return getter ? (getter(obj) ?? '') : undefined;
}
