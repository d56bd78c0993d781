import type { KubeObject } from '../objects/object-meta';
import { createBuiltinRegistry } from './builtin.registry';
import { fieldValue, supportedFieldSelectors } from './field-selector';

const registry = createBuiltinRegistry();
const rt = (group: string, plural: string) => registry.all().find((r) => r.group === group && r.plural === plural)!;

describe('field selectors', () => {
  it('lists the upstream selectable fields per kind', () => {
    expect(supportedFieldSelectors(rt('', 'pods'))).toEqual([
      'metadata.name', 'metadata.namespace', 'spec.nodeName', 'spec.restartPolicy', 'spec.schedulerName',
      'spec.serviceAccountName', 'spec.hostNetwork', 'status.phase', 'status.podIP', 'status.podIPs', 'status.nominatedNodeName',
    ]);
    expect(supportedFieldSelectors(rt('', 'events')).slice(2)).toEqual([
      'involvedObject.kind', 'involvedObject.namespace', 'involvedObject.name', 'involvedObject.uid', 'involvedObject.apiVersion',
      'involvedObject.resourceVersion', 'involvedObject.fieldPath', 'reason', 'reportingComponent', 'source', 'type',
    ]);
    expect(supportedFieldSelectors(rt('', 'secrets')).slice(2)).toEqual(['type']);
    expect(supportedFieldSelectors(rt('', 'namespaces')).slice(2)).toEqual(['status.phase']);
    expect(supportedFieldSelectors(rt('', 'nodes')).slice(2)).toEqual(['spec.unschedulable']);
    expect(supportedFieldSelectors(rt('', 'services')).slice(2)).toEqual(['spec.clusterIP', 'spec.type']);
    expect(supportedFieldSelectors(rt('apps', 'replicasets')).slice(2)).toEqual(['status.replicas']);
    expect(supportedFieldSelectors(rt('', 'replicationcontrollers')).slice(2)).toEqual(['status.replicas']);
    expect(supportedFieldSelectors(rt('batch', 'jobs')).slice(2)).toEqual(['status.successful']);
    expect(supportedFieldSelectors(rt('apps', 'deployments'))).toEqual(['metadata.name', 'metadata.namespace']);
  });

  it('reads pod fields as strings', () => {
    const pod: KubeObject = {
      metadata: { name: 'web', namespace: 'shop' },
      spec: { nodeName: 'node-1', restartPolicy: 'Always', schedulerName: 'default-scheduler', serviceAccountName: 'default' },
      status: { phase: 'Running', podIP: '10.1.0.9', podIPs: [{ ip: '10.1.0.9' }, { ip: 'fd00::9' }] },
    };
    const pods = rt('', 'pods');
    expect(fieldValue(pods, pod, 'metadata.name')).toBe('web');
    expect(fieldValue(pods, pod, 'metadata.namespace')).toBe('shop');
    expect(fieldValue(pods, pod, 'spec.nodeName')).toBe('node-1');
    expect(fieldValue(pods, pod, 'spec.restartPolicy')).toBe('Always');
    expect(fieldValue(pods, pod, 'spec.schedulerName')).toBe('default-scheduler');
    expect(fieldValue(pods, pod, 'spec.serviceAccountName')).toBe('default');
    expect(fieldValue(pods, pod, 'spec.hostNetwork')).toBe('false');
    expect(fieldValue(pods, pod, 'status.phase')).toBe('Running');
    expect(fieldValue(pods, pod, 'status.podIP')).toBe('10.1.0.9');
    expect(fieldValue(pods, pod, 'status.podIPs')).toBe('');
    expect(fieldValue(pods, pod, 'status.nominatedNodeName')).toBe('');
    expect(fieldValue(pods, pod, 'spec.containers')).toBeUndefined();
    expect(fieldValue(pods, { metadata: {}, spec: { hostNetwork: true } }, 'spec.hostNetwork')).toBe('true');
  });

  it('reads event fields, falling back to the reporting controller for source', () => {
    const events = rt('', 'events');
    const ev: KubeObject = {
      metadata: { name: 'e', namespace: 'default' },
      involvedObject: { kind: 'Deployment', namespace: 'default', name: 'web', uid: 'u-1', apiVersion: 'apps/v1', resourceVersion: '42' },
      reason: 'ScalingReplicaSet',
      reportingComponent: 'deployment-controller',
      type: 'Normal',
    };
    expect(fieldValue(events, ev, 'involvedObject.kind')).toBe('Deployment');
    expect(fieldValue(events, ev, 'involvedObject.uid')).toBe('u-1');
    expect(fieldValue(events, ev, 'involvedObject.apiVersion')).toBe('apps/v1');
    expect(fieldValue(events, ev, 'involvedObject.resourceVersion')).toBe('42');
    expect(fieldValue(events, ev, 'involvedObject.fieldPath')).toBe('');
    expect(fieldValue(events, ev, 'source')).toBe('deployment-controller');
    expect(fieldValue(events, { ...ev, source: { component: 'kubelet' } }, 'source')).toBe('kubelet');
    expect(fieldValue(events, ev, 'reportingComponent')).toBe('deployment-controller');
    expect(fieldValue(events, ev, 'type')).toBe('Normal');
  });

  it('reads other kinds', () => {
    expect(fieldValue(rt('', 'nodes'), { metadata: { name: 'n' }, spec: { unschedulable: true } }, 'spec.unschedulable')).toBe('true');
    expect(fieldValue(rt('', 'nodes'), { metadata: { name: 'n' } }, 'spec.unschedulable')).toBe('false');
    expect(fieldValue(rt('', 'nodes'), { metadata: { name: 'n' } }, 'metadata.namespace')).toBe('');
    expect(fieldValue(rt('', 'secrets'), { metadata: {}, type: 'kubernetes.io/tls' }, 'type')).toBe('kubernetes.io/tls');
    expect(fieldValue(rt('', 'namespaces'), { metadata: {}, status: { phase: 'Terminating' } }, 'status.phase')).toBe('Terminating');
    expect(fieldValue(rt('apps', 'replicasets'), { metadata: {}, status: { replicas: 3 } }, 'status.replicas')).toBe('3');
    expect(fieldValue(rt('apps', 'replicasets'), { metadata: {} }, 'status.replicas')).toBe('0');
    expect(fieldValue(rt('batch', 'jobs'), { metadata: {}, status: { succeeded: 2 } }, 'status.successful')).toBe('2');
    expect(fieldValue(rt('', 'services'), { metadata: {}, spec: { type: 'NodePort', clusterIP: '10.96.0.5' } }, 'spec.type')).toBe('NodePort');
    expect(fieldValue(rt('apps', 'deployments'), { metadata: {} }, 'status.replicas')).toBeUndefined();
  });
});
