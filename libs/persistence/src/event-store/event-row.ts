import { sql } from 'kysely';
import type { KubeObject } from '@flotilla/domain';
import type { EventType, StoredEvent } from './event-store.types';

/** A row of `events` joined with its object's previous event (`EVENTS_WITH_PREVIOUS`). */
export interface EventRow {
  resource_version: string;
  event_type: EventType;
  api_group: string;
  resource: string;
  namespace: string;
  name: string;
  uid: string;
  object: string;
  actor: string | null;
  field_manager: string | null;
  created_at: Date;
  prev_resource_version: string | null;
  prev_object: string | null;
}

/** `events e` with each event's previous state as `prev_object`; add a WHERE on `e`. */
export const EVENTS_WITH_PREVIOUS = sql`
  SELECT e.*, p.object AS prev_object
  FROM events e LEFT JOIN events p ON p.resource_version = e.prev_resource_version`;

export function toStoredEvent(r: EventRow): StoredEvent {
  return {
    resourceVersion: Number(r.resource_version),
    type: r.event_type,
    group: r.api_group,
    resource: r.resource,
    namespace: r.namespace,
    name: r.name,
    uid: r.uid,
    object: JSON.parse(r.object) as KubeObject,
    actor: r.actor,
    fieldManager: r.field_manager,
    time: r.created_at,
    prevObject: r.prev_object === null ? null : (JSON.parse(r.prev_object) as KubeObject),
  };
}
