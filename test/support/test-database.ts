import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { migrations } from '@flotilla/migrations';
import { openDatabase, runMigrations, type Database } from '@flotilla/persistence';

/** The real local Postgres server the tests create their databases on. */
export const TEST_SERVER_URL = process.env.FLOTILLA_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const TEST_REDIS_URL = process.env.FLOTILLA_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

export interface TestDatabase extends Database {
  name: string;
  drop(): Promise<void>;
}

function urlFor(database: string): string {
  const url = new URL(TEST_SERVER_URL);
  url.pathname = `/${database}`;
  return url.toString();
}

/** Runs `fn` with a connection to the test server itself (to create and drop databases), closed afterwards. */
export async function onTestServer<T>(fn: (c: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: TEST_SERVER_URL });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/**
 * A fresh, migrated database for one test file. With `icuLocale`, the database's default collation is that ICU
 * locale (say `en-US`) instead of the server's. With `migrate: false` it is left empty, for an API process that runs
 * its own tree's migrations (the bench's `--ab` runs another commit's API, whose migrations may differ).
 */
export async function createTestDatabase(prefix = 'flotilla_test', options: { icuLocale?: string; migrate?: boolean } = {}): Promise<TestDatabase> {
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  const locale = options.icuLocale ? ` TEMPLATE template0 LOCALE_PROVIDER icu ICU_LOCALE '${options.icuLocale.replace(/'/g, "''")}'` : '';
  await onTestServer((c) => c.query(`CREATE DATABASE ${name}${locale}`));
  const database = openDatabase(urlFor(name), { max: 20 });
  if (options.migrate !== false) await runMigrations(database.db, migrations);
  return {
    ...database,
    name,
    async drop() {
      await database.close();
      await onTestServer((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    },
  };
}
