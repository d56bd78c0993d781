import { Kysely, sql } from 'kysely';

/**
 * Cheaper index upkeep for every write (docs/decisions.md D21).
 *
 * Object keys compare in byte order (`COLLATE "C"`), as etcd orders Kubernetes keys. Under the database's default
 * collation (C.UTF-8 or en_US.UTF-8 on the machines measured) every comparison in the key indexes copied both strings
 * and called `strcoll`: each create walks five of those indexes (three on `events`, the projection's key, and the
 * absent-key check), all inside the log lock where writes wait on one another. Lists come back in byte order too,
 * which is the order a Kubernetes API server lists in.
 *
 * The time index becomes a BRIN index: `created_at` grows with the log, compaction only asks for the first
 * resourceVersion after a moment, and a BRIN index costs next to nothing per insert where the B-tree cost a descent.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await collateKeys(db, 'C');
  await sql`DROP INDEX IF EXISTS events_by_time`.execute(db);
  await sql`CREATE INDEX events_by_time ON events USING brin (created_at)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP INDEX IF EXISTS events_by_time`.execute(db);
  await sql`CREATE INDEX events_by_time ON events (created_at)`.execute(db);
  await collateKeys(db, 'default');
}

/** Sets the collation of the key columns of `events` and `objects` (their indexes are rebuilt). */
async function collateKeys(db: Kysely<any>, collation: 'C' | 'default'): Promise<void> {
  const c = sql.id(collation);
  for (const table of ['events', 'objects']) {
    await sql`ALTER TABLE ${sql.table(table)}
      ALTER COLUMN api_group TYPE text COLLATE ${c},
      ALTER COLUMN resource TYPE text COLLATE ${c},
      ALTER COLUMN namespace TYPE text COLLATE ${c},
      ALTER COLUMN name TYPE text COLLATE ${c}`.execute(db);
  }
}
