import { Kysely, sql } from 'kysely';

/**
 * `flotilla_load_batch` reads what a batch decides against — the log position and the stored objects of its keys — in
 * one statement, as the query the event store sent for every batch did (docs/decisions.md D14). Sent as text,
 * that query was parsed and planned anew for each batch; inside a function its plan is made once per connection.
 * Keys come as four arrays (group, resource, namespace, name), each looked up by the projection's primary key: the
 * plan is made without knowing how many keys there are, so hash and merge joins (which would read all of `objects`)
 * are turned off for it.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    CREATE OR REPLACE FUNCTION flotilla_load_batch(key_groups text[], key_resources text[], key_namespaces text[], key_names text[])
    RETURNS TABLE (log_last bigint, log_batch text, key_group text, key_resource text, key_namespace text, key_name text, stored jsonb)
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
  await sql`DROP FUNCTION IF EXISTS flotilla_load_batch(text[], text[], text[], text[])`.execute(db);
}
