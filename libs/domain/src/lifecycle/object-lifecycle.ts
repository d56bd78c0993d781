import { BadRequestError } from '../errors';
import { deepClone, isObject, withoutKey, type KubeObject, type ObjectMeta } from '../objects/object-meta';
import type { ResourceType } from '../registry/resource-type';

/** Inputs that make lifecycle functions deterministic: the clock and the new uid come from the caller. */
export interface LifecycleClock {
  /** RFC 3339, to the second, as Kubernetes writes timestamps. */
  now: string;
}

export function rfc3339(date: Date): string {
  // Every write formats the time (creationTimestamp, managedFields), most of them within the same second.
  const second = Math.floor(date.getTime() / 1000);
  if (second !== lastSecond.at) lastSecond.text = date.toISOString().replace(/\.\d{3}Z$/, 'Z');
  lastSecond.at = second;
  return lastSecond.text;
}

const lastSecond = { at: Number.NaN, text: '' };

const SERVER_OWNED_META = ['uid', 'resourceVersion', 'generation', 'creationTimestamp', 'deletionTimestamp', 'deletionGracePeriodSeconds', 'selfLink'] as const;
const SERVER_OWNED = new Set<string>(SERVER_OWNED_META);

/** Fields of the object that count as "spec" for generation: everything but metadata, status, and type meta. */
function specOf(obj: KubeObject): Record<string, unknown> {
  const { metadata: _m, status: _s, apiVersion: _a, kind: _k, ...rest } = obj;
  return rest;
}

/** Deep equality over JSON values (key order does not matter). */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((v, i) => jsonEqual(v, b[i]));
  }
  if (isObject(a) && isObject(b)) {
    const ka = Object.keys(a).filter((k) => a[k] !== undefined);
    const kb = Object.keys(b).filter((k) => b[k] !== undefined);
    if (ka.length !== kb.length) return false;
    return ka.every((k) => jsonEqual(a[k], b[k]));
  }
  return false;
}

/** Whether the kind tracks `metadata.generation` (kinds with a spec/status split, as upstream's strategies do). */
export function tracksGeneration(rt: ResourceType): boolean {
  return rt.hasStatusSubresource;
}

/**
 * Server bookkeeping for a create: type meta from the registry, a fresh uid and creationTimestamp, generation 1,
 * status reset where the kind has a status subresource (status is written through /status only), nothing a
 * client may not set. Defaulting runs after this.
 */
export function prepareForCreate(rt: ResourceType, input: KubeObject, uid: string, clock: LifecycleClock): KubeObject {
  const obj = deepClone(input);
  obj.apiVersion = rt.group ? `${rt.group}/${rt.version}` : rt.version;
  obj.kind = rt.kind;
  // Copied without the server's fields rather than deleting them: an object that had properties deleted is slower
  // to read and to serialise, and this one is serialised for the log and the answer.
  const meta: ObjectMeta = {};
  for (const [field, value] of Object.entries(obj.metadata ?? {})) {
    if (!SERVER_OWNED.has(field) && !(field === 'namespace' && !rt.namespaced)) meta[field] = value;
  }
  meta.uid = uid;
  meta.creationTimestamp = clock.now;
  if (tracksGeneration(rt)) meta.generation = 1;
  obj.metadata = meta;
  return rt.hasStatusSubresource && obj.status !== undefined ? withoutKey(obj, 'status') : obj;
}

export interface UpdateOptions {
  /** Writing the `status` subresource: only status (and nothing else) changes. */
  subresource?: 'status';
}

/**
 * Server bookkeeping for an update of `old` to `input`: identity and server-owned metadata come from the stored
 * object; on the main resource of a kind with a status subresource the status stays as stored; through /status only
 * the status changes. `generation` grows by one when the spec changed.
 */
