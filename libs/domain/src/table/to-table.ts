import type { KubeObject } from '../objects/object-meta';
import { apiVersionOf, type ResourceType } from '../registry/resource-type';
import type { Table, TableRow, ToTableOptions } from './table.types';

/** Renders objects of one kind as a `meta.k8s.io/v1` Table with the kind's columns (all priorities). */
export function toTable(rt: ResourceType, objects: KubeObject[], opts: ToTableOptions): Table {
  const include = opts.includeObject ?? 'Metadata';
  const rows = objects.map((obj): TableRow => {
    const row: TableRow = { cells: rt.cells(obj, opts.now) };
    const conditions = rt.rowConditions?.(obj);
    if (conditions) row.conditions = conditions;
    if (include === 'Metadata') {
      row.object = { kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata: obj.metadata };
    } else if (include === 'Object') {
      row.object = { ...obj, kind: obj.kind ?? rt.kind, apiVersion: obj.apiVersion ?? apiVersionOf(rt) };
    }
    return row;
  });
  const metadata: Table['metadata'] = {};
  if (opts.resourceVersion !== undefined) metadata.resourceVersion = opts.resourceVersion;
  if (opts.continue) metadata.continue = opts.continue;
  if (opts.remainingItemCount !== undefined) metadata.remainingItemCount = opts.remainingItemCount;
  return {
    kind: 'Table',
    apiVersion: 'meta.k8s.io/v1',
    metadata,
    columnDefinitions: rt.columns.map((c) => ({ ...c })),
    rows,
  };
}
