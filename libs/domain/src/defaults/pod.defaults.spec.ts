import type { KubeObject } from '../objects/object-meta';
import { defaultPod, defaultPodTemplate, defaultPullPolicy, podQosClass } from './pod.defaults';

const defaultedContainer = (name: string, image: string, pull: string) => ({
  name,
  image,
  imagePullPolicy: pull,
  terminationMessagePath: '/dev/termination-log',
  terminationMessagePolicy: 'File',
  resources: {},
});

describe('defaultPullPolicy', () => {
  it.each([
    ['nginx', 'Always'],
    ['nginx:latest', 'Always'],
    ['registry:5000/team/app', 'Always'],
    ['nginx:1.25', 'IfNotPresent'],
    ['registry:5000/team/app:v1', 'IfNotPresent'],
    ['nginx@sha256:abc', 'IfNotPresent'],
    ['nginx:latest@sha256:abc', 'Always'],
  ])('%s → %s', (image, policy) => expect(defaultPullPolicy(image)).toBe(policy));
});

describe('defaultPod', () => {
  it('fills what kube-apiserver fills for a minimal pod', () => {
    const pod: KubeObject = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', namespace: 'default' }, spec: { containers: [{ name: 'web', image: 'nginx' }] } };
    defaultPod(pod);
    expect(pod).toEqual({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'p', namespace: 'default' },
      spec: {
        containers: [defaultedContainer('web', 'nginx', 'Always')],
        dnsPolicy: 'ClusterFirst',
        enableServiceLinks: true,
        preemptionPolicy: 'PreemptLowerPriority',
        priority: 0,
        restartPolicy: 'Always',
        schedulerName: 'default-scheduler',
        securityContext: {},
        serviceAccount: 'default',
        serviceAccountName: 'default',
        terminationGracePeriodSeconds: 30,
      },
      status: { phase: 'Pending', qosClass: 'BestEffort' },
    });
  });

  it('defaults ports, probes, volumes and env field refs', () => {
    const pod: KubeObject = {
      metadata: { name: 'p' },
      spec: {
        containers: [
          {
            name: 'web',
            image: 'nginx:1.25',
            ports: [{ containerPort: 80 }],
            livenessProbe: { httpGet: { port: 80 } },
            env: [{ name: 'NODE', valueFrom: { fieldRef: { fieldPath: 'spec.nodeName' } } }],
          },
        ],
        volumes: [{ name: 'a' }, { name: 'b', configMap: { name: 'cm' } }, { name: 'c', secret: { secretName: 's' } }, { name: 'd', hostPath: { path: '/x' } }],
        restartPolicy: 'Never',
        priorityClassName: 'high',
      },
    };
    defaultPod(pod);
    const spec = pod.spec as Record<string, unknown>;
    expect((spec.containers as unknown[])[0]).toEqual({
      ...defaultedContainer('web', 'nginx:1.25', 'IfNotPresent'),
      ports: [{ containerPort: 80, protocol: 'TCP' }],
      livenessProbe: { httpGet: { port: 80, path: '/', scheme: 'HTTP' }, timeoutSeconds: 1, periodSeconds: 10, successThreshold: 1, failureThreshold: 3 },
      env: [{ name: 'NODE', valueFrom: { fieldRef: { fieldPath: 'spec.nodeName', apiVersion: 'v1' } } }],
    });
    expect(spec.volumes).toEqual([
      { name: 'a', emptyDir: {} },
      { name: 'b', configMap: { name: 'cm', defaultMode: 420 } },
      { name: 'c', secret: { secretName: 's', defaultMode: 420 } },
      { name: 'd', hostPath: { path: '/x', type: '' } },
    ]);
    expect(spec.restartPolicy).toBe('Never');
    expect(spec.priority).toBeUndefined();
    expect(spec.preemptionPolicy).toBeUndefined();
  });

  it('copies limits into missing requests and derives the QoS class', () => {
    const pod: KubeObject = {
      metadata: { name: 'p' },
      spec: { containers: [{ name: 'a', image: 'x', resources: { limits: { cpu: '500m', memory: '128Mi' } } }] },
    };
    defaultPod(pod);
    expect(((pod.spec as { containers: { resources: unknown }[] }).containers[0]).resources).toEqual({
      limits: { cpu: '500m', memory: '128Mi' },
      requests: { cpu: '500m', memory: '128Mi' },
    });
    expect(pod.status).toEqual({ phase: 'Pending', qosClass: 'Guaranteed' });
  });

  it('keeps an existing status and service account', () => {
    const pod: KubeObject = { metadata: { name: 'p' }, spec: { serviceAccountName: 'builder', containers: [] }, status: { phase: 'Running', qosClass: 'Burstable' } };
    defaultPod(pod);
    expect((pod.spec as Record<string, unknown>).serviceAccount).toBe('builder');
    expect(pod.status).toEqual({ phase: 'Running', qosClass: 'Burstable' });
  });

  it('turns container ports into host ports on the host network', () => {
    const pod: KubeObject = { metadata: { name: 'p' }, spec: { hostNetwork: true, containers: [{ name: 'a', image: 'x', ports: [{ containerPort: 8080 }] }] } };
    defaultPod(pod);
    expect((pod.spec as { containers: { ports: unknown }[] }).containers[0].ports).toEqual([{ containerPort: 8080, hostPort: 8080, protocol: 'TCP' }]);
  });
});

describe('podQosClass', () => {
  const spec = (resources: Record<string, unknown>[]) => ({ containers: resources.map((r, i) => ({ name: `c${i}`, resources: r })) });
  it('is BestEffort without requests or limits', () => expect(podQosClass(spec([{}]))).toBe('BestEffort'));
  it('is Burstable with requests only', () => expect(podQosClass(spec([{ requests: { cpu: '100m' } }]))).toBe('Burstable'));
  it('is Guaranteed when requests equal limits for cpu and memory', () =>
    expect(podQosClass(spec([{ requests: { cpu: '1', memory: '1Gi' }, limits: { cpu: '1000m', memory: '1Gi' } }]))).toBe('Guaranteed'));
  it('is Burstable when one container lacks a memory limit', () =>
    expect(podQosClass(spec([{ requests: { cpu: '1', memory: '1Gi' }, limits: { cpu: '1', memory: '1Gi' } }, { limits: { cpu: '1' }, requests: { cpu: '1' } }]))).toBe('Burstable'));
});

describe('defaultPodTemplate', () => {
  it('applies only pod-spec defaults inside templates', () => {
    const template = { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image: 'nginx:1.25' }] } };
    defaultPodTemplate(template);
    expect(template).toEqual({
      metadata: { labels: { app: 'web' } },
      spec: {
        containers: [defaultedContainer('web', 'nginx:1.25', 'IfNotPresent')],
        dnsPolicy: 'ClusterFirst',
        restartPolicy: 'Always',
        schedulerName: 'default-scheduler',
        securityContext: {},
        terminationGracePeriodSeconds: 30,
      },
    });
  });
});
