import { Kysely, sql } from 'kysely';

/**
 * The append-only event log, the current-state projection and the single row that orders commits.
 * `log_state` is locked once per write batch (group commit), which makes commit order equal resourceVersion order.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    CREATE TABLE IF NOT EXISTS events (
      resource_version bigint PRIMARY KEY,
      event_type text NOT NULL,
      api_group text NOT NULL,
      resource text NOT NULL,
      namespace text NOT NULL,
      name text NOT NULL,
      uid text NOT NULL,
      object jsonb NOT NULL,
      actor text,
      field_manager text,
      created_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`CREATE INDEX IF NOT EXISTS events_by_object ON events (api_group, resource, namespace, name, resource_version)`.execute(db);
  await sql`CREATE INDEX IF NOT EXISTS events_by_resource ON events (api_group, resource, resource_version)`.execute(db);
  await sql`CREATE INDEX IF NOT EXISTS events_by_time ON events (created_at)`.execute(db);
  await sql`
    CREATE TABLE IF NOT EXISTS objects (
      api_group text NOT NULL,
      resource text NOT NULL,
      namespace text NOT NULL,
      name text NOT NULL,
      uid text NOT NULL,
      resource_version bigint NOT NULL,
      object jsonb NOT NULL,
      PRIMARY KEY (api_group, resource, namespace, name)
    )`.execute(db);
  await sql`
    CREATE TABLE IF NOT EXISTS log_state (
      id integer PRIMARY KEY CHECK (id = 1),
      last_resource_version bigint NOT NULL,
      compacted_resource_version bigint NOT NULL
    )`.execute(db);
  await sql`INSERT INTO log_state (id, last_resource_version, compacted_resource_version) VALUES (1, 0, 0) ON CONFLICT DO NOTHING`.execute(db);
  await sql`
    CREATE TABLE IF NOT EXISTS allocations (
      pool text NOT NULL,
      value text NOT NULL,
      owner text NOT NULL,
      PRIMARY KEY (pool, value)
    )`.execute(db);
  await sql`CREATE INDEX IF NOT EXISTS allocations_by_owner ON allocations (owner)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP TABLE IF EXISTS allocations, log_state, objects, events`.execute(db);
}
