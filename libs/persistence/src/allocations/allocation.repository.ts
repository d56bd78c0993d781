import { sql, type Kysely } from 'kysely';
import type { DB } from '../schema';

/** Unique values handed out from named pools (service cluster IPs, node ports); the primary key prevents doubles. */
export class AllocationRepository {
  constructor(private readonly db: Kysely<DB>) {}

  /** True if `value` was free and is now owned by `owner` (or already was). */
  async claim(pool: string, value: string, owner: string): Promise<boolean> {
    const inserted = await this.db
      .insertInto('allocations')
      .values({ pool, value, owner })
      .onConflict((oc) => oc.columns(['pool', 'value']).doNothing())
      .returning('value')
      .executeTakeFirst();
    if (inserted) return true;
    const existing = await this.db.selectFrom('allocations').select('owner').where('pool', '=', pool).where('value', '=', value).executeTakeFirst();
    return existing?.owner === owner;
  }

  async ownedBy(owner: string): Promise<{ pool: string; value: string }[]> {
    return this.db.selectFrom('allocations').select(['pool', 'value']).where('owner', '=', owner).execute();
  }

  async release(owner: string, pool: string, values: string[]): Promise<void> {
    if (values.length === 0) return;
    await this.db.deleteFrom('allocations').where('owner', '=', owner).where('pool', '=', pool).where('value', 'in', values).execute();
  }

  async isTaken(pool: string, value: string): Promise<boolean> {
    const row = await sql<{ one: number }>`SELECT 1 AS one FROM allocations WHERE pool = ${pool} AND value = ${value}`.execute(this.db);
    return row.rows.length > 0;
  }
}
