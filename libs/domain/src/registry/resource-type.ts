import type { FieldError } from '../errors';
import type { KubeObject } from '../objects/object-meta';

/** A Table column as served in `meta.k8s.io/v1` Tables. */
export interface TableColumn {
  name: string;
  type: 'string' | 'integer' | 'number' | 'boolean' | 'date';
  format: string;
  description: string;
  priority: number;
}

export type SubresourceName = 'status' | 'scale' | 'binding' | 'log' | 'exec' | 'attach' | 'portforward' | 'eviction' | 'proxy' | 'token' | 'ephemeralcontainers' | 'finalize';

export interface SubresourceType {
  name: SubresourceName;
  /** The kind the subresource answers with: `{group:'autoscaling',version:'v1',kind:'Scale'}` for scale. */
  responseKind: { group: string; version: string; kind: string };
  verbs: string[];
}

/** A condition attached to a Table row (upstream marks finished pods with `Completed`). */
export interface TableRowCondition {
  type: string;
  status: 'True' | 'False' | 'Unknown';
  reason?: string;
  message?: string;
}

/** Where a kind keeps what the `scale` subresource reads and writes. */
export interface ScaleSpec {
  /** Dotted path of the desired replica count, e.g. `spec.replicas`. */
  specReplicasPath: string;
  statusReplicasPath: string;
  /** Path of the label selector (`spec.selector`); its string form becomes `status.selector` of the Scale. */
  labelSelectorPath: string;
}

/** What a validator learns about the request besides the object. */
export interface ValidationContext {
  operation: 'CREATE' | 'UPDATE';
  /** The stored object for UPDATE. */
  old?: KubeObject;
}

/**
 * One entry of the resource registry: everything the API needs to serve a kind. Adding a kind is adding one of
 * these (plus its validation), nothing else.
 */
export interface ResourceType {
  /** '' for the core group. */
  group: string;
  version: string;
  kind: string;
  listKind: string;
  /** The URL resource name (plural, lower case). */
  plural: string;
  singular: string;
  namespaced: boolean;
  shortNames: string[];
  categories: string[];
  verbs: string[];
  subresources: SubresourceType[];
  /**
   * True when the kind splits spec and status: `generation` then bumps only on changes outside `status` and
   * `metadata`, and writes to the main resource leave `status` unchanged (status goes through `/status`).
   */
  hasStatusSubresource: boolean;
  /** Table columns in upstream order (priority 0 first as upstream lists them; priority 1 shows only with -o wide). */
  columns: TableColumn[];
  /** Cells of one Table row, in `columns` order. `now` is passed in so rendering is deterministic. */
  cells(obj: KubeObject, now: Date): unknown[];
  /** Row conditions for a Table row, when the kind has any. */
  rowConditions?(obj: KubeObject): TableRowCondition[] | undefined;
  /** Fills server defaults in place (after decoding, before validation). Pure: no allocation of IPs/ports here. */
  applyDefaults?(obj: KubeObject): void;
  /** Object semantics; names, namespace and metadata are validated generically before this. */
  validate?(obj: KubeObject, ctx: ValidationContext): FieldError[];
  /**
   * Field selectors the kind supports besides `metadata.name` and `metadata.namespace` (which every kind has):
   * a map from field path to a getter returning the string value compared by the selector.
   */
  fieldSelectors?: Record<string, (obj: KubeObject) => string | undefined>;
  scale?: ScaleSpec;
  /** Whether names must be DNS-1123 subdomains (default), DNS-1123 labels, or only path-segment safe names. */
  nameFormat?: 'subdomain' | 'label' | 'path-segment';
}

export function apiVersionOf(rt: Pick<ResourceType, 'group' | 'version'>): string {
  return rt.group ? `${rt.group}/${rt.version}` : rt.version;
}
