import { isObject } from '../objects/object-meta';

/**
 * A set of field paths in the shape of FieldsV1: each node is keyed by a path element (`f:name`,
 * `k:{"name":"x"}`, `v:"x"`, `i:0`) and is a member when the path itself is owned (`.` in FieldsV1, or a leaf).
 */
export interface FieldSet {
  member: boolean;
  children: Map<string, FieldSet>;
}

export type FieldPath = string[];

export function emptyFieldSet(): FieldSet {
  return { member: false, children: new Map() };
}

export function isEmptyFieldSet(set: FieldSet): boolean {
  return !set.member && set.children.size === 0;
}

export function insertPath(set: FieldSet, path: FieldPath): void {
  let node = set;
  for (const element of path) {
    let child = node.children.get(element);
    if (!child) {
      child = emptyFieldSet();
      node.children.set(element, child);
    }
    node = child;
  }
  node.member = true;
}

export function hasMember(set: FieldSet, path: FieldPath): boolean {
  const node = nodeAt(set, path);
  return node?.member === true;
}

export function nodeAt(set: FieldSet | undefined, path: FieldPath): FieldSet | undefined {
  let node = set;
  for (const element of path) node = node?.children.get(element);
  return node;
}

export function cloneFieldSet(set: FieldSet): FieldSet {
  return { member: set.member, children: new Map([...set.children].map(([k, v]) => [k, cloneFieldSet(v)])) };
}

export function unionFieldSets(...sets: FieldSet[]): FieldSet {
  const out = emptyFieldSet();
  for (const set of sets) addInto(out, set);
  return out;
}

function addInto(target: FieldSet, source: FieldSet): void {
  target.member ||= source.member;
  for (const [key, child] of source.children) {
    let existing = target.children.get(key);
    if (!existing) {
      existing = emptyFieldSet();
      target.children.set(key, existing);
    }
    addInto(existing, child);
  }
}

/** Members of `a` that are not members of `b`; nodes left with nothing below them disappear. */
export function differenceFieldSets(a: FieldSet, b: FieldSet | undefined): FieldSet {
  const out: FieldSet = { member: a.member && !b?.member, children: new Map() };
  for (const [key, child] of a.children) {
    const rest = differenceFieldSets(child, b?.children.get(key));
    if (!isEmptyFieldSet(rest)) out.children.set(key, rest);
  }
  return out;
}

/** Members present in both sets. */
export function intersectFieldSets(a: FieldSet, b: FieldSet): FieldSet {
  const out: FieldSet = { member: a.member && b.member, children: new Map() };
  for (const [key, child] of a.children) {
    const other = b.children.get(key);
    if (!other) continue;
    const both = intersectFieldSets(child, other);
    if (!isEmptyFieldSet(both)) out.children.set(key, both);
  }
  return out;
}

/** Upstream order of path elements: field names, then keys, then values, then indexes. */
export function comparePathElements(a: string, b: string): number {
  const rank = (e: string) => 'fkvi'.indexOf(e[0]);
  const byRank = rank(a) - rank(b);
  if (byRank !== 0) return byRank;
  if (a[0] === 'i') return Number(a.slice(2)) - Number(b.slice(2));
  return a < b ? -1 : a > b ? 1 : 0;
}

function sortedChildren(set: FieldSet): [string, FieldSet][] {
  const children = [...set.children];
  if (children.length < 2) return children;
  // Field names alone (the usual case) sort as plain strings; mixed elements need the element ranks.
  if (children.every(([k]) => k.startsWith('f:'))) return children.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return children.sort(([a], [b]) => comparePathElements(a, b));
}

/** Member paths in upstream iteration order: a node's members first, then its children, depth first. */
export function memberPaths(set: FieldSet, prefix: FieldPath = []): FieldPath[] {
  const out: FieldPath[] = [];
  const children = sortedChildren(set);
  for (const [key, child] of children) if (child.member) out.push([...prefix, key]);
  for (const [key, child] of children) if (child.children.size > 0) out.push(...memberPaths(child, [...prefix, key]));
  return out;
}

export function toFieldsV1(set: FieldSet): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, child] of sortedChildren(set)) {
    const encoded = toFieldsV1(child);
    out[key] = child.member && child.children.size > 0 ? { '.': {}, ...encoded } : encoded;
  }
  return out;
}

/** Decodes FieldsV1; undefined when an element is not one of `f:`, `k:`, `v:`, `i:`. */
export function fromFieldsV1(fields: unknown): FieldSet | undefined {
  if (!isObject(fields)) return undefined;
  const out = emptyFieldSet();
  for (const [key, value] of Object.entries(fields)) {
    if (key === '.') continue;
    if (!/^[fkvi]:/.test(key)) return undefined;
    const child = fromFieldsV1(value);
    if (!child) return undefined;
    const entries = isObject(value) ? Object.keys(value) : [];
    child.member = entries.length === 0 || entries.includes('.');
    out.children.set(key, child);
  }
  return out;
}

function goString(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(goString).join(',')}]`;
  if (isObject(value)) return Object.entries(value).map(([k, v]) => `${k}=${goString(v)}`).join('');
  return String(value);
}

/** The path as upstream prints it in conflicts: `.spec.containers[name="nginx"].image`, `[="x"]`, `[0]`. */
export function formatFieldPath(path: FieldPath): string {
  return path
    .map((element) => {
      const body = element.slice(2);
      switch (element[0]) {
        case 'f':
          return `.${body}`;
        case 'k': {
          const key = JSON.parse(body) as Record<string, unknown>;
          return `[${Object.entries(key).map(([k, v]) => `${k}=${goString(v)}`).join(',')}]`;
        }
        case 'v':
          return `[=${goString(JSON.parse(body))}]`;
        default:
          return `[${body}]`;
      }
    })
    .join('');
}
