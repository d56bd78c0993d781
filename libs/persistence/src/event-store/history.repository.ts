import { sql, type Kysely } from 'kysely';
import type { DB } from '../schema';
import { EVENTS_WITH_PREVIOUS, toStoredEvent, type EventRow } from './event-row';
import type { StoredEvent } from './event-store.types';

/** An event of the log with the position of the same object's previous event. */
export interface HistoryEvent extends StoredEvent {
  /** Null for a creation. When set but `prevObject` is null, that previous event has been compacted away. */
  prevResourceVersion: number | null;
}

/** Which events to read: every filter left undefined matches all; events come in resourceVersion order. */
export interface HistoryQuery {
  group?: string;
  resource?: string;
  /** '' for cluster-scoped objects; undefined for every namespace. */
  namespace?: string;
  name?: string;
  /** Only events after this position (exclusive), to page on. */
  after?: number;
  /** Only events up to this position (inclusive), so that later pages stay within the first page's snapshot. */
  upto?: number;
  limit: number;
}

export interface HistoryPage {
  events: HistoryEvent[];
  /** The log position the page was read at. */
  resourceVersion: number;
}

/** The event rows of a history page, with the log position read in the same statement. */
interface HistoryRow extends Omit<EventRow, 'resource_version'> {
  last: string;
  /** Null on the one row of an empty page (the LEFT JOIN LATERAL found no event). */
  resource_version: string | null;
}

/** Reads the event log as per-object history: each event with its predecessor's object, for diffs. */
export class HistoryRepository {
  constructor(private readonly db: Kysely<DB>) {}

  /** Events matching the query, oldest first, and the log position read at, in one statement (one snapshot). */
  async list(q: HistoryQuery): Promise<HistoryPage> {
    const filters = [
      q.group !== undefined ? sql`AND e.api_group = ${q.group}` : sql``,
      q.resource !== undefined ? sql`AND e.resource = ${q.resource}` : sql``,
      q.namespace !== undefined ? sql`AND e.namespace = ${q.namespace}` : sql``,
      q.name !== undefined ? sql`AND e.name = ${q.name}` : sql``,
      q.after !== undefined ? sql`AND e.resource_version > ${q.after}` : sql``,
      q.upto !== undefined ? sql`AND e.resource_version <= ${q.upto}` : sql``,
    ];
    const result = await sql<HistoryRow>`
      SELECT ls.last_resource_version AS last, h.*
      FROM log_state ls
      LEFT JOIN LATERAL (
        ${EVENTS_WITH_PREVIOUS}
        WHERE true ${sql.join(filters, sql` `)}
        ORDER BY e.resource_version
        LIMIT ${q.limit}
      ) h ON true
      WHERE ls.id = 1`.execute(this.db);
    const rows = result.rows.filter((r): r is HistoryRow & EventRow => r.resource_version !== null);
    return { events: rows.map(toHistoryEvent), resourceVersion: Number(result.rows[0].last) };
  }

  /** The event at exactly `resourceVersion`, or null when there is none (never written, or compacted away). */
  async at(resourceVersion: number): Promise<HistoryEvent | null> {
    const result = await sql<EventRow>`
      ${EVENTS_WITH_PREVIOUS}
      WHERE e.resource_version = ${resourceVersion}`.execute(this.db);
    return result.rows.length > 0 ? toHistoryEvent(result.rows[0]) : null;
  }
}

function toHistoryEvent(r: EventRow): HistoryEvent {
  return { ...toStoredEvent(r), prevResourceVersion: r.prev_resource_version === null ? null : Number(r.prev_resource_version) };
}
