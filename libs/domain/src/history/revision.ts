import type { KubeObject, ObjectMeta } from '../objects/object-meta';
import { diffJson, type JsonDiffOperation } from './json-diff';

export const HISTORY_GROUP = 'history.flotilla.dev';
export const HISTORY_VERSION = 'v1';
export const HISTORY_API_VERSION = `${HISTORY_GROUP}/${HISTORY_VERSION}`;

export type RevisionType = 'ADDED' | 'MODIFIED' | 'DELETED';

/** The object a revision is a version of. */
export interface RevisionTarget {
  apiVersion?: string;
  kind?: string;
  /** '' for the core group. */
  group: string;
  resource: string;
  /** Absent for cluster-scoped objects. */
  namespace?: string;
  name: string;
  uid: string;
}

/**
 * One version of one object: the event that produced it, who made it, and the RFC 6902 patch from the previous
 * version. Named by its resourceVersion, which is unique across the whole log.
 */
export interface Revision extends KubeObject {
  apiVersion: typeof HISTORY_API_VERSION;
  kind: 'Revision';
  metadata: ObjectMeta;
  target: RevisionTarget;
  type: RevisionType;
  /** When the version was committed, RFC 3339 with milliseconds. */
  time: string;
  user?: string;
  fieldManager?: string;
  /** The resourceVersion of the same object's previous version; absent for a creation. */
  previousResourceVersion?: string;
  /**
   * Applied to the previous version, gives this one exactly (`metadata.resourceVersion` included). A creation is
   * one `add` of the whole object at path `''`; a version whose predecessor was compacted away is one `replace` of
   * the whole object at `''`.
   */
  diff: JsonDiffOperation[];
  /** The whole object at this version (single reads only; lists carry the diff alone). */
  object?: KubeObject;
}

/** What a revision is built from: one event of the log and the object of the event before it. */
export interface RevisionSource {
  resourceVersion: number;
  type: RevisionType;
  group: string;
  resource: string;
  namespace: string;
  name: string;
  uid: string;
  object: KubeObject;
  time: Date;
  actor: string | null;
  fieldManager: string | null;
  prevResourceVersion: number | null;
  /** Null for a creation, and when the previous event has been compacted away. */
  prevObject: KubeObject | null;
}

export function revisionDiff(source: Pick<RevisionSource, 'object' | 'prevObject' | 'prevResourceVersion'>): JsonDiffOperation[] {
  if (source.prevResourceVersion === null) return [{ op: 'add', path: '', value: source.object }];
  if (source.prevObject === null) return [{ op: 'replace', path: '', value: source.object }];
  return diffJson(source.prevObject, source.object);
}

export function toRevision(source: RevisionSource, options: { includeObject?: boolean } = {}): Revision {
  const rv = String(source.resourceVersion);
  const metadata: ObjectMeta = { name: rv };
  if (source.namespace) metadata.namespace = source.namespace;
  metadata.resourceVersion = rv;
  metadata.creationTimestamp = source.time.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const target: RevisionTarget = {
    ...(source.object.apiVersion ? { apiVersion: source.object.apiVersion } : {}),
    ...(source.object.kind ? { kind: source.object.kind } : {}),
    group: source.group,
    resource: source.resource,
    ...(source.namespace ? { namespace: source.namespace } : {}),
    name: source.name,
    uid: source.uid,
  };
  return {
    apiVersion: HISTORY_API_VERSION,
    kind: 'Revision',
    metadata,
    target,
    type: source.type,
    time: source.time.toISOString(),
    ...(source.actor ? { user: source.actor } : {}),
    ...(source.fieldManager ? { fieldManager: source.fieldManager } : {}),
    ...(source.prevResourceVersion !== null ? { previousResourceVersion: String(source.prevResourceVersion) } : {}),
    diff: revisionDiff(source),
    ...(options.includeObject ? { object: source.object } : {}),
  };
}
