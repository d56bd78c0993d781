import { BadRequestError } from '../errors';
import { deepClone, isObject } from '../objects/object-meta';
import { fieldSchema, TypeSchema } from '../schema/type-schema';
import { deepEqual, goFormat, jsonKindName } from './json-value';
import { PatchRejectedError, PatchServerError } from './patch.errors';

type JsonMap = Record<string, unknown>;

const PATCH = '$patch';
const RETAIN_KEYS = '$retainKeys';
const SET_ELEMENT_ORDER = '$setElementOrder/';
const DELETE_FROM_PRIMITIVE_LIST = '$deleteFromPrimitiveList/';

/**
 * Strategic merge patch as kube-apiserver applies it (server side: parallel lists merged, unmatched nulls dropped).
 * Lists whose schema has `patchStrategy: merge` are merged (by `patchMergeKey` for objects, as sets for
 * primitives); other lists are replaced; objects are merged unless their strategy is `replace`.
 */
export function applyStrategicMergePatch(original: unknown, patch: unknown, schema: TypeSchema | undefined): unknown {
  if (patch === null) return deepClone(original);
  if (!isObject(patch)) {
    throw new BadRequestError(`json: cannot unmarshal ${jsonKindName(patch)} into Go value of type map[string]interface {}`);
  }
  const base = isObject(original) ? deepClone(original) : {};
  return mergeMap(base, deepClone(patch), schema, '');
}

function childSchema(schema: TypeSchema | undefined, key: string): TypeSchema | undefined {
  if (schema?.type === 'object') return fieldSchema(schema, key);
  if (schema?.type === 'map') return schema.additional;
  return undefined;
}

/** The strategy once `retainKeys` is set aside: `merge`, `replace` or '' (lists replace, maps merge). */
function strategyOf(schema: TypeSchema | undefined): string {
  const parts = (schema?.patchStrategy ?? '').split(',').filter((p) => p && p !== 'retainKeys');
  return parts[0] ?? '';
}

function isDirectiveKey(key: string): boolean {
  return key === PATCH || key === RETAIN_KEYS || key.startsWith(SET_ELEMENT_ORDER) || key.startsWith(DELETE_FROM_PRIMITIVE_LIST);
}

function mergeMap(original: JsonMap, patch: JsonMap, schema: TypeSchema | undefined, path: string): JsonMap {
  if (PATCH in patch) {
    const directive = patch[PATCH];
    if (directive === 'replace') {
      const rest = { ...patch };
      delete rest[PATCH];
      return cleanValue(rest) as JsonMap;
    }
    if (directive === 'delete') return {};
    throw new PatchServerError(`unknown patch type: ${goFormat(directive)} in map: ${goFormat(patch)}`);
  }
  applyRetainKeys(original, patch);
  applySetElementOrders(original, patch, schema, path);
  for (const key of Object.keys(patch)) {
    if (!key.startsWith(DELETE_FROM_PRIMITIVE_LIST)) continue;
    const field = key.slice(DELETE_FROM_PRIMITIVE_LIST.length);
    const current = original[field];
    const toDelete = patch[key];
    if (Array.isArray(current) && Array.isArray(toDelete)) {
      original[field] = current.filter((v) => !toDelete.some((d) => deepEqual(d, v)));
    }
  }
  for (const [key, patchValue] of Object.entries(patch)) {
    if (key.startsWith(DELETE_FROM_PRIMITIVE_LIST)) continue;
    if (key.startsWith('$')) throw new BadRequestError(`strict decoding error: unknown field "${path ? `${path}.` : ''}${key}"`);
    if (patchValue === null) {
      delete original[key];
      continue;
    }
    const sub = childSchema(schema, key);
    const subPath = path ? `${path}.${key}` : key;
    const current = original[key];
    if (isObject(current) && isObject(patchValue)) {
      original[key] = strategyOf(sub) === 'replace' ? cleanValue(patchValue) : mergeMap(current, patchValue, sub, subPath);
    } else if (Array.isArray(current) && Array.isArray(patchValue)) {
      original[key] = strategyOf(sub) === 'merge' ? mergeList(current, patchValue, sub, subPath) : cleanValue(patchValue);
    } else {
      const fresh = freshValue(patchValue, sub, subPath);
      if (fresh === undefined) delete original[key];
      else original[key] = fresh;
    }
  }
  return original;
}

/** A patch value for a key the original lacks (or holds with another type): its directives applied to nothing. */
function freshValue(value: unknown, schema: TypeSchema | undefined, path: string): unknown {
  if (isObject(value)) {
    if (value[PATCH] === 'delete') return undefined;
    return mergeMap({}, value, schema, path);
  }
  if (Array.isArray(value)) return strategyOf(schema) === 'merge' ? mergeList([], value, schema, path) : cleanValue(value);
  return value;
}

