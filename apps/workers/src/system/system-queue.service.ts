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

const ROUND_TRIP_TIMEOUT_MS = 30_000;
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
  ) {}

  get roundTrip(): RoundTrip | undefined {
    return this.lastRoundTrip;
  }

  async start(): Promise<void> {
    this.worker = this.connection.worker(QueueName.System, async (job) => {
      const data = job.data as JobData<JobName.WorkerStarted>;
      this.logger.log(`${job.name}: pid ${data.pid} on ${data.hostname} runs ${data.roles.join(', ')}`);
      return { processedBy: process.pid };
    });
    this.queue = this.connection.queue(QueueName.System);
    try {
      this.lastRoundTrip = await this.announce();
    } catch (error) {
      // A worker whose backend is unreachable waits out its reconnect delay (~15 s) on a plain close.
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
    while (Date.now() - started < ROUND_TRIP_TIMEOUT_MS) {
      const state = await queue.getJobState(jobId);
      if (state === 'completed') {
        const done = await queue.getJob(jobId);
        return { jobId, processedBy: done?.returnvalue?.processedBy ?? 0, milliseconds: Date.now() - started };
      }
      if (state === 'failed') throw new Error(`${JobName.WorkerStarted} job ${jobId} failed`);
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
    throw new Error(
      `No worker completed ${JobName.WorkerStarted} job ${jobId} within ${ROUND_TRIP_TIMEOUT_MS / 1000} s ` +
        `(queue backend: ${this.connection.describe()})`,
    );
  }
}
