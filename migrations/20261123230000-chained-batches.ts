import { Kysely, sql } from 'kysely';

/**
 * Chained batches (docs/decisions.md D12). `log_state.last_batch` names the batch that wrote the log's last event,
 * and `flotilla_append_batch` now takes the position a batch was decided at as the pair (last resourceVersion, last
 * batch) and the new batch's own name. A replica can then send batch N+1, decided against the state batch N will
 * leave, while N is still committing: N+1 writes only if the log ends exactly with N, so a batch N that failed, or
 * another replica's batch of the same length, makes N+1 write nothing instead of writing against a state that never
 * existed.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE log_state ADD COLUMN IF NOT EXISTS last_batch text NOT NULL DEFAULT ''`.execute(db);
  await sql`DROP FUNCTION IF EXISTS flotilla_append_batch(bigint, text[], text[], text[], text[], text[], text[], text[], text[], text[], bigint[], bigint[], bigint[], text)`.execute(db);
  await sql`
    CREATE OR REPLACE FUNCTION flotilla_append_batch(
      expected_last bigint,
      expected_batch text,
      new_batch text,
      event_types text[],
      event_groups text[],
      event_resources text[],
      event_namespaces text[],
      event_names text[],
      event_uids text[],
      event_objects text[],
      event_actors text[],
      event_field_managers text[],
      event_prev_rvs bigint[],
      put_rvs bigint[],
      delete_rvs bigint[],
      channel text
    ) RETURNS bigint
    LANGUAGE plpgsql AS $fn$
    DECLARE
      current_last bigint;
      current_batch text;
      new_last bigint := expected_last + cardinality(event_types);
    BEGIN
      SELECT last_resource_version, last_batch INTO current_last, current_batch FROM log_state WHERE id = 1 FOR UPDATE;
      IF current_last <> expected_last OR current_batch <> expected_batch THEN
        RETURN NULL;
      END IF;
      INSERT INTO events (resource_version, event_type, api_group, resource, namespace, name, uid, object, actor, field_manager, prev_resource_version)
      SELECT expected_last + e.i, e.t, e.g, e.r, e.ns, e.n, e.uid, e.o::jsonb, e.actor, e.fm, e.prev
      FROM unnest(event_types, event_groups, event_resources, event_namespaces, event_names, event_uids, event_objects, event_actors, event_field_managers, event_prev_rvs)
        WITH ORDINALITY AS e(t, g, r, ns, n, uid, o, actor, fm, prev, i);
      IF cardinality(put_rvs) > 0 THEN
        INSERT INTO objects (api_group, resource, namespace, name, uid, resource_version, object)
        SELECT e.api_group, e.resource, e.namespace, e.name, e.uid, e.resource_version, e.object
        FROM events e WHERE e.resource_version = ANY(put_rvs)
        ON CONFLICT (api_group, resource, namespace, name)
        DO UPDATE SET uid = excluded.uid, resource_version = excluded.resource_version, object = excluded.object;
      END IF;
      IF cardinality(delete_rvs) > 0 THEN
        DELETE FROM objects o USING events e
        WHERE e.resource_version = ANY(delete_rvs)
          AND o.api_group = e.api_group AND o.resource = e.resource AND o.namespace = e.namespace AND o.name = e.name;
        DELETE FROM allocations a
        WHERE a.owner IN (
          SELECT e.api_group || '/' || e.resource || '/' || e.namespace || '/' || e.name
          FROM events e WHERE e.resource_version = ANY(delete_rvs));
      END IF;
      UPDATE log_state SET last_resource_version = new_last, last_batch = new_batch WHERE id = 1;
      PERFORM pg_notify(channel, new_last::text);
      RETURN new_last;
    END
    $fn$`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP FUNCTION IF EXISTS flotilla_append_batch(bigint, text, text, text[], text[], text[], text[], text[], text[], text[], text[], text[], bigint[], bigint[], bigint[], text)`.execute(db);
  await sql`ALTER TABLE log_state DROP COLUMN IF EXISTS last_batch`.execute(db);
}
