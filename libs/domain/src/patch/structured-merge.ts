import { isObject } from '../objects/object-meta';
import { TypeSchema } from '../schema/type-schema';
import { FieldSet } from './field-set';
import { childField, FieldShape, indexItems, isEmptyContainer, itemElement, shapeOf } from './field-shape';

type JsonMap = Record<string, unknown>;
type ListShape = Extract<FieldShape, { kind: 'list' }>;

/**
 * Merges an applied configuration into the live value as structured-merge-diff does: fields merge recursively,
 * associative lists and sets merge item by item (the applied order wins for shared items, live-only items keep
 * their place), leaves and atomic values are replaced. A null in the configuration removes the field.
 */
export function mergeApplied(live: unknown, config: unknown, schema: TypeSchema | undefined): unknown {
  if (config === undefined) return live;
  if (config === null) return undefined;
  if (live === undefined || live === null) return withoutNulls(config);
  const shape = shapeOf(schema, config);
  if (shape.kind === 'leaf' || shapeOf(schema, live).kind !== shape.kind || (isEmptyContainer(live) && isEmptyContainer(config))) {
    return withoutNulls(config);
  }
  if (shape.kind === 'fields') {
    const out: JsonMap = { ...(live as JsonMap) };
    for (const [key, value] of Object.entries(config as JsonMap)) {
      const merged = mergeApplied(out[key], value, childField(shape.schema, key).schema);
      if (merged === undefined) delete out[key];
      else out[key] = merged;
    }
    return out;
  }
  return mergeLists(live as unknown[], config as unknown[], shape);
}

function mergeLists(live: unknown[], config: unknown[], shape: ListShape): unknown[] {
  const liveElements = live.map((item, i) => itemElement(shape.keys, item, i));
  const configElements = config.map((item, i) => itemElement(shape.keys, item, i));
  const liveItems = indexItems(shape.keys, live).items;
  const inConfig = new Set(configElements);
  const emitted = new Set<string>();
  const out: unknown[] = [];
  let next = 0;
  const emitConfigItem = (index: number) => {
    const element = configElements[index];
    if (emitted.has(element)) return;
    emitted.add(element);
    const item = config[index];
    out.push(shape.keys === null ? item : mergeApplied(liveItems.get(element), item, shape.item));
  };
  live.forEach((item, i) => {
    const element = liveElements[i];
    if (!inConfig.has(element)) {
      out.push(item);
      return;
    }
    while (next < config.length && !emitted.has(element)) emitConfigItem(next++);
  });
  while (next < config.length) emitConfigItem(next++);
  return out;
}

function withoutNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutNulls);
  if (!isObject(value)) return value;
  const out: JsonMap = {};
  for (const [key, v] of Object.entries(value)) if (v !== null) out[key] = withoutNulls(v);
  return out;
}

/** Top-level fields that identify the object: never removed wholesale even when nobody owns anything in them. */
const IDENTITY_FIELDS = new Set(['f:apiVersion', 'f:kind', 'f:metadata']);

/**
 * Removes, in place, what the applier owned last time (`last`) and nobody owns now (`owned`, every manager's set
 * including the applier's new one). Key fields of list items that stay are kept.
 */
export function pruneUnowned(value: unknown, last: FieldSet, owned: FieldSet | undefined, schema: TypeSchema | undefined): void {
  prune(value, last, owned, schema, true, []);
}

function prune(value: unknown, last: FieldSet, owned: FieldSet | undefined, schema: TypeSchema | undefined, atRoot: boolean, keyFields: string[]): void {
  const shape = shapeOf(schema, value);
  if (shape.kind === 'fields') {
    const object = value as JsonMap;
    for (const [element, lastChild] of last.children) {
      if (!element.startsWith('f:')) continue;
      const key = element.slice(2);
      if (!(key in object) || keyFields.includes(key)) continue;
      const ownedChild = owned?.children.get(element);
      const childSchema = childField(shape.schema, key).schema;
      if (ownedChild === undefined && !(atRoot && IDENTITY_FIELDS.has(element))) delete object[key];
      else if (lastChild.children.size > 0) prune(object[key], lastChild, ownedChild, childSchema, false, []);
    }
    return;
  }
  if (shape.kind !== 'list') return;
  const list = value as unknown[];
  const drop = new Set<number>();
  list.forEach((item, i) => {
    const element = itemElement(shape.keys, item, i);
    const lastChild = last.children.get(element);
    if (!lastChild) return;
    const ownedChild = owned?.children.get(element);
    if (ownedChild === undefined) drop.add(i);
    else if (lastChild.children.size > 0) prune(item, lastChild, ownedChild, shape.item, false, shape.keys ?? []);
  });
  for (let i = list.length - 1; i >= 0; i--) if (drop.has(i)) list.splice(i, 1);
}
