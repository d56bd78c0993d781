import { Kysely, sql } from 'kysely';

/**
 * Objects are stored as `text` and reach the append as raw bytes (docs/decisions.md D25).
 *
 * As `json`, every object was lexed twice by the one backend all appends go through, inside the log lock: once when
 * the batch's array parameter was bound (`json` input checks the text), and again when `json_array_elements` split
 * it. The API made every text with `JSON.stringify`, and readers parse what they read anyway, so the checks bought
 * nothing. Now the batch's objects come as one `bytea` parameter (sent in binary, copied as is) with each object's
 * byte offset and length, and each is cut out with `substring` and decoded with `convert_from` (which only checks the
 * UTF-8). `flotilla_load_batch` returns the text; the store parses what it reads.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE events ALTER COLUMN object TYPE text USING object::text`.execute(db);
  await sql`ALTER TABLE objects ALTER COLUMN object TYPE text USING object::text`.execute(db);
  await sql`DROP FUNCTION IF EXISTS flotilla_append_batch(bigint, text, text, text[], text[], text[], text[], text[], text[], json, text[], text[], bigint[], bigint[], bigint[], text, jsonb)`.execute(db);
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
      event_objects bytea,
      event_object_offsets integer[],
      event_object_lengths integer[],
      event_actors text[],
      event_field_managers text[],
      event_prev_rvs bigint[],
      put_rvs bigint[],
      delete_rvs bigint[],
      channel text,
      checks jsonb
    ) RETURNS bigint
    LANGUAGE plpgsql
    SET plan_cache_mode = force_generic_plan
    SET enable_hashjoin = off
    SET enable_mergejoin = off
    AS $fn$
    DECLARE
      current_last bigint;
      current_batch text;
      base bigint := expected_last;
      shift bigint := 0;
      new_last bigint;
    BEGIN
      SELECT last_resource_version, last_batch INTO current_last, current_batch FROM log_state WHERE id = 1 FOR UPDATE;
      IF current_last <> expected_last OR current_batch <> expected_batch THEN
        IF NOT coalesce((checks->>'floating')::boolean, false) THEN
          RETURN NULL;
        END IF;
        base := current_last;
        shift := base - expected_last;
      END IF;
      new_last := base + cardinality(event_types);
      IF checks IS NOT NULL AND (
        EXISTS (
          SELECT 1 FROM jsonb_array_elements(checks->'absent') k
          JOIN objects o ON o.api_group = k->>0 AND o.resource = k->>1 AND o.namespace = k->>2 AND o.name = k->>3)
        OR EXISTS (
          SELECT 1 FROM jsonb_array_elements(checks->'stored') k
          WHERE NOT EXISTS (
            SELECT 1 FROM objects o
            WHERE o.api_group = k->>0 AND o.resource = k->>1 AND o.namespace = k->>2 AND o.name = k->>3
              AND o.resource_version = (k->>4)::bigint))
      ) THEN
        RETURN -1;
      END IF;
      WITH appended AS (
        INSERT INTO events (resource_version, event_type, api_group, resource, namespace, name, uid, object, actor, field_manager, prev_resource_version)
        SELECT base + e.i, e.t, e.g, e.r, e.ns, e.n, e.uid,
          CASE WHEN shift = 0 THEN e.o ELSE jsonb_set(e.o::jsonb, '{metadata,resourceVersion}', to_jsonb((base + e.i)::text))::text END,
          e.actor, e.fm, e.prev
        FROM (
          SELECT u.*, convert_from(substring(event_objects FROM u.off + 1 FOR u.len), 'UTF8') AS o
          FROM ROWS FROM (
            unnest(event_types), unnest(event_groups), unnest(event_resources), unnest(event_namespaces), unnest(event_names),
            unnest(event_uids), unnest(event_object_offsets), unnest(event_object_lengths), unnest(event_actors),
            unnest(event_field_managers), unnest(event_prev_rvs)
          ) WITH ORDINALITY AS u(t, g, r, ns, n, uid, off, len, actor, fm, prev, i)
        ) e
        RETURNING resource_version, api_group, resource, namespace, name, uid, object
      ),
      stored AS (
        INSERT INTO objects (api_group, resource, namespace, name, uid, resource_version, object)
        SELECT a.api_group, a.resource, a.namespace, a.name, a.uid, a.resource_version, a.object
        FROM appended a WHERE a.resource_version - shift = ANY(put_rvs)
        ON CONFLICT (api_group, resource, namespace, name)
        DO UPDATE SET uid = excluded.uid, resource_version = excluded.resource_version, object = excluded.object
      ),
      removed AS (
        DELETE FROM objects o USING appended a
        WHERE a.resource_version - shift = ANY(delete_rvs)
          AND o.api_group = a.api_group AND o.resource = a.resource AND o.namespace = a.namespace AND o.name = a.name
      )
      DELETE FROM allocations al
      WHERE al.owner IN (
        SELECT a.api_group || '/' || a.resource || '/' || a.namespace || '/' || a.name
        FROM appended a WHERE a.resource_version - shift = ANY(delete_rvs));
      UPDATE log_state SET last_resource_version = new_last, last_batch = new_batch WHERE id = 1;
      PERFORM pg_notify(channel, new_last::text || ' ' || new_batch);
      RETURN new_last;
    END
    $fn$`.execute(db);
  await sql`DROP FUNCTION IF EXISTS flotilla_load_batch(text[], text[], text[], text[])`.execute(db);
  await sql`
    CREATE OR REPLACE FUNCTION flotilla_load_batch(key_groups text[], key_resources text[], key_namespaces text[], key_names text[])
    RETURNS TABLE (log_last bigint, log_batch text, key_group text, key_resource text, key_namespace text, key_name text, stored text)
    LANGUAGE plpgsql STABLE
    SET plan_cache_mode = force_generic_plan
    SET enable_hashjoin = off
    SET enable_mergejoin = off
    AS $fn$
    BEGIN
      RETURN QUERY
        SELECT ls.last_resource_version, ls.last_batch, p.api_group, p.resource, p.namespace, p.name, p.object
        FROM log_state ls
        LEFT JOIN LATERAL (
          SELECT o.api_group, o.resource, o.namespace, o.name, o.object
          FROM objects o
          JOIN unnest(key_groups, key_resources, key_namespaces, key_names) AS k(g, r, ns, n)
            ON o.api_group = k.g AND o.resource = k.r AND o.namespace = k.ns AND o.name = k.n
        ) p ON true
        WHERE ls.id = 1;
    END
    $fn$`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP FUNCTION IF EXISTS flotilla_append_batch(bigint, text, text, text[], text[], text[], text[], text[], text[], bytea, integer[], integer[], text[], text[], bigint[], bigint[], bigint[], text, jsonb)`.execute(db);
  await sql`DROP FUNCTION IF EXISTS flotilla_load_batch(text[], text[], text[], text[])`.execute(db);
  // The migration this one replaced turns the columns back into json and recreates both functions as they were.
  const { up: asJson } = await import('./20261124030000-objects-as-json');
  await asJson(db);
}