export function prepareForUpdate(rt: ResourceType, input: KubeObject, old: KubeObject, options: UpdateOptions = {}): KubeObject {
  let obj: KubeObject;
  if (options.subresource === 'status') {
    obj = deepClone(old);
    if (input.status === undefined) obj = withoutKey(obj, 'status');
    else obj.status = deepClone(input.status);
  } else {
    obj = deepClone(input);
    if (rt.hasStatusSubresource) {
      if (old.status === undefined) obj = withoutKey(obj, 'status');
      else obj.status = deepClone(old.status);
    }
  }
  obj.apiVersion = rt.group ? `${rt.group}/${rt.version}` : rt.version;
  obj.kind = rt.kind;
  // Server-owned fields keep their place with the stored values, or leave; those the request lacks follow.
  const stored: Record<string, unknown> = old.metadata;
  const meta: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(obj.metadata ?? {})) {
    if (!SERVER_OWNED.has(field)) meta[field] = value;
    else if (stored[field] !== undefined) meta[field] = stored[field];
  }
  for (const f of SERVER_OWNED_META) if (stored[f] !== undefined && !(f in meta)) meta[f] = stored[f];
  obj.metadata = meta;
  meta.name = old.metadata.name;
  if (old.metadata.namespace !== undefined) meta.namespace = old.metadata.namespace;
  if (tracksGeneration(rt)) {
    const previous = old.metadata.generation ?? 1;
    meta.generation = jsonEqual(specOf(obj), specOf(old)) ? previous : previous + 1;
  }
  return obj;
}

/** True when an update changes nothing a client could observe (kube-apiserver then writes nothing). */
export function isNoopUpdate(next: KubeObject, old: KubeObject): boolean {
  const strip = (o: KubeObject) => ({ ...o, metadata: withoutKey(withoutKey(o.metadata, 'resourceVersion'), 'managedFields') });
  if (!jsonEqual(strip(next), strip(old))) return false;
  // managedFields differ only in timestamps when nothing else changed; upstream skips such writes too.
  return true;
}

const SUFFIX_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';

/** `generateName` + 5 random characters from the Kubernetes alphabet; `random` returns numbers in [0,1). */
export function generatedName(prefix: string, random: () => number): string {
  const base = prefix.length > 58 ? prefix.slice(0, 58) : prefix;
  let suffix = '';
  for (let i = 0; i < 5; i++) suffix += SUFFIX_ALPHABET[Math.floor(random() * SUFFIX_ALPHABET.length)];
  return base + suffix;
}

export type DeletionPropagation = 'Orphan' | 'Background' | 'Foreground';

export interface DeleteOptions {
  gracePeriodSeconds?: number;
  propagationPolicy?: DeletionPropagation;
  preconditions?: { uid?: string; resourceVersion?: string };
  dryRun?: string[];
}

export type DeleteDecision =
  | { action: 'delete'; object: KubeObject }
  | { action: 'put'; object: KubeObject } // marked for deletion, waiting for finalizers or the grace period
  | { action: 'none'; object: KubeObject }; // already terminating, nothing changes

/**
 * Graceful deletion as kube-apiserver does it. Objects with finalizers, and pods bound to a node with a grace
 * period, get `deletionTimestamp` (+ `deletionGracePeriodSeconds`) and stay until finalizers are gone and the node
 * agent confirms; everything else is removed at once. `Foreground` adds the `foregroundDeletion` finalizer and
 * `Orphan` the `orphan` finalizer, which the garbage collector processes.
 */
