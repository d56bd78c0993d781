import type { KubeObject, ObjectKey } from '@flotilla/domain';

export type EventType = 'ADDED' | 'MODIFIED' | 'DELETED';

/** One row of the log. `object` carries `metadata.resourceVersion` equal to `resourceVersion`. */
export interface StoredEvent {
  resourceVersion: number;
  type: EventType;
  group: string;
  resource: string;
  namespace: string;
  name: string;
  uid: string;
  object: KubeObject;
  actor: string | null;
  fieldManager: string | null;
  time: Date;
  /** The object as it was before this event (its previous event's object); null for ADDED. */
  prevObject: KubeObject | null;
}

/**
 * What a write does to its object, decided from the current stored state while the batch holds the log lock.
 * `put` appends ADDED (no current object) or MODIFIED; `delete` appends DELETED carrying the final state;
 * `none` appends nothing and answers with `object`.
 */
export type WriteDecision =
  | { action: 'put'; object: KubeObject }
  | { action: 'delete'; object: KubeObject }
  | { action: 'none'; object: KubeObject | null };

export interface WriteRequest {
  key: ObjectKey;
  /**
   * Pure and synchronous: it may run more than once (a failed batch is retried write by write) and it runs while
   * the batch holds the global log lock. Throwing rejects this write alone.
   */
  decide(current: KubeObject | null): WriteDecision;
  /**
   * Another object the write depends on (say, its namespace), read in the same snapshot as `key` and checked
   * before `decide` while the batch is still at that log position. `check` throws to refuse this write alone.
   */
  requires?: { key: ObjectKey; check(current: KubeObject | null): void };
  actor?: string;
  fieldManager?: string;
  /**
   * The one state `decide` accepts, as the writer read it: null for a create (any stored object is refused), or the
   * object at its resourceVersion for a write-if-unchanged (any other resourceVersion is refused). The store may then
   * decide the write against it without reading the key, and have Postgres confirm under the log lock that the key is
   * indeed absent, or still at that resourceVersion (docs/decisions.md D15).
   */
  expects?: KubeObject | null;
}

export interface WriteResult {
  type: EventType | 'NONE';
  /** The stored object (with its new resourceVersion), the final state for DELETED, or the current one for NONE. */
  object: KubeObject | null;
  resourceVersion: number;
}

export interface ListPage {
  items: KubeObject[];
  /** The log position the page reflects. */
  resourceVersion: number;
  /** Namespace and name of the last row read, to continue after; undefined when the list is exhausted. */
  next?: { namespace: string; name: string };
}

export interface ListQuery {
  group: string;
  resource: string;
  /** Undefined for all namespaces (or cluster-scoped kinds). */
  namespace?: string;
  /** Rows strictly after this key (namespace, name order). */
  after?: { namespace: string; name: string };
  limit: number;
}

/** Allocation owners are object keys: `group/resource/namespace/name`. */
export function ownerOf(key: ObjectKey): string {
  return `${key.group}/${key.resource}/${key.namespace}/${key.name}`;
}
