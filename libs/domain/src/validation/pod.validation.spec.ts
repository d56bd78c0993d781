import type { KubeObject } from '../objects/object-meta';
import { defaultPod } from '../defaults/pod.defaults';
import { POD_UPDATE_FORBIDDEN, validatePod } from './pod.validation';

const LABEL_MSG =
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character " +
  "(e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";

function pod(spec: Record<string, unknown>): KubeObject {
  const p: KubeObject = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', namespace: 'default' }, spec };
  defaultPod(p);
  return p;
}
const create = { operation: 'CREATE' as const };
const lines = (o: KubeObject, ctx: { operation: 'CREATE' | 'UPDATE'; old?: KubeObject } = create) =>
  validatePod(o, ctx).map((e) => `${e.field}: ${e.detail}`);

describe('validatePod', () => {
  it('accepts a defaulted pod', () => {
    const p = pod({
      containers: [{ name: 'web', image: 'nginx', ports: [{ name: 'http', containerPort: 80 }], volumeMounts: [{ name: 'data', mountPath: '/data' }] }],
      volumes: [{ name: 'data' }],
    });
    expect(validatePod(p, create)).toEqual([]);
  });

  it('requires containers', () => expect(lines(pod({ containers: [] }))).toEqual(['spec.containers: Required value']));

  it('requires container name and image', () =>
    expect(lines(pod({ containers: [{}] }))).toEqual(['spec.containers[0].name: Required value', 'spec.containers[0].image: Required value']));

  it('checks container names', () =>
    expect(lines(pod({ containers: [{ name: 'Web', image: 'x' }, { name: 'a', image: 'x' }], initContainers: [{ name: 'a', image: 'x' }] }))).toEqual([
      `spec.containers[0].name: Invalid value: "Web": ${LABEL_MSG}`,
      'spec.initContainers[0].name: Duplicate value: "a"',
    ]));

  it('checks ports', () =>
    expect(
      lines(
        pod({
          containers: [
            { name: 'a', image: 'x', ports: [{ containerPort: 70000 }, { name: 'http', containerPort: 80, protocol: 'HTTP' }, { name: 'http', containerPort: 81 }] },
          ],
        }),
      ),
    ).toEqual([
      'spec.containers[0].ports[0].containerPort: Invalid value: 70000: must be between 1 and 65535, inclusive',
      'spec.containers[0].ports[1].protocol: Unsupported value: "HTTP": supported values: "SCTP", "TCP", "UDP"',
      'spec.containers[0].ports[2].name: Duplicate value: "http"',
    ]));

  it('checks restartPolicy and dnsPolicy enums', () =>
    expect(lines(pod({ containers: [{ name: 'a', image: 'x' }], restartPolicy: 'Sometimes', dnsPolicy: 'Other' }))).toEqual([
      'spec.restartPolicy: Unsupported value: "Sometimes": supported values: "Always", "OnFailure", "Never"',
      'spec.dnsPolicy: Unsupported value: "Other": supported values: "ClusterFirst", "ClusterFirstWithHostNet", "Default", "None"',
    ]));

  it('finds volume mounts without a volume', () =>
    expect(lines(pod({ containers: [{ name: 'a', image: 'x', volumeMounts: [{ name: 'nope', mountPath: '/x' }] }] }))).toEqual([
      'spec.containers[0].volumeMounts[0].name: Not found: "nope"',
    ]));

  it('keeps requests under limits', () =>
    expect(lines(pod({ containers: [{ name: 'a', image: 'x', resources: { requests: { cpu: '2' }, limits: { cpu: '1' } } }] }))).toEqual([
      'spec.containers[0].resources.requests[cpu]: Invalid value: "2": must be less than or equal to cpu limit of 1',
    ]));

  it('validates nodeSelector as labels', () =>
    expect(lines(pod({ containers: [{ name: 'a', image: 'x' }], nodeSelector: { disk: 'not ok' } }))[0]).toMatch(
      /^spec\.nodeSelector: Invalid value: "not ok": a valid label must be/,
    ));

  describe('update', () => {
    const old = pod({ containers: [{ name: 'a', image: 'nginx:1.25' }], tolerations: [{ key: 'k', operator: 'Exists' }] });
    it('allows image changes, added tolerations and a shorter deadline', () => {
      const now = pod({
        containers: [{ name: 'a', image: 'nginx:1.26' }],
        tolerations: [{ key: 'k', operator: 'Exists' }, { key: 'j', operator: 'Exists' }],
        activeDeadlineSeconds: 30,
      });
      expect(lines(now, { operation: 'UPDATE', old })).toEqual([]);
    });
    it('forbids other spec changes', () => {
      const now = pod({ containers: [{ name: 'a', image: 'nginx:1.25', ports: [{ containerPort: 80 }] }], tolerations: [{ key: 'k', operator: 'Exists' }] });
      expect(lines(now, { operation: 'UPDATE', old })).toEqual([`spec: Forbidden: ${POD_UPDATE_FORBIDDEN}`]);
      expect(POD_UPDATE_FORBIDDEN).toBe(
        'pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,' +
          '`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)',
      );
    });
    it('forbids removing tolerations', () => {
      const now = pod({ containers: [{ name: 'a', image: 'nginx:1.25' }] });
      expect(lines(now, { operation: 'UPDATE', old })).toEqual([`spec: Forbidden: ${POD_UPDATE_FORBIDDEN}`]);
    });
  });
});