export function decideDelete(rt: ResourceType, current: KubeObject, options: DeleteOptions, clock: LifecycleClock): DeleteDecision {
  const meta = current.metadata;
  const finalizers = [...(meta.finalizers ?? [])];
  const policy = options.propagationPolicy;
  if (policy === 'Foreground' && !finalizers.includes('foregroundDeletion')) finalizers.push('foregroundDeletion');
  if (policy === 'Orphan' && !finalizers.includes('orphan')) finalizers.push('orphan');
  let grace = 0;
  if (rt.group === '' && rt.plural === 'pods') {
    const spec = (current.spec ?? {}) as { nodeName?: string; terminationGracePeriodSeconds?: number };
    const phase = (current.status as { phase?: string } | undefined)?.phase;
    const finished = phase === 'Succeeded' || phase === 'Failed';
    grace = options.gracePeriodSeconds ?? spec.terminationGracePeriodSeconds ?? 30;
    if (!spec.nodeName || finished) grace = 0;
  }
  if (finalizers.length === 0 && grace === 0) return { action: 'delete', object: current };
  if (meta.deletionTimestamp) {
    // Already terminating: a shorter grace period may still shorten the wait; a zero grace with no finalizers removes it.
    const previousGrace = meta.deletionGracePeriodSeconds ?? 0;
    if (grace < previousGrace || !sameSet(finalizers, meta.finalizers ?? [])) {
      const object = deepClone(current);
      object.metadata.deletionGracePeriodSeconds = grace;
      if (finalizers.length > 0) object.metadata.finalizers = finalizers;
      return { action: 'put', object };
    }
    return { action: 'none', object: current };
  }
  const object = deepClone(current);
  object.metadata.deletionTimestamp = addSeconds(clock.now, grace);
  object.metadata.deletionGracePeriodSeconds = grace;
  if (finalizers.length > 0) object.metadata.finalizers = finalizers;
  if (tracksGeneration(rt)) object.metadata.generation = (meta.generation ?? 1) + 1;
  return { action: 'put', object };
}

/** After an update of a terminating object: gone once no finalizer is left and no grace period is running. */
export function readyToRemove(rt: ResourceType, obj: KubeObject): boolean {
  if (!obj.metadata.deletionTimestamp) return false;
  if ((obj.metadata.finalizers ?? []).length > 0) return false;
  return !(rt.group === '' && rt.plural === 'pods' && (obj.metadata.deletionGracePeriodSeconds ?? 0) > 0);
}

function sameSet(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((x) => b.includes(x));
}

function addSeconds(rfc: string, seconds: number): string {
  return rfc3339(new Date(Date.parse(rfc) + seconds * 1000));
}

/** Parses a DeleteOptions body (JSON), rejecting what upstream rejects. */
export function parseDeleteOptions(body: unknown): DeleteOptions {
  if (body === undefined || body === null) return {};
  if (!isObject(body)) throw new BadRequestError('DeleteOptions must be a JSON object');
  const options: DeleteOptions = {};
  if (body.gracePeriodSeconds !== undefined && body.gracePeriodSeconds !== null) {
    if (typeof body.gracePeriodSeconds !== 'number' || !Number.isInteger(body.gracePeriodSeconds)) {
      throw new BadRequestError('json: cannot unmarshal gracePeriodSeconds into Go struct field DeleteOptions.gracePeriodSeconds of type int64');
    }
    options.gracePeriodSeconds = Math.max(0, body.gracePeriodSeconds);
  }
  if (body.propagationPolicy !== undefined && body.propagationPolicy !== null) {
    const p = body.propagationPolicy;
    if (p !== 'Orphan' && p !== 'Background' && p !== 'Foreground') {
      throw new BadRequestError(`propagationPolicy: Unsupported value: ${JSON.stringify(p)}: supported values: "Foreground", "Background", "Orphan"`);
    }
    options.propagationPolicy = p;
  } else if (body.orphanDependents === true) {
    options.propagationPolicy = 'Orphan';
  }
  if (isObject(body.preconditions)) {
    const pre = body.preconditions as { uid?: unknown; resourceVersion?: unknown };
    options.preconditions = {
      uid: typeof pre.uid === 'string' ? pre.uid : undefined,
      resourceVersion: typeof pre.resourceVersion === 'string' ? pre.resourceVersion : undefined,
    };
  }
  if (Array.isArray(body.dryRun)) options.dryRun = body.dryRun.map(String);
  return options;
}
