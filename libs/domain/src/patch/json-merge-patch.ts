import { BadRequestError } from '../errors';
import { deepClone, isObject } from '../objects/object-meta';

/**
 * RFC 7386 JSON merge patch, with the choices of the library kube-apiserver uses: a patch that is null or a
 * scalar is refused (`Invalid JSON Patch`), and nulls inside objects nested in a replacing value are dropped.
 * An array patch replaces the document; the caller's decoding then refuses it for object kinds.
 */
export function applyJsonMergePatch(target: unknown, patch: unknown): unknown {
  if (!isObject(patch) && !Array.isArray(patch)) throw new BadRequestError('Invalid JSON Patch');
  return mergeValue(deepClone(target), patch);
}

function mergeValue(target: unknown, patch: unknown): unknown {
  if (!isObject(patch)) return withoutNulls(patch);
  const result: Record<string, unknown> = isObject(target) ? { ...target } : {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete result[key];
    else result[key] = mergeValue(result[key], value);
  }
  return result;
}

function withoutNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value.map((v) => withoutNulls(v));
  if (!isObject(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    if (v !== null) out[key] = withoutNulls(v);
  }
  return out;
}
