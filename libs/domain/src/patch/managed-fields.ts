import { isObject, ManagedFieldsEntry } from '../objects/object-meta';
import {
  differenceFieldSets,
  emptyFieldSet,
  FieldSet,
  fromFieldsV1,
  insertPath,
  isEmptyFieldSet,
  toFieldsV1,
  unionFieldSets,
} from './field-set';

/** What identifies a managedFields entry: appliers are one entry whatever apiVersion they used, updaters one per apiVersion. */
export interface ManagerIdentity {
  manager: string;
  operation: 'Apply' | 'Update';
  apiVersion?: string;
  subresource?: string;
}

export interface ManagedSet {
  identity: ManagerIdentity;
  apiVersion: string;
  set: FieldSet;
  time?: string;
}

/** Managers by identity key. */
export type Managers = Map<string, ManagedSet>;

/** The identity as upstream serialises it (JSON in ManagedFieldsEntry field order), used as map key and sort key. */
export function identityKey(identity: ManagerIdentity): string {
  const ordered: Record<string, string> = { manager: identity.manager, operation: identity.operation };
  if (identity.apiVersion) ordered.apiVersion = identity.apiVersion;
  if (identity.subresource) ordered.subresource = identity.subresource;
  return JSON.stringify(ordered);
}

export function managerIdentity(manager: string, operation: 'Apply' | 'Update', apiVersion: string, subresource?: string): ManagerIdentity {
  return {
    manager,
    operation,
    ...(operation === 'Update' ? { apiVersion } : {}),
    ...(subresource ? { subresource } : {}),
  };
}

/** How conflicts name a manager: `"kubectl-client-side-apply" using apps/v1`, `"x" with subresource "status"`. */
export function describeManager(identity: ManagerIdentity): string {
  let text = JSON.stringify(identity.manager);
  if (identity.subresource) text += ` with subresource ${JSON.stringify(identity.subresource)}`;
  if (identity.operation === 'Update') text += ` using ${identity.apiVersion ?? ''}`;
  return text;
}

/** Decodes metadata.managedFields; undefined when an entry is malformed (upstream then falls back or starts empty). */
export function decodeManagedFields(entries: unknown): Managers | undefined {
  const managers: Managers = new Map();
  if (entries === undefined || entries === null) return managers;
  if (!Array.isArray(entries)) return undefined;
  for (const entry of entries) {
    if (!isObject(entry)) return undefined;
    const { operation, apiVersion, fieldsType } = entry;
    if (operation !== 'Apply' && operation !== 'Update') return undefined;
    if (typeof apiVersion !== 'string' || apiVersion === '') return undefined;
    if (fieldsType !== 'FieldsV1') return undefined;
    const set = fromFieldsV1(entry.fieldsV1 ?? {});
    if (!set) return undefined;
    const manager = typeof entry.manager === 'string' ? entry.manager : '';
    const subresource = typeof entry.subresource === 'string' ? entry.subresource : undefined;
    const identity = managerIdentity(manager, operation, apiVersion, subresource);
    managers.set(identityKey(identity), {
      identity,
      apiVersion,
      set,
      time: typeof entry.time === 'string' ? entry.time : undefined,
    });
  }
  return managers;
}

function seconds(time: string | undefined): number {
  const ms = time ? Date.parse(time) : NaN;
  return Number.isNaN(ms) ? 0 : Math.floor(ms / 1000);
}

/** Entries in upstream order: Apply before Update, then by time (seconds), manager, apiVersion, subresource. */
export function encodeManagedFields(managers: Managers): ManagedFieldsEntry[] {
  const entries = [...managers.values()].map((m): ManagedFieldsEntry => {
    const entry: ManagedFieldsEntry = { manager: m.identity.manager, operation: m.identity.operation, apiVersion: m.apiVersion };
    if (m.time) entry.time = m.time;
    entry.fieldsType = 'FieldsV1';
    entry.fieldsV1 = toFieldsV1(m.set);
    if (m.identity.subresource) entry.subresource = m.identity.subresource;
    return entry;
  });
  const compare = (a: string | undefined, b: string | undefined) => ((a ?? '') < (b ?? '') ? -1 : (a ?? '') > (b ?? '') ? 1 : 0);
  return entries.sort(
    (p, q) =>
      compare(p.operation, q.operation) ||
      seconds(p.time) - seconds(q.time) ||
      compare(p.manager, q.manager) ||
      compare(p.apiVersion, q.apiVersion) ||
      compare(p.subresource, q.subresource),
  );
}

