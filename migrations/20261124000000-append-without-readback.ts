import { Kysely, sql } from 'kysely';

/**
 * `flotilla_append_batch` without reading its own events back (docs/decisions.md D14). The version before inserted
 * the events and then selected them again by resourceVersion to fill `objects`; on a table not yet analyzed (every
 * new cluster) the cached plan for that select was a sequential scan of the whole log, once per batch. Now one
 * statement inserts the events and feeds `objects` and the deletions from the inserted rows (RETURNING), so no plan
 * reads the log at all.
 *
 * The objects arrive as one JSON array (`event_objects jsonb`) instead of a text[] of JSON texts: Postgres parses
 * them once, as JSON, instead of first unescaping an array literal and then parsing each element.
 *
 * The NOTIFY payload is now `<last resourceVersion> <batch name>`, so a replica can tell its own commits (which it
 * delivers from memory) from others'.
 *
 * A batch decided without reading (creates, docs/decisions.md D15) carries what it assumed as `checks`:
 * `{"absent": [[group, resource, namespace, name], …], "stored": [[group, resource, namespace, name, resourceVersion], …]}`.
 * Under the lock the function confirms those keys are absent and those objects are still at those resourceVersions,
 * and returns -1, writing nothing, when any is not. With `"floating": true` (a blind batch that follows no other batch
 * of its store) those checks are all the batch assumed, so when another writer moved the log it lands at the log's
 * end as it finds it instead of being refused: resourceVersions (in the events, `put_rvs`/`delete_rvs` and each
 * object's `metadata.resourceVersion`) move up by the distance, and the returned last resourceVersion tells the
 * caller where it landed. Only primary-key lookups are meant, whatever the plan guesses
 * about the arrays' sizes, so hash and merge joins are off for it.
 *
 * Within the one statement the projection's upserts and deletes touch disjoint keys (`put_rvs` and `delete_rvs` name
 * each key's final event only), as sibling data-modifying CTEs must.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`DROP FUNCTION IF EXISTS flotilla_append_batch(bigint, text, text, text[], text[], text[], text[], text[], text[], text[], text[], text[], bigint[], bigint[], bigint[], text)`.execute(db);
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
      event_objects jsonb,
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
          CASE WHEN shift = 0 THEN e.o ELSE jsonb_set(e.o, '{metadata,resourceVersion}', to_jsonb((base + e.i)::text)) END,
          e.actor, e.fm, e.prev
        FROM ROWS FROM (
          unnest(event_types), unnest(event_groups), unnest(event_resources), unnest(event_namespaces), unnest(event_names),
          unnest(event_uids), jsonb_array_elements(event_objects), unnest(event_actors), unnest(event_field_managers),
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
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP FUNCTION IF EXISTS flotilla_append_batch(bigint, text, text, text[], text[], text[], text[], text[], text[], jsonb, text[], text[], bigint[], bigint[], bigint[], text, jsonb)`.execute(db);
  // The version this one replaced.
  const { up: previous } = await import('./20261123230000-chained-batches');
  await previous(db);
}
