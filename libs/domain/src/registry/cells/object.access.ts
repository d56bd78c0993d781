import { isObject } from '../../objects/object-meta';

/** Tolerant readers for untyped JSON objects: a missing or mistyped field reads as its Go zero value. */
export type Json = Record<string, unknown>;

export function rec(value: unknown): Json {
  return isObject(value) ? value : {};
}

export function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

export function records(value: unknown): Json[] {
  return list(value).map(rec);
}

export function str(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

export function int(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) ? Math.trunc(value) : 0;
}

export function bool(value: unknown): boolean {
  return value === true;
}

/** Reads a dotted path (`spec.template.spec`) as a record. */
export function path(obj: unknown, dotted: string): Json {
  let current: unknown = obj;
  for (const key of dotted.split('.')) current = rec(current)[key];
  return rec(current);
}

export function countKeys(value: unknown): number {
  return Object.keys(rec(value)).length;
}
