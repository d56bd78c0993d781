import type { KubeObject } from '../objects/object-meta';
import { defaultService } from '../defaults/service.defaults';
import { validateService } from './service.validation';

function svc(spec: Record<string, unknown>, name = 'web'): KubeObject {
  const s: KubeObject = { apiVersion: 'v1', kind: 'Service', metadata: { name, namespace: 'default' }, spec };
  defaultService(s);
  return s;
}
const run = (s: KubeObject, old?: KubeObject) =>
  validateService(s, old ? { operation: 'UPDATE', old } : { operation: 'CREATE' }).map((e) => `${e.field}: ${e.detail}`);

describe('validateService', () => {
  it('accepts a defaulted service', () => expect(run(svc({ selector: { app: 'web' }, ports: [{ port: 80 }] }))).toEqual([]));

  it('requires ports', () => expect(run(svc({ selector: { app: 'web' } }))).toEqual(['spec.ports: Required value']));

  it('allows a headless service without ports and an ExternalName service', () => {
    expect(run(svc({ clusterIP: 'None', selector: { app: 'web' } }))).toEqual([]);
    expect(run(svc({ type: 'ExternalName', externalName: 'db.example.com' }))).toEqual([]);
    expect(run(svc({ type: 'ExternalName' }))).toEqual(['spec.externalName: Required value']);
  });

  it('checks port numbers, names and protocols', () =>
    expect(run(svc({ ports: [{ port: 0 }, { name: 'b', port: 80, protocol: 'HTTP', targetPort: 'Bad--' }] }))).toEqual([
      'spec.ports[0].name: Required value',
      'spec.ports[0].port: Invalid value: 0: must be between 1 and 65535, inclusive',
      // targetPort was defaulted from the invalid port, and upstream reports it too.
      'spec.ports[0].targetPort: Invalid value: 0: must be between 1 and 65535, inclusive',
      'spec.ports[1].protocol: Unsupported value: "HTTP": supported values: "SCTP", "TCP", "UDP"',
      'spec.ports[1].targetPort: Invalid value: "Bad--": must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)',
      'spec.ports[1].targetPort: Invalid value: "Bad--": must not contain consecutive hyphens',
      'spec.ports[1].targetPort: Invalid value: "Bad--": must not begin or end with a hyphen',
    ]));

  it('reports duplicate port names and port/protocol pairs', () =>
    expect(run(svc({ ports: [{ name: 'a', port: 80 }, { name: 'a', port: 80 }] }))).toEqual([
      'spec.ports[1].name: Duplicate value: "a"',
      'spec.ports[1]: Duplicate value: {"Name":"","Protocol":"TCP","AppProtocol":null,"Port":80,"TargetPort":0,"NodePort":0}',
    ]));

  it('rejects an unknown type', () =>
    expect(run(svc({ type: 'Magic', ports: [{ port: 80 }] }))).toEqual([
      'spec.type: Unsupported value: "Magic": supported values: "ClusterIP", "ExternalName", "LoadBalancer", "NodePort"',
    ]));

  it('forbids nodePort on ClusterIP services and checks its range', () => {
    expect(run(svc({ ports: [{ port: 80, nodePort: 30080 }] }))).toEqual([
      "spec.ports[0].nodePort: Forbidden: may not be used when `type` is 'ClusterIP'",
    ]);
    expect(run(svc({ type: 'NodePort', ports: [{ port: 80, nodePort: 70000 }] }))).toEqual([
      'spec.ports[0].nodePort: Invalid value: 70000: must be between 1 and 65535, inclusive',
    ]);
  });

  it('requires DNS-1035 names', () =>
    expect(run(svc({ ports: [{ port: 80 }] }, '1web'))).toEqual([
      "metadata.name: Invalid value: \"1web\": a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')",
    ]));

  it('restricts externalTrafficPolicy to externally reachable services', () =>
    expect(run(svc({ ports: [{ port: 80 }], externalTrafficPolicy: 'Local' }))).toEqual([
      "spec.externalTrafficPolicy: Invalid value: \"Local\": may only be set when `type` is 'NodePort' or 'LoadBalancer'",
    ]));

  it('keeps the allocated cluster IP', () => {
    const old = svc({ ports: [{ port: 80 }], clusterIP: '10.96.0.10' });
    expect(run(svc({ ports: [{ port: 80 }] }), old)).toEqual([]);
    expect(run(svc({ ports: [{ port: 80 }], clusterIP: '10.96.0.11' }), old)).toEqual([
      'spec.clusterIPs[0]: Invalid value: ["10.96.0.11"]: may not change once set',
    ]);
  });
});
