/** Small accessors for untyped JSON objects, shared by defaulting and validation. */
export type JsonObject = Record<string, unknown>;

export function asRecord(value: unknown): JsonObject | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as JsonObject) : undefined;
}

export function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

export function asString(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

export function asStringMap(value: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  const rec = asRecord(value);
  if (rec) for (const [k, v] of Object.entries(rec)) out[k] = typeof v === 'string' ? v : String(v);
  return out;
}

export function isSet(value: unknown): boolean {
  return value !== undefined && value !== null;
}

/** Returns `parent[key]` as an object, creating `{}` when absent. */
export function ensureRecord(parent: JsonObject, key: string): JsonObject {
  const existing = asRecord(parent[key]);
  if (existing) return existing;
  const created: JsonObject = {};
  parent[key] = created;
  return created;
}

export function setIfAbsent(target: JsonObject, key: string, value: unknown): void {
  if (target[key] === undefined || target[key] === null) target[key] = value;
}

/** Structural equality of JSON values, where an absent key equals `undefined`/`null`. */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if ((a === undefined || a === null) && (b === undefined || b === null)) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((item, i) => jsonEqual(item, b[i]));
  }
  const ra = asRecord(a);
  const rb = asRecord(b);
  if (!ra || !rb) return false;
  const keys = new Set([...Object.keys(ra), ...Object.keys(rb)]);
  for (const k of keys) if (!jsonEqual(ra[k], rb[k])) return false;
  return true;
}

/** Byte length as Go's `len(string)` counts it. */
export function byteLength(value: string): number {
  return Buffer.byteLength(value, 'utf8');
}

export function deepCloneJson<T>(value: T): T {
  return value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T);
}
