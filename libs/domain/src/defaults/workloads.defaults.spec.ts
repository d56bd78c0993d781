import type { KubeObject } from '../objects/object-meta';
import { defaulters } from './defaulters';

const template = () => ({ metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image: 'nginx:1.25' }] } });
const defaultedTemplate = {
  metadata: { labels: { app: 'web' } },
  spec: {
    containers: [
      { name: 'web', image: 'nginx:1.25', imagePullPolicy: 'IfNotPresent', terminationMessagePath: '/dev/termination-log', terminationMessagePolicy: 'File', resources: {} },
    ],
    dnsPolicy: 'ClusterFirst',
    restartPolicy: 'Always',
    schedulerName: 'default-scheduler',
    securityContext: {},
    terminationGracePeriodSeconds: 30,
  },
};
const selector = { matchLabels: { app: 'web' } };

function apply(key: string, spec: Record<string, unknown>): Record<string, unknown> {
  const obj: KubeObject = { metadata: { name: 'web', namespace: 'default' }, spec };
  defaulters[key](obj);
  return obj.spec as Record<string, unknown>;
}

describe('workload defaulters', () => {
  it('Deployment', () =>
    expect(apply('apps/Deployment', { selector, template: template() })).toEqual({
      replicas: 1,
      selector,
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: '25%', maxSurge: '25%' } },
      revisionHistoryLimit: 10,
      progressDeadlineSeconds: 600,
      template: defaultedTemplate,
    }));

  it('Deployment with Recreate gets no rollingUpdate and keeps its replicas', () =>
    expect(apply('apps/Deployment', { replicas: 0, selector, strategy: { type: 'Recreate' }, template: template() })).toMatchObject({
      replicas: 0,
      strategy: { type: 'Recreate' },
    }));

  it('ReplicaSet', () => expect(apply('apps/ReplicaSet', { selector, template: template() })).toEqual({ replicas: 1, selector, template: defaultedTemplate }));

  it('StatefulSet', () =>
    expect(
      apply('apps/StatefulSet', {
        selector,
        serviceName: 'web',
        template: template(),
        volumeClaimTemplates: [{ metadata: { name: 'data' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } }],
      }),
    ).toEqual({
      selector,
      serviceName: 'web',
      podManagementPolicy: 'OrderedReady',
      updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 0 } },
      persistentVolumeClaimRetentionPolicy: { whenDeleted: 'Retain', whenScaled: 'Retain' },
      replicas: 1,
      revisionHistoryLimit: 10,
      template: defaultedTemplate,
      volumeClaimTemplates: [
        {
          metadata: { name: 'data' },
          spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } }, volumeMode: 'Filesystem' },
          status: { phase: 'Pending' },
        },
      ],
    }));

  it('StatefulSet OnDelete gets no rolling update', () =>
    expect(apply('apps/StatefulSet', { selector, template: template(), updateStrategy: { type: 'OnDelete' } }).updateStrategy).toEqual({ type: 'OnDelete' }));

  it('DaemonSet', () =>
    expect(apply('apps/DaemonSet', { selector, template: template() })).toEqual({
      selector,
      updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1, maxSurge: 0 } },
      revisionHistoryLimit: 10,
      template: defaultedTemplate,
    }));

  it('ReplicationController takes selector and labels from its template', () => {
    const rc: KubeObject = { metadata: { name: 'rc' }, spec: { template: template() } };
    defaulters['/ReplicationController'](rc);
    expect(rc).toEqual({ metadata: { name: 'rc', labels: { app: 'web' } }, spec: { selector: { app: 'web' }, replicas: 1, template: defaultedTemplate } });
  });
});
