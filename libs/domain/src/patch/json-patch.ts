import { BadRequestError, RequestEntityTooLargeError } from '../errors';
import { deepClone, isObject } from '../objects/object-meta';
import { formatJsonPointer, parseJsonPointer } from './json-pointer';
import { deepEqual, jsonKindName } from './json-value';
import { PatchRejectedError } from './patch.errors';

/** kube-apiserver's cap on the number of operations in one JSON patch. */
export const MAX_JSON_PATCH_OPERATIONS = 10000;

type Operation = Record<string, unknown>;

/**
 * RFC 6902 JSON patch. A body that is not a list of objects is a 400 (as kube-apiserver decodes it); an
 * operation that cannot be applied, including a failed `test`, is kube-apiserver's generic 422 whose `detail`
 * carries the json-patch library's reason.
 */
export function applyJsonPatch(target: unknown, ops: unknown): unknown {
  if (ops === null) return deepClone(target);
  if (!Array.isArray(ops)) {
    throw new BadRequestError(`json: cannot unmarshal ${jsonKindName(ops)} into Go value of type jsonpatch.Patch`);
  }
  for (const op of ops) {
    if (!isObject(op)) {
      throw new BadRequestError(`json: cannot unmarshal ${jsonKindName(op)} into Go value of type jsonpatch.Operation`);
    }
  }
  if (ops.length > MAX_JSON_PATCH_OPERATIONS) {
    throw new RequestEntityTooLargeError(
      `The allowed maximum operations in a JSON patch is ${MAX_JSON_PATCH_OPERATIONS}, got ${ops.length}`,
    );
  }
  const root = { doc: deepClone(target) };
  for (const op of ops as Operation[]) applyOperation(root, op);
  return root.doc;
}

interface Root {
  doc: unknown;
}

function applyOperation(root: Root, op: Operation): void {
  const kind = typeof op.op === 'string' ? op.op : 'unknown';
  switch (kind) {
    case 'add':
      return add(root, pathOf(op, kind), valueOf(op, kind), kind);
    case 'remove':
      remove(root, pathOf(op, kind), kind);
      return;
    case 'replace':
      return replace(root, pathOf(op, kind), valueOf(op, kind));
    case 'move': {
      const from = fromOf(op, kind);
      const path = pathOf(op, kind);
      if (path.length > from.length && from.every((t, i) => t === path[i])) {
        fail(`move operation does not apply: cannot move ${op.from} into its own child ${op.path}`);
      }
      const value = remove(root, from, kind);
      return add(root, path, value, kind);
    }
    case 'copy': {
      const from = fromOf(op, kind);
      const found = lookup(root.doc, from);
      if (!found.ok) fail(`copy operation does not apply: doc is missing from path: ${op.from}: missing value`);
      return add(root, pathOf(op, kind), deepClone(found.value), kind);
    }
    case 'test': {
      const path = pathOf(op, kind);
      const found = lookup(root.doc, path);
      const expected = valueOf(op, kind);
      if (!found.ok) {
        if (expected === null) return;
        fail(`test operation does not apply: is missing path: ${op.path}: missing value`);
      }
      if (!deepEqual(found.value, expected)) fail(`testing value ${op.path} failed: test failed`);
      return;
    }
    default:
      fail(`Unexpected kind: ${kind}`);
  }
}

function fail(detail: string): never {
  throw new PatchRejectedError(detail);
}

function pathOf(op: Operation, kind: string): string[] {
  if (typeof op.path !== 'string') fail(`${kind} operation failed to decode path: missing value`);
  const tokens = parseJsonPointer(op.path);
  if (!tokens) fail(`${kind} operation does not apply: doc is missing path: "${op.path}": missing value`);
  return tokens;
}

function fromOf(op: Operation, kind: string): string[] {
  if (typeof op.from !== 'string') fail(`${kind} operation failed to decode from: missing value`);
  const tokens = parseJsonPointer(op.from);
  if (!tokens) fail(`${kind} operation does not apply: doc is missing from path: ${op.from}: missing value`);
  return tokens;
}

