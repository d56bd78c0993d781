import { InternalError, isStatusError, type KubeObject, type ObjectKey } from '@flotilla/domain';
import type { EventType, WriteRequest, WriteResult } from './event-store.types';

/**
 * How a batch of writes is decided, apart from where its state comes from: each write's requirement check and
 * `decide`, in order, against the state the batch starts from, giving the events it appends and each write's outcome.
 * Pure: the event store reads the state and appends the plan.
 */

export interface PendingWrite {
  request: WriteRequest;
  resolve(result: WriteResult): void;
  reject(error: unknown): void;
}

export interface AppendedEvent {
  type: EventType;
  key: ObjectKey;
  object: KubeObject;
  request: WriteRequest;
  prevResourceVersion: number | null;
  /** The object before this event (null for ADDED). */
  prevObject: KubeObject | null;
}

export type Outcome = { ok: true; result: WriteResult } | { ok: false; error: unknown };

export const keyString = (k: ObjectKey) => `${k.group}\u0000${k.resource}\u0000${k.namespace}\u0000${k.name}`;

export interface BatchPlan {
  outcomes: Outcome[];
  events: AppendedEvent[];
  /** resourceVersions of the events that leave their key stored, and of those that leave it deleted. */
  putRvs: number[];
  deleteRvs: number[];
}

/** Runs each write's requirement check and `decide` in order against the state at `last`, as the batch will commit. */
export function planBatch(requests: WriteRequest[], last: number, state: Map<string, KubeObject | null>): BatchPlan {
  let rv = last;
  const outcomes: Outcome[] = [];
  const events: AppendedEvent[] = [];
  const finalRv = new Map<string, { rv: number; deleted: boolean }>();
  for (const request of requests) {
    const k = keyString(request.key);
    const current = state.get(k) ?? null;
    try {
      request.requires?.check(state.get(keyString(request.requires.key)) ?? null);
      const decision = request.decide(current);
      if (decision.action === 'none') {
        outcomes.push({ ok: true, result: { type: 'NONE', object: decision.object, resourceVersion: rv } });
        continue;
      }
      rv += 1;
      const object = withResourceVersion(decision.object, rv);
      const type: EventType = decision.action === 'delete' ? 'DELETED' : current ? 'MODIFIED' : 'ADDED';
      const prevResourceVersion = current ? Number(current.metadata.resourceVersion) : null;
      events.push({ type, key: request.key, object, request, prevResourceVersion, prevObject: current });
      state.set(k, type === 'DELETED' ? null : object);
      finalRv.set(k, { rv, deleted: type === 'DELETED' });
      outcomes.push({ ok: true, result: { type, object, resourceVersion: rv } });
    } catch (error) {
      outcomes.push({ ok: false, error }); // the caller's own error, passed through as thrown
    }
  }
  const putRvs: number[] = [];
  const deleteRvs: number[] = [];
  for (const f of finalRv.values()) (f.deleted ? deleteRvs : putRvs).push(f.rv);
  return { outcomes, events, putRvs, deleteRvs };
}

/**
 * The plan as it landed `shift` resourceVersions later than it was decided (a floating batch, D15): the same events
 * and outcomes, every resourceVersion moved up, the objects copied with theirs.
 */
export function relocate(plan: BatchPlan, shift: number): BatchPlan {
  const moved = new Map<KubeObject, KubeObject>();
  const events = plan.events.map((e) => {
    const object = withResourceVersion(e.object, Number(e.object.metadata.resourceVersion) + shift);
    moved.set(e.object, object);
    return { ...e, object };
  });
  const outcomes = plan.outcomes.map((o): Outcome => {
    if (!o.ok) return o;
    const object = o.result.object && (moved.get(o.result.object) ?? o.result.object);
    return { ok: true, result: { ...o.result, object, resourceVersion: o.result.resourceVersion + shift } };
  });
  return { outcomes, events, putRvs: plan.putRvs.map((rv) => rv + shift), deleteRvs: plan.deleteRvs.map((rv) => rv + shift) };
}

/** Every key a batch reads: the written keys and the keys their requirements name, once each. */
export function keysOf(requests: WriteRequest[]): ObjectKey[] {
  const unique = new Map<string, ObjectKey>();
  for (const r of requests) {
    unique.set(keyString(r.key), r.key);
    if (r.requires) unique.set(keyString(r.requires.key), r.requires.key);
  }
  return [...unique.values()];
}

function withResourceVersion(object: KubeObject, rv: number): KubeObject {
  return { ...object, metadata: { ...object.metadata, resourceVersion: String(rv) } };
}

export function keyTuple(k: ObjectKey): string[] {
  return [k.group, k.resource, k.namespace, k.name];
}

/** The state a plan leaves for each key it writes (null: deleted). */
export function writesOf(plan: BatchPlan): Map<string, KubeObject | null> {
  const writes = new Map<string, KubeObject | null>();
  for (const e of plan.events) writes.set(keyString(e.key), e.type === 'DELETED' ? null : e.object);
  return writes;
}

export function settleOutcomes(batch: PendingWrite[], outcomes: Outcome[]): void {
  outcomes.forEach((o, i) => (o.ok ? batch[i].resolve(o.result) : batch[i].reject(o.error)));
}

export function settleAll(batch: PendingWrite[], error: unknown): void {
  for (const p of batch) p.reject(isStatusError(error) ? error : new InternalError(describe(error)));
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
