import type { KubeObject } from '../objects/object-meta';
import { defaultService } from './service.defaults';

const svc = (spec: Record<string, unknown>): KubeObject => {
  const s: KubeObject = { apiVersion: 'v1', kind: 'Service', metadata: { name: 'web', namespace: 'default' }, spec };
  defaultService(s);
  return s;
};

describe('defaultService', () => {
  it('defaults a ClusterIP service as kubectl expose sends it', () =>
    expect(svc({ selector: { app: 'web' }, ports: [{ port: 80 }] })).toEqual({
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'web', namespace: 'default' },
      spec: {
        selector: { app: 'web' },
        ports: [{ port: 80, protocol: 'TCP', targetPort: 80 }],
        sessionAffinity: 'None',
        type: 'ClusterIP',
        internalTrafficPolicy: 'Cluster',
        ipFamilyPolicy: 'SingleStack',
        ipFamilies: ['IPv4'],
      },
      status: { loadBalancer: {} },
    }));

  it('adds externalTrafficPolicy for NodePort and allocateLoadBalancerNodePorts for LoadBalancer', () => {
    expect(svc({ type: 'NodePort', ports: [{ port: 80, targetPort: 'http' }] }).spec).toMatchObject({
      externalTrafficPolicy: 'Cluster',
      internalTrafficPolicy: 'Cluster',
      ports: [{ port: 80, targetPort: 'http', protocol: 'TCP' }],
    });
    expect(svc({ type: 'LoadBalancer', ports: [{ port: 80 }] }).spec).toMatchObject({ externalTrafficPolicy: 'Cluster', allocateLoadBalancerNodePorts: true });
  });

  it('fills the ClientIP affinity timeout and drops config for None', () => {
    expect((svc({ sessionAffinity: 'ClientIP', ports: [{ port: 80 }] }).spec as Record<string, unknown>).sessionAffinityConfig).toEqual({
      clientIP: { timeoutSeconds: 10800 },
    });
    expect((svc({ sessionAffinityConfig: { clientIP: {} }, ports: [{ port: 80 }] }).spec as Record<string, unknown>).sessionAffinityConfig).toBeUndefined();
  });

  it('keeps clusterIP and clusterIPs consistent without allocating', () => {
    expect(svc({ clusterIP: '10.96.0.10', ports: [{ port: 80 }] }).spec).toMatchObject({ clusterIP: '10.96.0.10', clusterIPs: ['10.96.0.10'] });
    expect((svc({ ports: [{ port: 80 }] }).spec as Record<string, unknown>).clusterIP).toBeUndefined();
    expect(svc({ clusterIP: 'None' }).spec).toMatchObject({ clusterIPs: ['None'], ipFamilyPolicy: 'RequireDualStack' });
  });

  it('gives ExternalName services no families or traffic policy', () =>
    expect(svc({ type: 'ExternalName', externalName: 'db.example.com' }).spec).toEqual({ type: 'ExternalName', externalName: 'db.example.com', sessionAffinity: 'None' }));
});
