import type { KubeObject } from '../objects/object-meta';
import { defaulters } from './defaulters';

const apply = (key: string, obj: KubeObject) => {
  defaulters[key](obj);
  return obj;
};

describe('core defaulters', () => {
  it('Secret: type Opaque and stringData merged into data', () =>
    expect(apply('/Secret', { metadata: { name: 's' }, data: { a: 'eA==', b: 'eQ==' }, stringData: { b: 'héllo' } })).toEqual({
      metadata: { name: 's' },
      type: 'Opaque',
      data: { a: 'eA==', b: 'aMOpbGxv' },
    }));

  it('Namespace: name label, kubernetes finalizer, phase Active', () =>
    expect(apply('/Namespace', { metadata: { name: 'dev', labels: { team: 'a' } } })).toEqual({
      metadata: { name: 'dev', labels: { team: 'a', 'kubernetes.io/metadata.name': 'dev' } },
      spec: { finalizers: ['kubernetes'] },
      status: { phase: 'Active' },
    }));

  it('Node: allocatable from capacity', () =>
    expect(apply('/Node', { metadata: { name: 'n' }, status: { capacity: { cpu: '4', pods: '110' } } }).status).toEqual({
      capacity: { cpu: '4', pods: '110' },
      allocatable: { cpu: '4', pods: '110' },
    }));

  it('PersistentVolumeClaim and PersistentVolume', () => {
    expect(apply('/PersistentVolumeClaim', { metadata: { name: 'c' }, spec: { accessModes: ['ReadWriteOnce'] } })).toEqual({
      metadata: { name: 'c' },
      spec: { accessModes: ['ReadWriteOnce'], volumeMode: 'Filesystem' },
      status: { phase: 'Pending' },
    });
    expect(apply('/PersistentVolume', { metadata: { name: 'v' }, spec: { hostPath: { path: '/d' } } })).toEqual({
      metadata: { name: 'v' },
      spec: { hostPath: { path: '/d' }, persistentVolumeReclaimPolicy: 'Retain', volumeMode: 'Filesystem' },
      status: { phase: 'Pending' },
    });
  });

  it('Endpoints ports and LimitRange container defaults', () => {
    expect(apply('/Endpoints', { metadata: { name: 'e' }, subsets: [{ ports: [{ port: 80 }] }] }).subsets).toEqual([{ ports: [{ port: 80, protocol: 'TCP' }] }]);
    expect(apply('/LimitRange', { metadata: { name: 'l' }, spec: { limits: [{ type: 'Container', max: { cpu: '2' }, min: { memory: '64Mi' } }] } }).spec).toEqual({
      limits: [{ type: 'Container', max: { cpu: '2' }, min: { memory: '64Mi' }, default: { cpu: '2' }, defaultRequest: { cpu: '2', memory: '64Mi' } }],
    });
  });
});
