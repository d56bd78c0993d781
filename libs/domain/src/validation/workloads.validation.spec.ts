import type { KubeObject } from '../objects/object-meta';
import { defaulters } from '../defaults/defaulters';
import { validators } from './validators';

function make(group: string, kind: string, spec: Record<string, unknown>): KubeObject {
  const obj: KubeObject = { apiVersion: group ? `${group}/v1` : 'v1', kind, metadata: { name: 'web', namespace: 'default' }, spec };
  defaulters[`${group}/${kind}`](obj);
  return obj;
}
const template = (labels: Record<string, string>, extra: Record<string, unknown> = {}) => ({
  metadata: { labels },
  spec: { containers: [{ name: 'web', image: 'nginx' }], ...extra },
});
const run = (key: string, obj: KubeObject, old?: KubeObject) =>
  validators[key](obj, old ? { operation: 'UPDATE', old } : { operation: 'CREATE' }).map((e) => `${e.field}: ${e.detail}`);

describe('Deployment validation', () => {
  const valid = () => make('apps', 'Deployment', { selector: { matchLabels: { app: 'web' } }, template: template({ app: 'web' }) });

  it('accepts a defaulted deployment', () => expect(run('apps/Deployment', valid())).toEqual([]));

  it('reports a selector that does not match the template labels', () => {
    const d = make('apps', 'Deployment', { selector: { matchLabels: { app: 'web' } }, template: template({ app: 'api' }) });
    expect(run('apps/Deployment', d)).toEqual([
      'spec.template.metadata.labels: Invalid value: {"app":"api"}: `selector` does not match template `labels`',
    ]);
  });

  it('reports a missing selector twice, as upstream does', () => {
    const d = make('apps', 'Deployment', { template: template({ app: 'web' }) });
    expect(run('apps/Deployment', d)).toEqual([
      'spec.selector: Required value',
      'spec.template.metadata.labels: Invalid value: {"app":"web"}: `selector` does not match template `labels`',
    ]);
  });

  it('rejects an empty selector', () => {
    const d = make('apps', 'Deployment', { selector: {}, template: template({ app: 'web' }) });
    expect(run('apps/Deployment', d)).toEqual(['spec.selector: Invalid value: {}: empty selector is invalid for deployment']);
  });

  it('rejects negative replicas and a non-Always restart policy', () => {
    const d = make('apps', 'Deployment', {
      replicas: -1,
      selector: { matchLabels: { app: 'web' } },
      template: template({ app: 'web' }, { restartPolicy: 'Never' }),
    });
    expect(run('apps/Deployment', d)).toEqual([
      'spec.replicas: Invalid value: -1: must be greater than or equal to 0',
      'spec.template.spec.restartPolicy: Unsupported value: "Never": supported values: "Always"',
    ]);
  });

  it('validates the rolling update parameters', () => {
    const d = valid();
    (d.spec as { strategy: unknown }).strategy = { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: '150%', maxSurge: 'x' } };
    expect(run('apps/Deployment', d)).toEqual([
      'spec.strategy.rollingUpdate.maxUnavailable: Invalid value: "150%": must not be greater than 100%',
      "spec.strategy.rollingUpdate.maxSurge: Invalid value: \"x\": a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')",
    ]);
    (d.spec as { strategy: unknown }).strategy = { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 0, maxSurge: 0 } };
    expect(run('apps/Deployment', d)).toEqual(['spec.strategy.rollingUpdate.maxUnavailable: Invalid value: 0: may not be 0 when `maxSurge` is 0']);
  });

  it('keeps the selector immutable', () => {
    const old = valid();
    const now = make('apps', 'Deployment', { selector: { matchLabels: { app: 'web', tier: 'x' } }, template: template({ app: 'web', tier: 'x' }) });
    expect(run('apps/Deployment', now, old)).toEqual(['spec.selector: Invalid value: {"matchLabels":{"app":"web","tier":"x"}}: field is immutable']);
    expect(run('apps/Deployment', valid(), old)).toEqual([]);
  });

  it('checks template labels', () => {
    const d = make('apps', 'Deployment', { selector: { matchLabels: { app: 'web' } }, template: template({ app: 'web', 'bad key!': 'x' }) });
    expect(run('apps/Deployment', d)[0]).toMatch(/^spec\.template\.metadata\.labels: Invalid value: "bad key!": name part must consist/);
  });

  it('reports pod spec errors under the template path', () => {
    const d = make('apps', 'Deployment', { selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web' }] } } });
    expect(run('apps/Deployment', d)).toEqual(['spec.template.spec.containers[0].image: Required value']);
  });
});

describe('ReplicaSet, DaemonSet, StatefulSet and ReplicationController validation', () => {
  it('accepts valid objects', () => {
    const sel = { selector: { matchLabels: { app: 'web' } }, template: template({ app: 'web' }) };
    expect(run('apps/ReplicaSet', make('apps', 'ReplicaSet', sel))).toEqual([]);
    expect(run('apps/DaemonSet', make('apps', 'DaemonSet', sel))).toEqual([]);
    expect(run('apps/StatefulSet', make('apps', 'StatefulSet', { ...sel, serviceName: 'web' }))).toEqual([]);
    expect(run('/ReplicationController', make('', 'ReplicationController', { template: template({ app: 'web' }) }))).toEqual([]);
  });

  it('uses the kind in the empty-selector message', () => {
    expect(run('apps/ReplicaSet', make('apps', 'ReplicaSet', { selector: {}, template: template({ app: 'web' }) }))).toEqual([
      'spec.selector: Invalid value: {}: empty selector is invalid for replicaset',
    ]);
  });

  it('keeps the ReplicaSet selector immutable', () => {
    const old = make('apps', 'ReplicaSet', { selector: { matchLabels: { app: 'web' } }, template: template({ app: 'web' }) });
    const now = make('apps', 'ReplicaSet', { selector: { matchLabels: { app: 'api' } }, template: template({ app: 'api' }) });
    expect(run('apps/ReplicaSet', now, old)).toEqual(['spec.selector: Invalid value: {"matchLabels":{"app":"api"}}: field is immutable']);
  });

  it('forbids StatefulSet spec changes outside the mutable fields', () => {
    const base = { selector: { matchLabels: { app: 'web' } }, template: template({ app: 'web' }) };
    const old = make('apps', 'StatefulSet', { ...base, serviceName: 'web' });
    expect(run('apps/StatefulSet', make('apps', 'StatefulSet', { ...base, serviceName: 'web', replicas: 5 }), old)).toEqual([]);
    expect(run('apps/StatefulSet', make('apps', 'StatefulSet', { ...base, serviceName: 'other' }), old)).toEqual([
      "spec: Forbidden: updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden",
    ]);
  });

  it('rejects an unknown DaemonSet update strategy', () => {
    const ds = make('apps', 'DaemonSet', { selector: { matchLabels: { app: 'web' } }, template: template({ app: 'web' }), updateStrategy: { type: 'Sometimes' } });
    expect(run('apps/DaemonSet', ds)).toEqual(['spec.updateStrategy.type: Unsupported value: "Sometimes": supported values: "OnDelete", "RollingUpdate"']);
  });

  it('requires a ReplicationController selector matching its template', () => {
    const rc = make('', 'ReplicationController', { selector: { app: 'a' }, template: template({ app: 'b' }) });
    expect(run('/ReplicationController', rc)).toEqual([
      'spec.template.metadata.labels: Invalid value: {"app":"b"}: `selector` does not match template `labels`',
    ]);
  });
});
