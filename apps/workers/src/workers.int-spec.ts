import { randomBytes } from 'node:crypto';
import type { INestApplicationContext } from '@nestjs/common';
import IORedis from 'ioredis';
import { Client } from 'pg';
import { loadSettings } from '@flotilla/persistence';
import { QueueName } from './queue/job-catalog';
import { QueueConnection, REDIS_PREFIX } from './queue/queue-connection';
import { RoleRegistry } from './roles/role-registry';
import { SystemQueueService } from './system/system-queue.service';
import { startWorkers } from './workers.bootstrap';
import { onTestServer, TEST_REDIS_URL, TEST_SERVER_URL } from '../../../test/support/test-database';

/** A database index of its own, so the queue can be wiped after the test. */
const REDIS_URL = `${TEST_REDIS_URL}/7`;


describe('workers against the real Redis', () => {
  let app: INestApplicationContext;
  let redis: IORedis;

  beforeAll(async () => {
    redis = new IORedis(REDIS_URL);
    app = await startWorkers(
      loadSettings({ REDIS_URL, FLOTILLA_WORKER_ROLES: 'scheduler,kubelet', FLOTILLA_LOG_LEVEL: 'warn' }),
    );
  });

  afterAll(async () => {
    await app?.close();
    const keys = await redis.keys(`${REDIS_PREFIX}:${QueueName.System}:*`);
    if (keys.length > 0) await redis.del(...keys);
    await redis.quit();
  });

  it('completes a WorkerStarted job through Redis before reporting ready', async () => {
    const trip = app.get(SystemQueueService).roundTrip!;
    expect(trip.processedBy).toBe(process.pid);
    const stored = await redis.hgetall(`${REDIS_PREFIX}:${QueueName.System}:${trip.jobId}`);
    expect(stored.name).toBe('WorkerStarted');
    expect(JSON.parse(stored.data)).toMatchObject({ pid: process.pid, roles: ['scheduler', 'kubelet'] });
    expect(JSON.parse(stored.returnvalue)).toEqual({ processedBy: process.pid });
    expect(app.get(QueueConnection).kind).toBe('redis');
  });

  it('runs the configured roles only', () => {
    expect(app.get(RoleRegistry).plan()).toEqual([
      { role: 'scheduler', runners: [] },
      { role: 'kubelet', runners: [] },
    ]);
  });

  it('closes its Redis connections on shutdown', async () => {
    const name = (await redis.client('LIST')) as string;
    expect(name).toContain('name=flotilla-workers');
    await app.close();
    const after = (await redis.client('LIST')) as string;
    expect(after).not.toContain('name=flotilla-workers');
  });
});

describe('workers against the real Postgres (BullMQ PostgreSQL backend)', () => {
  const database = `flotilla_test_${randomBytes(6).toString('hex')}`;
  const url = new URL(TEST_SERVER_URL);
  url.pathname = `/${database}`;
  let app: INestApplicationContext;

  beforeAll(async () => {
    await onTestServer((c) => c.query(`CREATE DATABASE ${database}`));
    app = await startWorkers(loadSettings({ DATABASE_URL: url.toString(), FLOTILLA_LOG_LEVEL: 'warn' }));
  });

  afterAll(async () => {
    await app?.close();
    await onTestServer((c) => c.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`));
  });

  it('migrates the bullmq schema and completes a WorkerStarted job through Postgres', async () => {
    const trip = app.get(SystemQueueService).roundTrip!;
    expect(trip.processedBy).toBe(process.pid);
    expect(app.get(QueueConnection).kind).toBe('postgres');
    expect(app.get(QueueConnection).describe()).toBe(`postgres at ${url.host}/${database}`);
    const schemas = await onTestServer(async () => {
      const client = new Client({ connectionString: url.toString() });
      await client.connect();
      try {
        return (await client.query(`SELECT nspname FROM pg_namespace WHERE nspname = 'bullmq'`)).rows;
      } finally {
        await client.end();
      }
    });
    expect(schemas).toEqual([{ nspname: 'bullmq' }]);
  });

  it('runs every role by default', () => {
    expect(app.get(RoleRegistry).plan().map((p) => p.role)).toEqual(['controllers', 'scheduler', 'kubelet', 'dispatcher']);
  });

  it('leaves no connection to the database after shutdown', async () => {
    const count = () =>
      onTestServer(async (c) =>
        Number((await c.query('SELECT count(*) FROM pg_stat_activity WHERE datname = $1', [database])).rows[0].count),
      );
    expect(await count()).toBeGreaterThan(0);
    await app.close();
    // A server process leaves pg_stat_activity just after its client hangs up, not at the same instant.
    let left = await count();
    for (const deadline = Date.now() + 5000; left > 0 && Date.now() < deadline; left = await count()) await new Promise((r) => setTimeout(r, 50));
    expect(left).toBe(0);
  });
});

describe('workers with an unreachable backend', () => {
  it('fails to start when Postgres refuses the connection', async () => {
    const settings = loadSettings({ DATABASE_URL: 'postgres://postgres@127.0.0.1:1/none', FLOTILLA_LOG_LEVEL: 'fatal' });
    await expect(startWorkers(settings)).rejects.toThrow('connect ECONNREFUSED 127.0.0.1:1');
  });

  it('fails to start, instead of waiting forever, when Redis never answers', async () => {
    const settings = loadSettings({ REDIS_URL: 'redis://127.0.0.1:1', FLOTILLA_LOG_LEVEL: 'fatal' });
    await expect(startWorkers(settings, { startTimeoutMs: 500 })).rejects.toThrow(
      'Queue backend redis at 127.0.0.1:1 did not connect within 0.5 s',
    );
  });
});
