import { createTestDatabase, type TestDatabase } from '../../../test/support/test-database';
import { PipelinedClient } from './pipelined-client';

describe(PipelinedClient.name, () => {
  let database: TestDatabase;
  let client: PipelinedClient;

  beforeEach(async () => {
    database = await createTestDatabase();
    await database.pool.query('CREATE TABLE arrivals (seq bigserial PRIMARY KEY, n int NOT NULL)');
    client = new PipelinedClient(database.url);
  });
  afterEach(async () => {
    await client.close();
    await database.drop();
  });

  const arrive = (n: number) => client.query<{ n: number }>('INSERT INTO arrivals (n) VALUES ($1) RETURNING n', [n], 'arrive');
  const arrivals = async () => (await database.pool.query<{ n: number }>('SELECT n FROM arrivals ORDER BY seq')).rows.map((r) => r.n);

  it('runs queries in the order they were asked, those asked while connecting included, each answered with its own rows', async () => {
    const first = Array.from({ length: 5 }, (_, i) => arrive(i));
    expect((await Promise.all(first)).map((rows) => rows[0].n)).toEqual([0, 1, 2, 3, 4]);
    const second = Array.from({ length: 20 }, (_, i) => arrive(5 + i));
    expect((await Promise.all(second)).map((rows) => rows[0].n)).toEqual(Array.from({ length: 20 }, (_, i) => 5 + i));
    expect(await arrivals()).toEqual(Array.from({ length: 25 }, (_, i) => i));
  });

  it('keeps a query behind one that waits on a lock, and runs it once that one finishes', async () => {
    await arrive(0); // connected
    const holder = await database.pool.connect();
    try {
      await holder.query('BEGIN');
      await holder.query('LOCK TABLE arrivals IN ACCESS EXCLUSIVE MODE');
      const blocked = arrive(1);
      const behind = arrive(2);
      await waitFor(async () => (await database.pool.query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = current_database()`)).rows[0].n === 1);
      await holder.query('COMMIT');
      expect([(await blocked)[0].n, (await behind)[0].n]).toEqual([1, 2]);
    } finally {
      holder.release();
    }
    expect(await arrivals()).toEqual([0, 1, 2]);
  });

  it('fails only the query that fails: those written behind it still run', async () => {
    const results = await Promise.allSettled([arrive(1), client.query('SELECT 1 / 0', []), arrive(2)]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(String((results[1] as PromiseRejectedResult).reason)).toMatch(/division by zero/);
    expect(await arrivals()).toEqual([1, 2]);
  });

  it('fails the queries on a connection the server ends, and opens a new one for the next query', async () => {
    await arrive(1);
    const [{ pid }] = await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid', []);
    const killed = client.query('SELECT pg_sleep(5)', []);
    await database.pool.query('SELECT pg_terminate_backend($1)', [pid]);
    await expect(killed).rejects.toThrow();
    await waitFor(async () => (await arrive(2).then(() => true, () => false)));
    const [{ pid: next }] = await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid', []);
    expect(next).not.toBe(pid);
    expect(await arrivals()).toEqual([1, 2]);
  });

  it('refuses queries once closed', async () => {
    await arrive(1);
    await client.close();
    await expect(arrive(2)).rejects.toThrow(/closed/);
  });
});

async function waitFor(condition: () => Promise<boolean>, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}
