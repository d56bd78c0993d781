import type { TypeSchema } from '../schema/type-schema';

// Small stand-ins for the built-in schemas, with the upstream list markers that matter to patches.
const str: TypeSchema = { type: 'string' };
const int: TypeSchema = { type: 'integer' };
const bool: TypeSchema = { type: 'boolean' };
const strMap: TypeSchema = { type: 'map', additional: str };

const objectMeta: TypeSchema = {
  type: 'object',
  fields: {
    name: str,
    namespace: str,
    uid: str,
    resourceVersion: str,
    generation: int,
    creationTimestamp: { type: 'time' },
    labels: strMap,
    annotations: strMap,
    finalizers: { type: 'array', items: str, listType: 'set', patchStrategy: 'merge' },
    managedFields: { type: 'array', items: { type: 'any' }, listType: 'atomic' },
  },
};

const containerPort: TypeSchema = {
  type: 'object',
  fields: { name: str, containerPort: int, protocol: str },
};

const container: TypeSchema = {
  type: 'object',
  fields: {
    name: str,
    image: str,
    imagePullPolicy: str,
    command: { type: 'array', items: str, listType: 'atomic' },
    args: { type: 'array', items: str, listType: 'atomic' },
    ports: {
      type: 'array',
      items: containerPort,
      listType: 'map',
      listMapKeys: ['containerPort', 'protocol'],
      patchStrategy: 'merge',
      patchMergeKey: 'containerPort',
    },
    env: {
      type: 'array',
      items: { type: 'object', fields: { name: str, value: str } },
      listType: 'map',
      listMapKeys: ['name'],
      patchStrategy: 'merge',
      patchMergeKey: 'name',
    },
    resources: { type: 'object', fields: { limits: strMap, requests: strMap } },
  },
};

const condition: TypeSchema = {
  type: 'object',
  fields: { type: str, status: str, reason: str, lastTransitionTime: { type: 'time' } },
};

export const podSpecSchema: TypeSchema = {
  type: 'object',
  fields: {
    containers: {
      type: 'array',
      items: container,
      listType: 'map',
      listMapKeys: ['name'],
      patchStrategy: 'merge',
      patchMergeKey: 'name',
    },
    initContainers: {
      type: 'array',
      items: container,
      listType: 'map',
      listMapKeys: ['name'],
      patchStrategy: 'merge',
      patchMergeKey: 'name',
    },
    nodeSelector: strMap,
    restartPolicy: str,
    dnsPolicy: str,
    tolerations: { type: 'array', items: { type: 'object', fields: { key: str, operator: str, effect: str } }, listType: 'atomic' },
  },
};

export const podSchema: TypeSchema = {
  type: 'object',
  fields: {
    apiVersion: str,
    kind: str,
    metadata: objectMeta,
    spec: podSpecSchema,
    status: {
      type: 'object',
      fields: {
        phase: str,
        conditions: { type: 'array', items: condition, listType: 'map', listMapKeys: ['type'], patchStrategy: 'merge', patchMergeKey: 'type' },
      },
    },
  },
};

export const deploymentSchema: TypeSchema = {
  type: 'object',
  fields: {
    apiVersion: str,
    kind: str,
    metadata: objectMeta,
    spec: {
      type: 'object',
      fields: {
        replicas: int,
        paused: bool,
        selector: { type: 'object', fields: { matchLabels: strMap }, listType: 'atomic' },
        strategy: {
          type: 'object',
          patchStrategy: 'retainKeys',
          fields: {
            type: str,
            rollingUpdate: { type: 'object', fields: { maxSurge: { type: 'int-or-string' }, maxUnavailable: { type: 'int-or-string' } } },
          },
        },
        template: { type: 'object', fields: { metadata: objectMeta, spec: podSpecSchema } },
      },
    },
    status: {
      type: 'object',
      fields: {
        replicas: int,
        conditions: { type: 'array', items: condition, listType: 'map', listMapKeys: ['type'], patchStrategy: 'merge', patchMergeKey: 'type' },
      },
    },
  },
};