/** Drops directives and nulls from a value taken whole from the patch; undefined when the value itself is a directive. */
function cleanValue(value: unknown): unknown {
  if (Array.isArray(value)) {
    return value.map(cleanValue).filter((v) => v !== undefined);
  }
  if (!isObject(value)) return value;
  if (PATCH in value) return undefined;
  const out: JsonMap = {};
  for (const [key, v] of Object.entries(value)) {
    if (v === null || isDirectiveKey(key)) continue;
    const cleaned = cleanValue(v);
    if (cleaned !== undefined) out[key] = cleaned;
  }
  return out;
}

function applyRetainKeys(original: JsonMap, patch: JsonMap): void {
  if (!(RETAIN_KEYS in patch)) return;
  const retain = patch[RETAIN_KEYS];
  delete patch[RETAIN_KEYS];
  if (!Array.isArray(retain)) throw new BadRequestError('invalid patch format of retainKeys');
  for (const [key, value] of Object.entries(patch)) {
    if (value === null || key.startsWith(DELETE_FROM_PRIMITIVE_LIST) || key.startsWith(SET_ELEMENT_ORDER)) continue;
    if (!retain.includes(key)) throw new BadRequestError('invalid patch format of retainKeys');
  }
  for (const key of Object.keys(original)) {
    if (!retain.includes(key)) delete original[key];
  }
}

function goSliceTypeError(value: unknown): PatchServerError {
  const actual = Array.isArray(value) ? '[]interface {}' : isObject(value) ? 'map[string]interface {}' : value === null ? '<nil>' : typeof value === 'number' ? 'float64' : typeof value === 'boolean' ? 'bool' : 'string';
  return new PatchServerError(`expected a []interface {}, but received a ${actual}`);
}

/** `$setElementOrder/<list>`: merge the list now and order it as the directive says (server-only items keep their place). */
function applySetElementOrders(original: JsonMap, patch: JsonMap, schema: TypeSchema | undefined, path: string): void {
  for (const key of Object.keys(patch)) {
    if (!key.startsWith(SET_ELEMENT_ORDER)) continue;
    const order = patch[key];
    delete patch[key];
    if (!Array.isArray(order)) throw goSliceTypeError(order);
    const field = key.slice(SET_ELEMENT_ORDER.length);
    const hasOriginal = field in original;
    const hasPatch = field in patch;
    const originalList = original[field];
    const patchList = patch[field];
    if (hasOriginal && !Array.isArray(originalList)) throw goSliceTypeError(originalList);
    if (hasPatch && !Array.isArray(patchList)) throw goSliceTypeError(patchList);
    const sub = childSchema(schema, field);
    const mergeKey = sub?.patchMergeKey;
    validateAgainstOrder((patchList as unknown[] | undefined) ?? [], order, mergeKey);
    const subPath = path ? `${path}.${field}` : field;
    let merged: unknown[];
    if (hasOriginal && hasPatch) {
      merged =
        strategyOf(sub) === 'merge'
          ? mergeList(originalList as unknown[], patchList as unknown[], sub, subPath)
          : (cleanValue(patchList) as unknown[]);
    } else if (hasOriginal) {
      merged = originalList as unknown[];
    } else if (hasPatch) {
      merged = freshValue(patchList, sub, subPath) as unknown[];
    } else {
      continue;
    }
    const objectList = merged.some(isObject) || order.some(isObject);
    original[field] = normalizeOrder(merged, order, hasOriginal ? (originalList as unknown[]) : [], objectList ? mergeKey : undefined);
    delete patch[field];
  }
}

function mergeKeyOf(item: unknown, mergeKey: string): unknown {
  if (!isObject(item) || !(mergeKey in item)) {
    throw new PatchServerError(`map: ${goFormat(item)} does not contain declared merge key: ${mergeKey}`);
  }
  return item[mergeKey];
}