function valueOf(op: Operation, kind: string): unknown {
  if (!Object.prototype.hasOwnProperty.call(op, 'value')) fail(`${kind} operation, missing value field: missing value`);
  return deepClone(op.value);
}

type Lookup = { ok: true; value: unknown } | { ok: false };

function lookup(doc: unknown, tokens: string[]): Lookup {
  let current = doc;
  for (const token of tokens) {
    if (Array.isArray(current)) {
      const index = arrayIndex(token);
      if (index === undefined || index >= current.length) return { ok: false };
      current = current[index];
    } else if (isObject(current) && Object.prototype.hasOwnProperty.call(current, token)) {
      current = current[token];
    } else {
      return { ok: false };
    }
  }
  return { ok: true, value: current };
}

function arrayIndex(token: string): number | undefined {
  return /^(0|[1-9][0-9]*)$/.test(token) ? Number(token) : undefined;
}

/** The container holding the last token, or a failure naming the operation as the library does. */
function parentOf(root: Root, tokens: string[], kind: string, pathText: string): unknown {
  const found = lookup(root.doc, tokens.slice(0, -1));
  const parent = found.ok ? found.value : undefined;
  if (!Array.isArray(parent) && !isObject(parent)) {
    fail(`${kind} operation does not apply: doc is missing path: "${pathText}": missing value`);
  }
  return parent;
}

function add(root: Root, tokens: string[], value: unknown, kind: string): void {
  if (tokens.length === 0) {
    root.doc = value;
    return;
  }
  const pathText = formatJsonPointer(tokens);
  const parent = parentOf(root, tokens, kind, pathText);
  const key = tokens[tokens.length - 1];
  if (Array.isArray(parent)) {
    if (key === '-') {
      parent.push(value);
      return;
    }
    const index = arrayIndex(key);
    if (index === undefined) fail(`error in ${kind} for path: '${pathText}': value was not a proper array index: '${key}'`);
    if (index > parent.length) fail(`error in ${kind} for path: '${pathText}': Unable to access invalid index: ${index}: invalid index referenced`);
    parent.splice(index, 0, value);
    return;
  }
  (parent as Record<string, unknown>)[key] = value;
}

function remove(root: Root, tokens: string[], kind: string): unknown {
  const pathText = formatJsonPointer(tokens);
  if (tokens.length === 0) fail(`${kind} operation does not apply: doc is missing path: "${pathText}": missing value`);
  const parent = parentOf(root, tokens, kind, pathText);
  const key = tokens[tokens.length - 1];
  if (Array.isArray(parent)) {
    const index = arrayIndex(key);
    if (index === undefined || index >= parent.length) {
      fail(`error in ${kind} for path: '${pathText}': Unable to access invalid index: ${key}: invalid index referenced`);
    }
    return parent.splice(index, 1)[0];
  }
  const object = parent as Record<string, unknown>;
  if (!Object.prototype.hasOwnProperty.call(object, key)) {
    fail(`error in ${kind} for path: '${pathText}': Unable to remove nonexistent key: ${key}: missing value`);
  }
  const value = object[key];
  delete object[key];
  return value;
}

function replace(root: Root, tokens: string[], value: unknown): void {
  if (tokens.length === 0) {
    root.doc = value;
    return;
  }
  const pathText = formatJsonPointer(tokens);
  const found = lookup(root.doc, tokens);
  if (!found.ok) fail(`replace operation does not apply: doc is missing key: ${pathText}: missing value`);
  const parent = lookup(root.doc, tokens.slice(0, -1));
  const key = tokens[tokens.length - 1];
  const container = (parent as { value: unknown }).value;
  if (Array.isArray(container)) container[Number(key)] = value;
  else (container as Record<string, unknown>)[key] = value;
}
