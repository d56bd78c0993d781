import type { ColumnType, Generated } from 'kysely';

/** bigint columns arrive from pg as strings; we write numbers. */
type BigIntColumn = ColumnType<string, number | string, number | string>;

export interface EventTable {
  resource_version: BigIntColumn;
  event_type: 'ADDED' | 'MODIFIED' | 'DELETED';
  api_group: string;
  resource: string;
  namespace: string;
  name: string;
  uid: string;
  /** The object's JSON text, as the API serialised it (stored as `text`, D25). */
  object: string;
  actor: string | null;
  field_manager: string | null;
  created_at: Generated<Date>;
  prev_resource_version: ColumnType<string | null, number | null | undefined, number | null>;
}

export interface ObjectTable {
  api_group: string;
  resource: string;
  namespace: string;
  name: string;
  uid: string;
  resource_version: BigIntColumn;
  /** The object's JSON text (stored as `text`, D25). */
  object: string;
}

export interface LogStateTable {
  id: number;
  last_resource_version: BigIntColumn;
  compacted_resource_version: BigIntColumn;
  /** The name of the batch that appended the log's last event (see flotilla_append_batch). */
  last_batch: Generated<string>;
}

export interface AllocationTable {
  pool: string;
  value: string;
  owner: string;
}

export interface DB {
  events: EventTable;
  objects: ObjectTable;
  log_state: LogStateTable;
  allocations: AllocationTable;
}
