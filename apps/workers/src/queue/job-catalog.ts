import type { JobsOptions } from 'bullmq';
import type { WorkerRole } from '@flotilla/persistence';

/** Every BullMQ queue Flotilla uses. Later roles add theirs here (one queue per controller). */
export enum QueueName {
  System = 'flotilla-system',
}

/** Job names follow <Entity><Verb>. */
export enum JobName {
  WorkerStarted = 'WorkerStarted',
}

export interface JobPayloads {
  [JobName.WorkerStarted]: { pid: number; hostname: string; roles: WorkerRole[]; startedAt: string };
}

export interface JobResults {
  [JobName.WorkerStarted]: { processedBy: number };
}

/** Which queue carries each job; a job name belongs to exactly one queue. */
export const JOB_QUEUE = {
  [JobName.WorkerStarted]: QueueName.System,
} as const satisfies Record<JobName, QueueName>;

export type JobsOf<Q extends QueueName> = { [J in JobName]: (typeof JOB_QUEUE)[J] extends Q ? J : never }[JobName];
export type JobData<J extends JobName> = JobPayloads[J];
export type JobResult<J extends JobName> = JobResults[J];

/**
 * Completed jobs are kept briefly (count-bounded) so a producer can read a result; failed ones stay for
 * inspection. Keyed work-queue jobs of later roles pass their own deduplication options.
 */
export const DEFAULT_JOB_OPTIONS: JobsOptions = {
  attempts: 3,
  backoff: { type: 'exponential', delay: 1000 },
  removeOnComplete: { count: 1000, age: 3600 },
  removeOnFail: { count: 1000 },
};