/** `[]` or a single empty entry in a request resets tracking (upstream isResetManagedFields). */
export function isResetManagedFields(entries: unknown): boolean {
  if (!Array.isArray(entries)) return false;
  if (entries.length === 0) return true;
  return entries.length === 1 && isObject(entries[0]) && Object.values(entries[0]).every((v) => v === undefined || v === null || v === '');
}

const STRIPPED = emptyFieldSet();
for (const path of [
  ['f:apiVersion'],
  ['f:kind'],
  ['f:metadata'],
  ...['name', 'namespace', 'creationTimestamp', 'selfLink', 'uid', 'clusterName', 'generation', 'managedFields', 'resourceVersion'].map((f) => [
    'f:metadata',
    `f:${f}`,
  ]),
]) {
  insertPath(STRIPPED, path);
}

/** Removes the fields no manager ever owns: type meta and the server-maintained parts of metadata. */
export function stripMetaFields(set: FieldSet): FieldSet {
  return differenceFieldSets(set, STRIPPED);
}

/**
 * Which part of the object a write may own. Writes to the main resource of a kind with a status subresource do
 * not own `status`; writes to the status subresource own only `status`.
 */
export type TrackingScope = 'all' | 'main' | 'status';

export function trackingScope(subresource: string | undefined, hasStatusSubresource: boolean | undefined): TrackingScope {
  if (subresource === 'status') return 'status';
  return hasStatusSubresource ? 'main' : 'all';
}

export function limitToScope(set: FieldSet, scope: TrackingScope): FieldSet {
  if (scope === 'all') return set;
  const status = set.children.get('f:status');
  if (scope === 'status') {
    const out = emptyFieldSet();
    if (status) out.children.set('f:status', status);
    return out;
  }
  const out: FieldSet = { member: set.member, children: new Map(set.children) };
  out.children.delete('f:status');
  return out;
}

/** Upstream caps Update entries at 10, folding the oldest into one `ancient-changes` entry per apiVersion. */
export const MAX_UPDATE_MANAGERS = 10;

export function capUpdateManagers(managers: Managers, max = MAX_UPDATE_MANAGERS): void {
  const updaters = [...managers.entries()].filter(([, m]) => m.identity.operation === 'Update');
  if (updaters.length <= max) return;
  updaters.sort(([ka, a], [kb, b]) => seconds(a.time) - seconds(b.time) || (ka < kb ? -1 : ka > kb ? 1 : 0));
  const firstByVersion = new Map<string, string>();
  let count = updaters.length;
  for (const [key, entry] of updaters) {
    if (count <= max) break;
    const version = entry.apiVersion;
    const first = firstByVersion.get(version);
    if (first === undefined) {
      firstByVersion.set(version, key);
      continue;
    }
    const identity = managerIdentity('ancient-changes', 'Update', version);
    const bucketKey = identityKey(identity);
    let bucket = managers.get(bucketKey);
    if (!bucket) {
      const firstEntry = managers.get(first);
      managers.delete(first);
      bucket = { identity, apiVersion: version, set: firstEntry?.set ?? emptyFieldSet(), time: firstEntry?.time };
    }
    managers.set(bucketKey, { ...bucket, set: unionFieldSets(entry.set, bucket.set), time: entry.time });
    managers.delete(key);
    count--;
  }
}

export function dropEmptyManagers(managers: Managers): void {
  for (const [key, m] of managers) if (isEmptyFieldSet(m.set)) managers.delete(key);
}
