import { Kysely, sql } from 'kysely';

/**
 * Each event names the resourceVersion of the same object's previous event, so a watcher can tell what the object
 * was before (an object that stops matching a selector is DELETED for that watcher). Compaction keeps every live
 * object's latest event, so the previous event of any event still in the log is still there too.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE events ADD COLUMN IF NOT EXISTS prev_resource_version bigint`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE events DROP COLUMN IF EXISTS prev_resource_version`.execute(db);
}
