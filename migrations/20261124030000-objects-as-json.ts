import { Kysely, sql } from 'kysely';

/**
 * Objects are stored as `json`, not `jsonb` (docs/decisions.md D18). Postgres keeps `json` as the text it was given,
 * so writing one only checks that it parses and reading one hands the text back, where `jsonb` builds a binary tree
 * on the way in and prints it again on the way out. Flotilla never queries inside stored objects (selectors and
 * every other look inside run in the API), so the binary form bought nothing: measured on 10 000 stored pods, reading
 * them all as text took 184–201 ms from `jsonb` and 55 ms from `json`, and the table took 27 MB instead of 40 MB.
 * Objects also come back in the key order the API wrote them (apiVersion, kind, metadata, …) instead of `jsonb`'s
 * order (shortest key first).
 *
 * The two batch functions change with the column: `flotilla_append_batch` takes the objects as one `json` array and
 * only casts to `jsonb` to move a floating batch's resourceVersions (`jsonb_set`); `flotilla_load_batch` returns
 * `json`. The changed return type means dropping and recreating them.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE events ALTER COLUMN object TYPE json USING object::json`.execute(db);
  await sql`ALTER TABLE objects ALTER COLUMN object TYPE json USING object::json`.execute(db);
  await sql`DROP FUNCTION IF EXISTS flotilla_append_batch(bigint, text, text, text[], text[], text[], text[], text[], text[], jsonb, text[], text[], bigint[], bigint[], bigint[], text, jsonb)`.execute(db);
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
      event_objects json,
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
          CASE WHEN shift = 0 THEN e.o ELSE jsonb_set(e.o::jsonb, '{metadata,resourceVersion}', to_jsonb((base + e.i)::text))::json END,
          e.actor, e.fm, e.prev
        FROM ROWS FROM (
          unnest(event_types), unnest(event_groups), unnest(event_resources), unnest(event_namespaces), unnest(event_names),
          unnest(event_uids), json_array_elements(event_objects), unnest(event_actors), unnest(event_field_managers),
          unnest(event_prev_rvs)
        ) WITH ORDINALITY AS e(t, g, r, ns, n, uid, o, actor, fm, prev, i)
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
    RETURNS TABLE (log_last bigint, log_batch text, key_group text, key_resource text, key_namespace text, key_name text, stored json)
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
  await sql`DROP FUNCTION IF EXISTS flotilla_append_batch(bigint, text, text, text[], text[], text[], text[], text[], text[], json, text[], text[], bigint[], bigint[], bigint[], text, jsonb)`.execute(db);
  await sql`DROP FUNCTION IF EXISTS flotilla_load_batch(text[], text[], text[], text[])`.execute(db);
  await sql`ALTER TABLE events ALTER COLUMN object TYPE jsonb USING object::jsonb`.execute(db);
  await sql`ALTER TABLE objects ALTER COLUMN object TYPE jsonb USING object::jsonb`.execute(db);
  // The versions this one replaced.
  const { up: append } = await import('./20261124000000-append-without-readback');
  await append(db);
  const { up: load } = await import('./20261124010000-load-batch-function');
  await load(db);
}
