import { randomUUID } from 'node:crypto';

/** A ConfigMap whose JSON body is about `bytes` long (the figures' "~1 KB ConfigMap"). */
export function configMap(namespace: string, name: string, bytes: number, revision = 0): Record<string, unknown> {
  const head = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, namespace, labels: { app: 'bench', tier: 'load' } }, data: { revision: String(revision), payload: '' } };
  const pad = Math.max(0, bytes - JSON.stringify(head).length);
  return { ...head, data: { revision: String(revision), payload: 'x'.repeat(pad) } };
}

/** The ConfigMap as the API stores it (uid, creation time, resourceVersion): the row shape of the raw baseline. */
export function storedConfigMap(namespace: string, name: string, bytes: number, resourceVersion: number, revision = 0): Record<string, unknown> {
  const body = configMap(namespace, name, bytes, revision);
  const metadata = body.metadata as Record<string, unknown>;
  return {
    ...body,
    metadata: { ...metadata, uid: randomUUID(), resourceVersion: String(resourceVersion), creationTimestamp: new Date().toISOString().replace(/\.\d+Z$/, 'Z') },
  };
}

export function pod(namespace: string, name: string): Record<string, unknown> {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace, labels: { app: 'bench', shard: String(name.length % 7) } },
    spec: {
      containers: [
        {
          name: 'main',
          image: 'registry.k8s.io/pause:3.9',
          ports: [{ containerPort: 8080, protocol: 'TCP' }],
          resources: { requests: { cpu: '10m', memory: '16Mi' } },
        },
      ],
    },
  };
}

export function namespace(name: string): Record<string, unknown> {
  return { apiVersion: 'v1', kind: 'Namespace', metadata: { name } };
}
