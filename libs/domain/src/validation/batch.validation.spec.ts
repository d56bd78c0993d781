import type { KubeObject } from '../objects/object-meta';
import { defaultCronJob, defaultJob } from '../defaults/batch.defaults';
import { validateCronJob, validateJob } from './batch.validation';

const podTemplate = (extra: Record<string, unknown> = {}) => ({ spec: { containers: [{ name: 'job', image: 'busybox' }], restartPolicy: 'Never', ...extra } });

function job(spec: Record<string, unknown>): KubeObject {
  const j: KubeObject = { apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'pi', namespace: 'default', uid: 'u-1' }, spec };
  defaultJob(j);
  return j;
}
const lines = (errs: { field: string; detail: string }[]) => errs.map((e) => `${e.field}: ${e.detail}`);

describe('validateJob', () => {
  it('accepts a defaulted job with a generated selector', () => expect(validateJob(job({ template: podTemplate() }), { operation: 'CREATE' })).toEqual([]));

  it('rejects the default restart policy', () =>
    expect(lines(validateJob(job({ template: podTemplate({ restartPolicy: undefined }) }), { operation: 'CREATE' }))).toEqual([
      'spec.template.spec.restartPolicy: Unsupported value: "Always": supported values: "OnFailure", "Never"',
    ]));

  it('checks counts', () =>
    expect(lines(validateJob(job({ template: podTemplate(), parallelism: -1, backoffLimit: -2 }), { operation: 'CREATE' }))).toEqual([
      'spec.parallelism: Invalid value: -1: must be greater than or equal to 0',
      'spec.backoffLimit: Invalid value: -2: must be greater than or equal to 0',
    ]));

  it('requires a selector when it is manual', () =>
    expect(lines(validateJob(job({ template: podTemplate(), manualSelector: true }), { operation: 'CREATE' }))).toEqual(['spec.selector: Required value']));

  it('keeps the selector and template immutable', () => {
    const old = job({ template: podTemplate() });
    const now = job({ template: podTemplate() });
    expect(validateJob(now, { operation: 'UPDATE', old })).toEqual([]);
    (now.spec as { selector: unknown }).selector = { matchLabels: { other: 'x' } };
    expect(lines(validateJob(now, { operation: 'UPDATE', old }))).toContain(
      'spec.selector: Invalid value: {"matchLabels":{"other":"x"}}: field is immutable',
    );
  });
});

describe('validateCronJob', () => {
  const cron = (spec: Record<string, unknown>) => {
    const c: KubeObject = { apiVersion: 'batch/v1', kind: 'CronJob', metadata: { name: 'c', namespace: 'default' }, spec };
    defaultCronJob(c);
    return c;
  };
  it('accepts a cron job', () =>
    expect(validateCronJob(cron({ schedule: '*/1 * * * *', jobTemplate: { spec: { template: podTemplate() } } }))).toEqual([]));
  it('accepts macros', () => expect(validateCronJob(cron({ schedule: '@hourly', jobTemplate: { spec: { template: podTemplate() } } }))).toEqual([]));
  it('requires a schedule and checks its fields', () => {
    expect(lines(validateCronJob(cron({ jobTemplate: { spec: { template: podTemplate() } } })))).toEqual(['spec.schedule: Required value']);
    expect(lines(validateCronJob(cron({ schedule: '* * *', jobTemplate: { spec: { template: podTemplate() } } })))).toEqual([
      'spec.schedule: Invalid value: "* * *": Expected exactly 5 fields, found 3: * * *',
    ]);
  });
  it('checks the concurrency policy and the job template', () =>
    expect(lines(validateCronJob(cron({ schedule: '@daily', concurrencyPolicy: 'Sometimes', jobTemplate: { spec: { template: podTemplate({ restartPolicy: 'Always' }) } } })))).toEqual([
      'spec.concurrencyPolicy: Unsupported value: "Sometimes": supported values: "Allow", "Forbid", "Replace"',
      'spec.jobTemplate.spec.template.spec.restartPolicy: Unsupported value: "Always": supported values: "OnFailure", "Never"',
    ]));
});
