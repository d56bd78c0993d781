import type { KubeObject } from '../objects/object-meta';
import { defaultCronJob, defaultJob } from './batch.defaults';

const podTemplate = () => ({ spec: { containers: [{ name: 'pi', image: 'perl:5.34' }], restartPolicy: 'Never' } });
const defaultedPodSpec = {
  containers: [
    { name: 'pi', image: 'perl:5.34', imagePullPolicy: 'IfNotPresent', terminationMessagePath: '/dev/termination-log', terminationMessagePolicy: 'File', resources: {} },
  ],
  restartPolicy: 'Never',
  dnsPolicy: 'ClusterFirst',
  schedulerName: 'default-scheduler',
  securityContext: {},
  terminationGracePeriodSeconds: 30,
};

describe('defaultJob', () => {
  it('defaults counts, modes and generates the selector from the uid', () => {
    const job: KubeObject = { metadata: { name: 'pi', namespace: 'default', uid: 'u-1' }, spec: { template: podTemplate() } };
    defaultJob(job);
    const generated = { 'batch.kubernetes.io/controller-uid': 'u-1', 'batch.kubernetes.io/job-name': 'pi', 'controller-uid': 'u-1', 'job-name': 'pi' };
    expect(job).toEqual({
      metadata: { name: 'pi', namespace: 'default', uid: 'u-1', labels: generated },
      spec: {
        completions: 1,
        parallelism: 1,
        backoffLimit: 6,
        completionMode: 'NonIndexed',
        suspend: false,
        podReplacementPolicy: 'TerminatingOrFailed',
        manualSelector: false,
        selector: { matchLabels: { 'batch.kubernetes.io/controller-uid': 'u-1' } },
        template: { metadata: { labels: generated }, spec: defaultedPodSpec },
      },
    });
  });

  it('leaves completions unset when only parallelism is given, and skips the selector without a uid', () => {
    const job: KubeObject = { metadata: { name: 'pi' }, spec: { parallelism: 3, template: podTemplate() } };
    defaultJob(job);
    const spec = job.spec as Record<string, unknown>;
    expect(spec.completions).toBeUndefined();
    expect(spec.parallelism).toBe(3);
    expect(spec.selector).toBeUndefined();
  });

  it('uses Failed replacement with a pod failure policy and a huge backoffLimit per index', () => {
    const job: KubeObject = { metadata: { name: 'pi' }, spec: { backoffLimitPerIndex: 1, podFailurePolicy: { rules: [{ action: 'Ignore', onPodConditions: [{ type: 'DisruptionTarget' }] }] }, template: podTemplate() } };
    defaultJob(job);
    const spec = job.spec as Record<string, unknown>;
    expect(spec.backoffLimit).toBe(2147483647);
    expect(spec.podReplacementPolicy).toBe('Failed');
    expect(spec.podFailurePolicy).toEqual({ rules: [{ action: 'Ignore', onPodConditions: [{ type: 'DisruptionTarget', status: 'True' }] }] });
  });
});

describe('defaultCronJob', () => {
  it('defaults the policy, limits and the pod template of the job template', () => {
    const cron: KubeObject = { metadata: { name: 'c' }, spec: { schedule: '@hourly', jobTemplate: { spec: { template: podTemplate() } } } };
    defaultCronJob(cron);
    expect(cron.spec).toEqual({
      schedule: '@hourly',
      concurrencyPolicy: 'Allow',
      suspend: false,
      successfulJobsHistoryLimit: 3,
      failedJobsHistoryLimit: 1,
      jobTemplate: { spec: { template: { spec: defaultedPodSpec } } },
    });
  });
});
