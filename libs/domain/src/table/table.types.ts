import type { KubeObject, ListMeta, ObjectMeta } from '../objects/object-meta';
import type { TableColumn, TableRowCondition } from '../registry/resource-type';

export type TableColumnDefinition = TableColumn;

/** `includeObject` of a Table request: what each row carries besides its cells. */
export type IncludeObjectPolicy = 'None' | 'Metadata' | 'Object';

export interface PartialObjectMetadata {
  kind: 'PartialObjectMetadata';
  apiVersion: 'meta.k8s.io/v1';
  metadata: ObjectMeta;
}

export interface TableRow {
  cells: unknown[];
  conditions?: TableRowCondition[];
  object?: PartialObjectMetadata | KubeObject;
}

/** The `meta.k8s.io/v1` Table kubectl asks for with `Accept: application/json;as=Table;v=v1;g=meta.k8s.io`. */
export interface Table {
  kind: 'Table';
  apiVersion: 'meta.k8s.io/v1';
  metadata: ListMeta;
  columnDefinitions: TableColumnDefinition[];
  rows: TableRow[];
}

export interface ToTableOptions {
  /** The instant AGE columns are measured from. */
  now: Date;
  /** Default `Metadata`. */
  includeObject?: IncludeObjectPolicy;
  resourceVersion?: string;
  continue?: string;
  remainingItemCount?: number;
}
