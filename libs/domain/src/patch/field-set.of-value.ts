import { isObject } from '../objects/object-meta';
import { TypeSchema } from '../schema/type-schema';
import { emptyFieldSet, FieldPath, FieldSet, insertPath } from './field-set';
import { childField, indexItems, isEmptyContainer, shapeOf } from './field-shape';
import { deepEqual } from './json-value';

type JsonMap = Record<string, unknown>;

/**
 * The fields an applied configuration sets, as upstream's ToFieldSet: leaves, atomic values, list items (`.`),
 * free map keys, and empty or null values; declared struct fields with content are only parents.
 */
export function fieldSetOf(value: unknown, schema: TypeSchema | undefined): FieldSet {
  const set = emptyFieldSet();
  collect(value, schema, [], set);
  return set;
}

function collect(value: unknown, schema: TypeSchema | undefined, path: FieldPath, set: FieldSet): void {
  const shape = shapeOf(schema, value);
  if (shape.kind === 'leaf') {
    if (path.length > 0) insertPath(set, path);
    return;
  }
  if (shape.kind === 'fields') {
    for (const [key, child] of Object.entries(value as JsonMap)) {
      const field = childField(shape.schema, key);
      const childPath = [...path, `f:${key}`];
      collect(child, field.schema, childPath, set);
      if (child === null || (isObject(child) && Object.keys(child).length === 0) || !field.declared) insertPath(set, childPath);
    }
    return;
  }
  const { items, duplicates } = indexItems(shape.keys, value as unknown[]);
  for (const [element, item] of items) {
    const itemPath = [...path, element];
    if (!duplicates.has(element)) collect(item, shape.item, itemPath, set);
    insertPath(set, itemPath);
  }
}

export interface Comparison {
  added: FieldSet;
  modified: FieldSet;
  removed: FieldSet;
}

/**
 * What changed from `lhs` to `rhs`, as upstream's Compare on typed Go objects. Go always holds non-pointer
 * structs, so a declared struct field missing on one side of an existing parent compares as an empty struct, and
 * a value that appears or disappears is itself added or removed. Without pointer information every declared
 * struct is treated as non-pointer, which keeps `f:spec` from being owned as a whole on create.
 */
export function compareValues(lhs: unknown, rhs: unknown, schema: TypeSchema | undefined): Comparison {
  const comparison = { added: emptyFieldSet(), modified: emptyFieldSet(), removed: emptyFieldSet() };
  walk(lhs, rhs, schema, [], comparison, { isItem: false, lhsParent: true, rhsParent: true });
  return comparison;
}

/**
 * What `compareValues({}, value, schema)` reports added or modified (nothing is removed), built in one walk of
 * `value`: the fields a create sets. The same rules as `walk` with an empty left side: a declared struct missing on
 * the left of a present parent counts as `{}`, so the struct itself is not added, only what it holds.
 */
export function createdFields(value: unknown, schema: TypeSchema | undefined): FieldSet {
  const set = created({}, value, schema, false);
  if (!set) return emptyFieldSet();
  set.member = false;
  return set;
}

/** `walk` of (l, rhs) where the left side of everything below is absent; undefined when nothing is marked. */
function created(l: JsonMap | undefined, rhs: unknown, schema: TypeSchema | undefined, isItem: boolean): FieldSet | undefined {
  const zeroStruct = !isItem && schema?.type === 'object';
  const r = rhs === null || rhs === undefined ? (zeroStruct ? {} : undefined) : rhs;
  if (r === undefined) return undefined; // then l is absent too: it is only {} where r would be
  const shape = shapeOf(schema, r);
  const sameShape = l === undefined || shapeOf(schema, l).kind === shape.kind;
  if (shape.kind === 'leaf' || !sameShape || (isEmptyContainer(l) && isEmptyContainer(r))) {
    return l === undefined || !deepEqual(l, r) ? { member: true, children: new Map() } : undefined;
  }
  const node: FieldSet = { member: l === undefined, children: new Map() };
  if (shape.kind === 'fields') {
    for (const key of Object.keys(r as JsonMap)) {
      const field = childField(shape.schema, key).schema;
      const left = l !== undefined && field?.type === 'object' ? {} : undefined;
      const child = created(left, (r as JsonMap)[key], field, false);
      if (child) node.children.set(`f:${key}`, child);
    }
  } else {
    for (const [element, item] of indexItems(shape.keys, r as unknown[]).items) {
      const child = created(undefined, item, shape.item, true);
      if (child) node.children.set(element, child);
    }
  }
  return node.member || node.children.size > 0 ? node : undefined;
}

interface Position {
  isItem: boolean;
  lhsParent: boolean;
  rhsParent: boolean;
}

function walk(lhs: unknown, rhs: unknown, schema: TypeSchema | undefined, path: FieldPath, cmp: Comparison, at: Position): void {
  const zeroStruct = !at.isItem && schema?.type === 'object';
  const l = lhs === null || lhs === undefined ? (zeroStruct && at.lhsParent ? {} : undefined) : lhs;
  const r = rhs === null || rhs === undefined ? (zeroStruct && at.rhsParent ? {} : undefined) : rhs;
  if (l === undefined && r === undefined) return;
  const shape = shapeOf(schema, r ?? l);
  const sameShape = l === undefined || r === undefined || shapeOf(schema, l).kind === shape.kind;
  const mark = (set: FieldSet) => {
    if (path.length > 0) insertPath(set, path);
  };
  if (shape.kind === 'leaf' || !sameShape || (isEmptyContainer(l) && isEmptyContainer(r))) {
    if (l === undefined) mark(cmp.added);
    else if (r === undefined) mark(cmp.removed);
    else if (!deepEqual(l, r)) mark(cmp.modified);
    return;
  }
  if (shape.kind === 'fields') {
    const lm = (l ?? {}) as JsonMap;
    const rm = (r ?? {}) as JsonMap;
    for (const key of new Set([...Object.keys(lm), ...Object.keys(rm)])) {
      const child = { isItem: false, lhsParent: l !== undefined, rhsParent: r !== undefined };
      walk(lm[key], rm[key], childField(shape.schema, key).schema, [...path, `f:${key}`], cmp, child);
    }
  } else {
    const li = indexItems(shape.keys, (l ?? []) as unknown[]).items;
    const ri = indexItems(shape.keys, (r ?? []) as unknown[]).items;
    for (const element of new Set([...li.keys(), ...ri.keys()])) {
      walk(li.get(element), ri.get(element), shape.item, [...path, element], cmp, { isItem: true, lhsParent: false, rhsParent: false });
    }
  }
  if (l === undefined) mark(cmp.added);
  else if (r === undefined) mark(cmp.removed);
}