/** Items of the patch (directives aside) must appear in `$setElementOrder` in the same relative order. */
function validateAgainstOrder(patchList: unknown[], order: unknown[], mergeKey: string | undefined): void {
  if (order.length === 0 || patchList.length === 0) return;
  const items = mergeKey ? patchList.filter((p) => !(isObject(p) && p[PATCH] === 'delete')) : patchList;
  let p = 0;
  let o = 0;
  while (p < items.length && o < order.length) {
    if (isObject(items[p]) && PATCH in (items[p] as JsonMap)) {
      p++;
      continue;
    }
    const equal = mergeKey
      ? deepEqual(mergeKeyOf(items[p], mergeKey), mergeKeyOf(order[o], mergeKey))
      : deepEqual(items[p], order[o]);
    if (equal) p++;
    o++;
  }
  if (p < items.length && o >= order.length) {
    throw new PatchServerError(
      `The order in patch list:\n${goFormat(patchList)}\n doesn't match $setElementOrder list:\n${goFormat(order)}\n`,
    );
  }
}

function elementKind(lists: unknown[][]): 'object' | 'scalar' {
  let kind: string | undefined;
  for (const list of lists) {
    for (const item of list) {
      if (Array.isArray(item)) throw new PatchRejectedError('lists of lists are not supported');
      const current = isObject(item) ? 'object' : item === null ? 'null' : typeof item;
      if (kind !== undefined && kind !== current) {
        throw new PatchServerError(`list element types are not identical: ${goFormat(lists)}`);
      }
      kind = current;
    }
  }
  return kind === 'object' ? 'object' : 'scalar';
}

function mergeList(original: unknown[], patch: unknown[], schema: TypeSchema | undefined, path: string): unknown[] {
  if (original.length === 0 && patch.length === 0) return original;
  if (elementKind([original, patch]) === 'scalar') {
    const merged: unknown[] = [];
    for (const v of [...original, ...patch]) if (!merged.some((m) => deepEqual(m, v))) merged.push(v);
    return normalizeOrder(merged, patch, original, undefined);
  }
  const mergeKey = schema?.patchMergeKey;
  if (!mergeKey) throw new PatchServerError(`cannot merge lists without merge key for ${schema?.goType ?? path}`);
  let base = original;
  let replace = false;
  const plain: JsonMap[] = [];
  for (const item of patch as JsonMap[]) {
    if (!(PATCH in item)) {
      plain.push(item);
      continue;
    }
    switch (item[PATCH]) {
      case 'delete': {
        const key = mergeKeyOf(item, mergeKey);
        base = base.filter((o) => !(isObject(o) && deepEqual(o[mergeKey], key)));
        break;
      }
      case 'replace':
        replace = true;
        break;
      case 'merge':
        throw new PatchServerError('merging lists cannot yet be specified in the patch');
      default:
        throw new PatchServerError(`unknown patch type: ${goFormat(item[PATCH])} in map: ${goFormat(item)}`);
    }
  }
  if (replace) return cleanValue(plain) as unknown[];
  const merged = [...base];
  for (const item of plain) {
    const key = mergeKeyOf(item, mergeKey);
    const index = merged.findIndex((o) => isObject(o) && deepEqual(o[mergeKey], key));
    if (index >= 0) merged[index] = mergeMap(merged[index] as JsonMap, item, schema?.items, path);
    else merged.push(mergeMap({}, item, schema?.items, path));
  }
  return normalizeOrder(merged, plain, base, mergeKey);
}

/**
 * Upstream's ordering: items named by `order` (the patch, or `$setElementOrder`) follow that order, the others
 * keep the server's order, and the two runs are interleaved by their positions in the server's list.
 */
function normalizeOrder(merged: unknown[], order: unknown[], serverOrder: unknown[], mergeKey: string | undefined): unknown[] {
  const keyOf = (v: unknown) => (mergeKey ? (isObject(v) ? v[mergeKey] : undefined) : v);
  const indexIn = (list: unknown[], v: unknown) => {
    const key = keyOf(v);
    return list.findIndex((x) => deepEqual(keyOf(x), key));
  };
  const byIndexIn = (list: unknown[]) => (a: unknown, b: unknown) => {
    const ia = indexIn(list, a);
    const ib = indexIn(list, b);
    return ia >= 0 && ib >= 0 ? ia - ib : 0;
  };
  const named = merged.filter((v) => indexIn(order, v) >= 0).sort(byIndexIn(order));
  const serverOnly = merged.filter((v) => indexIn(order, v) < 0).sort(byIndexIn(serverOrder));
  const out: unknown[] = [];
  let i = 0;
  let j = 0;
  while (i < serverOnly.length || j < named.length) {
    if (i >= serverOnly.length) out.push(named[j++]);
    else if (j >= named.length) out.push(serverOnly[i++]);
    else {
      const left = indexIn(serverOrder, serverOnly[i]);
      const right = indexIn(serverOrder, named[j]);
      if (left >= 0 && right >= 0 && left < right) out.push(serverOnly[i++]);
      else out.push(named[j++]);
    }
  }
  return out;
}
