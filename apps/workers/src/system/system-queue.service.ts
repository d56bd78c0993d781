import { hostname } from 'node:os';
import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { FlotillaSettings } from '@flotilla/persistence';
import { JobName, QueueName, type JobData } from '../queue/job-catalog';
import { QueueConnection, type TypedQueue, type TypedWorker } from '../queue/queue-connection';

export interface RoundTrip {
  jobId: string;
  processedBy: number;
  milliseconds: number;
}

/** How long the backend may take to connect, and then to complete the WorkerStarted job. */
export const START_TIMEOUT_MS = Symbol('START_TIMEOUT_MS');
export const DEFAULT_START_TIMEOUT_MS = 30_000;
const POLL_MS = 25;

/**
 * Proves the queue backend works before the process reports ready: it enqueues one WorkerStarted job on
 * `flotilla-system` and waits until some worker (this process or a sibling) has completed it.
 */
@Injectable()
export class SystemQueueService implements OnModuleDestroy {
  private readonly logger = new Logger(SystemQueueService.name);
  private queue?: TypedQueue<QueueName.System>;
  private worker?: TypedWorker<QueueName.System>;
  private lastRoundTrip?: RoundTrip;

  constructor(
    @Inject(QueueConnection) private readonly connection: QueueConnection,
    @Inject(FlotillaSettings) private readonly settings: FlotillaSettings,
    @Inject(START_TIMEOUT_MS) private readonly timeoutMs: number,
  ) {}

  get roundTrip(): RoundTrip | undefined {
    return this.lastRoundTrip;
  }

  async start(): Promise<void> {
    this.queue = this.connection.queue(QueueName.System);
    // Connect (and migrate, on Postgres) before a worker exists: a bullmq worker whose backend was never
    // reachable keeps a reconnect timer alive for ~15 s after close.
    await this.withinTimeout(this.queue.waitUntilReady(), 'did not connect');
    this.worker = this.connection.worker(QueueName.System, async (job) => {
      const data = job.data as JobData<JobName.WorkerStarted>;
      this.logger.log(`${job.name}: pid ${data.pid} on ${data.hostname} runs ${data.roles.join(', ')}`);
      return { processedBy: process.pid };
    });
    try {
      this.lastRoundTrip = await this.announce();
    } catch (error) {
      await this.worker.close(true);
      throw error;
    }
    this.logger.log(
      `Queue round trip through ${this.connection.describe()} in ${this.lastRoundTrip.milliseconds} ms` +
        ` (job ${this.lastRoundTrip.jobId}, processed by pid ${this.lastRoundTrip.processedBy})`,
    );
  }

  async onModuleDestroy(): Promise<void> {
    await this.worker?.close();
    await this.queue?.close();
  }

  /** ioredis retries forever by design; a start must fail visibly instead of hanging. */
  private async withinTimeout<T>(work: Promise<T>, what: string): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`Queue backend ${this.connection.describe()} ${what} within ${this.timeoutMs / 1000} s`)),
        this.timeoutMs,
      );
    });
    try {
      return await Promise.race([work, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  private async announce(): Promise<RoundTrip> {
    const queue = this.queue!;
    const started = Date.now();
    const job = await queue.add(JobName.WorkerStarted, {
      pid: process.pid,
      hostname: hostname(),
      roles: [...this.settings.workerRoles],
      startedAt: new Date(started).toISOString(),
    });
    const jobId = job.id!;
    while (Date.now() - started < this.timeoutMs) {
      const state = await queue.getJobState(jobId);
      if (state === 'completed') {
        const done = await queue.getJob(jobId);
        return { jobId, processedBy: done?.returnvalue?.processedBy ?? 0, milliseconds: Date.now() - started };
      }
      if (state === 'failed') throw new Error(`${JobName.WorkerStarted} job ${jobId} failed`);
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
    throw new Error(
      `No worker completed ${JobName.WorkerStarted} job ${jobId} within ${this.timeoutMs / 1000} s ` +
        `(queue backend: ${this.connection.describe()})`,
    );
  }
}
