import { Kysely, Migrator, PostgresDialect, type Migration } from 'kysely';
import { Pool, type PoolConfig } from 'pg';
import { PipelinedClient } from './pipelined-client';
import type { DB } from './schema';

export interface Database {
  db: Kysely<DB>;
  pool: Pool;
  /** The connection the event store pipelines its appends on (D21). */
  appends: PipelinedClient;
  url: string;
  close(): Promise<void>;
}

export function openDatabase(url: string, options: Omit<PoolConfig, 'connectionString'> = {}): Database {
  const pool = new Pool({ connectionString: url, max: 10, ...options });
  // A client that loses its server must not crash the process: idle ones report on the pool (which drops them),
  // checked-out ones on themselves, and their running query fails on its own.
  pool.on('error', () => undefined);
  pool.on('connect', (client) => client.on('error', () => undefined));
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  const appends = new PipelinedClient(url);
  return {
    db,
    pool,
    appends,
    url,
    close: async () => {
      await appends.close();
      await db.destroy();
    },
  };
}

/** Runs pending migrations. Kysely's migrator holds a Postgres advisory lock, so concurrent starts are safe. */
export async function runMigrations(db: Kysely<DB>, migrations: Record<string, Migration>): Promise<string[]> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error;
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
