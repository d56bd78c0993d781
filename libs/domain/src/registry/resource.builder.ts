import type { KubeObject } from '../objects/object-meta';
import { parseTime, since } from './cells/age.format';
import type {
  ResourceType,
  ScaleSpec,
  SubresourceName,
  SubresourceType,
  TableColumn,
  TableRowCondition,
} from './resource-type';

/** The verbs of a plain stored resource. */
export const ALL_VERBS = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'];
/** Verbs of subresources that read and write part of the object (`status`, `scale`, `ephemeralcontainers`). */
export const READ_WRITE_VERBS = ['get', 'patch', 'update'];

export interface ResourceDefinition {
  group: string;
  version: string;
  kind: string;
  plural: string;
  namespaced: boolean;
  shortNames?: string[];
  categories?: string[];
  verbs?: string[];
  /** Besides `status` and `scale`, which the flags below add. */
  subresources?: SubresourceType[];
  status?: boolean;
  scale?: ScaleSpec;
  columns?: TableColumn[];
  cells?(obj: KubeObject, now: Date): unknown[];
  rowConditions?(obj: KubeObject): TableRowCondition[] | undefined;
  fieldSelectors?: Record<string, (obj: KubeObject) => string | undefined>;
  nameFormat?: ResourceType['nameFormat'];
}

/**
 * Builds a registry entry with upstream's conventions: `<Kind>List`, the lower-case kind as singular, all verbs,
 * `get/patch/update` on `status` and `scale` (answering the kind itself and `autoscaling/v1 Scale`), and the
 * generic `Name | Created At` table when the kind has no printer of its own.
 */
export function defineResource(def: ResourceDefinition): ResourceType {
  const subresources: SubresourceType[] = [...(def.subresources ?? [])];
  if (def.scale) subresources.push(subresource('scale', { group: 'autoscaling', version: 'v1', kind: 'Scale' }, READ_WRITE_VERBS));
  if (def.status) subresources.push(subresource('status', { group: def.group, version: def.version, kind: def.kind }, READ_WRITE_VERBS));
  subresources.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const entry: ResourceType = {
    group: def.group,
    version: def.version,
    kind: def.kind,
    listKind: `${def.kind}List`,
    plural: def.plural,
    singular: def.kind.toLowerCase(),
    namespaced: def.namespaced,
    shortNames: def.shortNames ?? [],
    categories: def.categories ?? [],
    verbs: def.verbs ?? ALL_VERBS,
    subresources,
    hasStatusSubresource: def.status ?? false,
    columns: def.columns ?? DEFAULT_COLUMNS,
    cells: def.cells ?? defaultCells,
  };
  if (def.rowConditions) entry.rowConditions = def.rowConditions;
  if (def.fieldSelectors) entry.fieldSelectors = def.fieldSelectors;
  if (def.scale) entry.scale = def.scale;
  if (def.nameFormat) entry.nameFormat = def.nameFormat;
  return entry;
}

export function subresource(
  name: SubresourceName,
  responseKind: SubresourceType['responseKind'],
  verbs: string[],
): SubresourceType {
  return { name, responseKind, verbs };
}

/** The scale paths shared by Deployment, ReplicaSet, StatefulSet and ReplicationController. */
export const REPLICAS_SCALE: ScaleSpec = {
  specReplicasPath: 'spec.replicas',
  statusReplicasPath: 'status.replicas',
  labelSelectorPath: 'spec.selector',
};

export function column(
  name: string,
  description: string,
  options: { type?: TableColumn['type']; priority?: number; format?: string } = {},
): TableColumn {
  return { name, type: options.type ?? 'string', format: options.format ?? '', description, priority: options.priority ?? 0 };
}

export function wide(name: string, description: string, type: TableColumn['type'] = 'string'): TableColumn {
  return column(name, description, { type, priority: 1 });
}

export const NAME_COLUMN = column('Name', 'Name must be unique within a namespace.', { format: 'name' });
export const AGE_COLUMN = column(
  'Age',
  'CreationTimestamp is a timestamp representing the server time when this object was created.',
);
export const CONTAINERS_COLUMN = wide('Containers', 'Names of each container in the template.');
export const IMAGES_COLUMN = wide('Images', 'Images referenced by each container in the template.');

const DEFAULT_COLUMNS: TableColumn[] = [
  NAME_COLUMN,
  column('Created At', AGE_COLUMN.description, { type: 'date' }),
];

/** Name and creation time as RFC 3339 in UTC, to the second; Go's zero time when unset. */
function defaultCells(obj: KubeObject): unknown[] {
  const ms = parseTime(obj.metadata.creationTimestamp);
  const created = ms === undefined ? '0001-01-01T00:00:00Z' : new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
  return [obj.metadata.name ?? '', created];
}

export function age(obj: KubeObject, now: Date): string {
  return since(obj.metadata.creationTimestamp, now);
}
