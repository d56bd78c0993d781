import { Logger } from '@nestjs/common';
import {
  createPostgresBackend,
  Queue,
  Worker,
  withBackend,
  type IQueueBackend,
  type Job,
  type WorkerOptions,
} from 'bullmq';
import IORedis from 'ioredis';
import type { FlotillaSettings } from '@flotilla/persistence';
import { DEFAULT_JOB_OPTIONS, type JobData, type JobResult, type JobsOf, type QueueName } from './job-catalog';

export type QueueBackendKind = 'redis' | 'postgres';

/** Redis key prefix; the PostgreSQL backend keeps its tables in its own schema instead. */
export const REDIS_PREFIX = 'flotilla';
/** Each Queue and Worker of the PostgreSQL backend owns a small pool plus one LISTEN connection. */
const POSTGRES_POOL_SIZE = 4;

export type TypedQueue<Q extends QueueName> = Queue<
  JobData<JobsOf<Q>>,
  JobResult<JobsOf<Q>>,
  JobsOf<Q>,
  JobData<JobsOf<Q>>,
  JobResult<JobsOf<Q>>,
  JobsOf<Q>,
  IQueueBackend,
  unknown
>;
export type TypedWorker<Q extends QueueName> = Worker<
  JobData<JobsOf<Q>>,
  JobResult<JobsOf<Q>>,
  JobsOf<Q>,
  IQueueBackend,
  number | object,
  unknown
>;
export type TypedProcessor<Q extends QueueName> = (
  job: Job<JobData<JobsOf<Q>>, JobResult<JobsOf<Q>>, JobsOf<Q>>,
) => Promise<JobResult<JobsOf<Q>>>;
export type WorkerTuning = Pick<WorkerOptions, 'concurrency' | 'lockDuration' | 'stalledInterval'>;

/**
 * The queue backend chosen by the settings: Redis through ioredis when REDIS_URL is set, else BullMQ's
 * PostgreSQL backend on DATABASE_URL (it migrates its own `bullmq` schema). Queues and workers are built
 * here so the rest of the workers never know which one runs.
 */
export class QueueConnection {
  private readonly logger = new Logger(QueueConnection.name);
  private readonly queues: { close(): Promise<void> }[] = [];
  private readonly workers: { close(): Promise<void> }[] = [];
  private closed = false;

  private constructor(
    readonly kind: QueueBackendKind,
    private readonly url: string,
    private readonly redis?: IORedis,
  ) {}

  static open(settings: Pick<FlotillaSettings, 'redisUrl' | 'databaseUrl'>): QueueConnection {
    if (settings.redisUrl) {
      // Workers block on this connection; BullMQ requires unlimited retries per request for that.
      const redis = new IORedis(settings.redisUrl, { maxRetriesPerRequest: null, connectionName: 'flotilla-workers' });
      redis.on('error', (error: Error) => new Logger(QueueConnection.name).warn(`Redis: ${error.message}`));
      return new QueueConnection('redis', settings.redisUrl, redis);
    }
    if (!settings.databaseUrl) {
      throw new Error('No queue backend: set REDIS_URL, or DATABASE_URL for the PostgreSQL queue backend');
    }
    return new QueueConnection('postgres', settings.databaseUrl);
  }

  /** Where the queues live, without credentials. */
  describe(): string {
    const url = new URL(this.url);
    return `${this.kind} at ${url.host}${url.pathname.length > 1 ? url.pathname : ''}`;
  }

  queue<Q extends QueueName>(name: Q): TypedQueue<Q> {
    this.assertOpen();
    const queue = this.redis
      ? new Queue(name, { connection: this.redis, prefix: REDIS_PREFIX, defaultJobOptions: DEFAULT_JOB_OPTIONS })
      : new (withBackend(createPostgresBackend).Queue)(name, {
          connection: this.postgresConnection(),
          defaultJobOptions: DEFAULT_JOB_OPTIONS,
        });
    queue.on('error', (error: Error) => this.logger.warn(`Queue ${name}: ${error.message}`));
    return this.track(this.queues, queue as unknown as TypedQueue<Q>);
  }

  worker<Q extends QueueName>(name: Q, processor: TypedProcessor<Q>, tuning: WorkerTuning = {}): TypedWorker<Q> {
    this.assertOpen();
    const worker = this.redis
      ? new Worker(name, processor, { connection: this.redis, prefix: REDIS_PREFIX, ...tuning })
      : new (withBackend(createPostgresBackend).Worker)(name, processor, {
          connection: this.postgresConnection(),
          ...tuning,
        });
    worker.on('error', (error: Error) => this.logger.error(`Worker ${name}: ${error.message}`));
    return this.track(this.workers, worker as unknown as TypedWorker<Q>);
  }

  /** Closes every queue and worker made here (workers finish their running jobs first), then Redis. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.all(this.workers.map((worker) => worker.close()));
    await Promise.all(this.queues.map((queue) => queue.close()));
    // QUIT on a connection that never came up would wait in ioredis's offline queue forever.
    if (this.redis?.status === 'ready') await this.redis.quit().catch(() => this.redis?.disconnect());
    else this.redis?.disconnect();
  }

  private postgresConnection() {
    return { connectionString: this.url, migrate: true, max: POSTGRES_POOL_SIZE };
  }

  private assertOpen(): void {
    if (this.closed) throw new Error('QueueConnection is closed');
  }

  private track<T extends { close(): Promise<void> }>(list: { close(): Promise<void> }[], item: T): T {
    list.push(item);
    return item;
  }
}
