import type { KubeObject } from '../objects/object-meta';
import { humanDuration, parseTime, since } from './cells/age.format';
import { containerCells } from './cells/container.format';
import { int, list, path, rec, records, str } from './cells/object.access';
import { formatLabelSelector } from './cells/selector.format';
import {
  AGE_COLUMN,
  CONTAINERS_COLUMN,
  IMAGES_COLUMN,
  NAME_COLUMN,
  age,
  column,
  defineResource,
  wide,
} from './resource.builder';
import type { ResourceType } from './resource-type';

const SELECTOR_COLUMN = wide('Selector', 'Label query over the pods of the job.');

function jobConditionTrue(job: KubeObject, type: string): boolean {
  return records(rec(job.status).conditions).find((c) => c.type === type)?.status === 'True';
}

/** Complete, Failed, Terminating, Suspended, FailureTarget or Running, in upstream's order of precedence. */
function jobStatus(job: KubeObject): string {
  if (jobConditionTrue(job, 'Complete')) return 'Complete';
  if (jobConditionTrue(job, 'Failed')) return 'Failed';
  if (job.metadata.deletionTimestamp) return 'Terminating';
  if (jobConditionTrue(job, 'Suspended')) return 'Suspended';
  if (jobConditionTrue(job, 'FailureTarget')) return 'FailureTarget';
  return 'Running';
}

function jobCompletions(job: KubeObject): string {
  const spec = rec(job.spec);
  const succeeded = int(rec(job.status).succeeded);
  if (typeof spec.completions === 'number') return `${succeeded}/${int(spec.completions)}`;
  const parallelism = int(spec.parallelism);
  return parallelism > 1 ? `${succeeded}/1 of ${parallelism}` : `${succeeded}/1`;
}

function jobDuration(job: KubeObject, now: Date): string {
  const status = rec(job.status);
  const start = parseTime(status.startTime);
  if (start === undefined) return '';
  const completion = parseTime(status.completionTime);
  return humanDuration((completion ?? now.getTime()) - start);
}

const jobs = defineResource({
  group: 'batch',
  version: 'v1',
  kind: 'Job',
  plural: 'jobs',
  namespaced: true,
  categories: ['all'],
  status: true,
  columns: [
    NAME_COLUMN,
    column('Status', 'Status of the job.'),
    column('Completions', 'The number of pods which reached phase Succeeded.'),
    column('Duration', 'Time required to complete the job.'),
    AGE_COLUMN,
    CONTAINERS_COLUMN,
    IMAGES_COLUMN,
    SELECTOR_COLUMN,
  ],
  cells: (job, now) => {
    const [names, images] = containerCells(path(job, 'spec.template.spec'));
    return [
      job.metadata.name,
      jobStatus(job),
      jobCompletions(job),
      jobDuration(job, now),
      age(job, now),
      names,
      images,
      formatLabelSelector(rec(job.spec).selector),
    ];
  },
  fieldSelectors: { 'status.successful': (job) => String(int(rec(job.status).succeeded)) },
});

const cronJobs = defineResource({
  group: 'batch',
  version: 'v1',
  kind: 'CronJob',
  plural: 'cronjobs',
  namespaced: true,
  shortNames: ['cj'],
  categories: ['all'],
  status: true,
  columns: [
    NAME_COLUMN,
    column('Schedule', 'The schedule in Cron format.'),
    column('Timezone', 'The time zone name for the schedule.'),
    column('Suspend', 'Whether subsequent executions are suspended.', { type: 'boolean' }),
    column('Active', 'Number of currently running jobs.', { type: 'integer' }),
    column('Last Schedule', 'When a job was last scheduled.'),
    AGE_COLUMN,
    CONTAINERS_COLUMN,
    IMAGES_COLUMN,
    SELECTOR_COLUMN,
  ],
  cells: (cj, now) => {
    const spec = rec(cj.spec);
    const status = rec(cj.status);
    const jobSpec = path(cj, 'spec.jobTemplate.spec');
    const [names, images] = containerCells(path(jobSpec, 'template.spec'));
    return [
      cj.metadata.name,
      str(spec.schedule),
      typeof spec.timeZone === 'string' ? spec.timeZone : '<none>',
      typeof spec.suspend === 'boolean' ? (spec.suspend ? 'True' : 'False') : '<unset>',
      list(status.active).length,
      status.lastScheduleTime ? since(status.lastScheduleTime, now) : '<none>',
      age(cj, now),
      names,
      images,
      formatLabelSelector(jobSpec.selector),
    ];
  },
});

export const batchResources: ResourceType[] = [jobs, cronJobs];
