import { BadRequestError, StatusError } from '@flotilla/domain';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeProtobufObject } from './decode-protobuf-object';
import { KUBECTL_CREATE_COMMANDS } from './fixtures/kubectl-create-commands';
import { lookupMessage } from './kube-proto-root';

const fixtures = join(__dirname, 'fixtures');

/**
 * The one justified difference from kubectl 1.31 JSON: ObjectMeta.creationTimestamp is `omitempty,omitzero`
 * in current apimachinery, so a zero timestamp is left out instead of being sent as `null`.
 */
function withoutNullCreationTimestamps(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutNullCreationTimestamps);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([key, item]) => !(key === 'creationTimestamp' && item === null))
        .map(([key, item]) => [key, withoutNullCreationTimestamps(item)]),
    );
  }
  return value;
}

function envelope(apiVersion: string, kind: string, raw: Uint8Array): Buffer {
  const unknown = lookupMessage('runtime.Unknown');
  const bytes = unknown.encode(unknown.create({ typeMeta: { apiVersion, kind }, raw, contentEncoding: '', contentType: '' })).finish();
  return Buffer.concat([Buffer.from('k8s\0', 'latin1'), bytes]);
}

function encode(type: string, value: Record<string, unknown>): Uint8Array {
  const message = lookupMessage(type);
  return message.encode(message.fromObject(value)).finish();
}

describe('decodeProtobufObject', () => {
  describe.each(Object.keys(KUBECTL_CREATE_COMMANDS))('kubectl create %s', (name) => {
    it('decodes the kubectl 1.33 protobuf body to the JSON body kubectl 1.31 sends', () => {
      const decoded = decodeProtobufObject(readFileSync(join(fixtures, 'kubectl-1.33', `${name}.pb`)));
      const json = JSON.parse(readFileSync(join(fixtures, 'kubectl-1.31', `${name}.json`), 'utf8'));
      expect(decoded).toEqual(withoutNullCreationTimestamps(json));
    });
  });

  it('keeps zero-valued pointer fields and non-omitempty zeros, drops gogo zero values of omitempty fields', () => {
    const deployment = decodeProtobufObject(readFileSync(join(fixtures, 'kubectl-1.33', 'deployment.pb')));
    expect(deployment.metadata).toEqual({ name: 'd', labels: { app: 'd' } });
    expect((deployment.spec as Record<string, unknown>).replicas).toBe(0);
    expect(deployment.status).toEqual({});
    const priorityClass = decodeProtobufObject(readFileSync(join(fixtures, 'kubectl-1.33', 'priorityclass-default.pb')));
    expect(priorityClass.value).toBe(0);
  });

  it('converts Secret bytes to base64 and leaves an unset type out', () => {
    const secret = decodeProtobufObject(readFileSync(join(fixtures, 'kubectl-1.33', 'secret-generic.pb')));
    expect(secret).toEqual({ kind: 'Secret', apiVersion: 'v1', metadata: { name: 's' }, data: { p: Buffer.from('x').toString('base64') } });
  });

  it('converts IntOrString to a number or a string', () => {
    const pdb = decodeProtobufObject(readFileSync(join(fixtures, 'kubectl-1.33', 'pdb.pb')));
    const percent = decodeProtobufObject(readFileSync(join(fixtures, 'kubectl-1.33', 'pdb-percent.pb')));
    expect((pdb.spec as Record<string, unknown>).minAvailable).toBe(1);
    expect((percent.spec as Record<string, unknown>).maxUnavailable).toBe('50%');
  });

  it('formats Time as RFC 3339 to the second, Quantity as its string, and flattens inline structs', () => {
    const time = { seconds: 1_700_000_000, nanos: 123_000_000 };
    const raw = encode('core.v1.Pod', {
      metadata: { name: 'p', creationTimestamp: time, deletionTimestamp: time, deletionGracePeriodSeconds: 0 },
      spec: {
        containers: [
          {
            name: 'c',
            resources: { limits: { cpu: { value: '500m' } } },
            readinessProbe: { handler: { httpGet: { path: '/', port: { type: 1, strVal: 'http' } } }, periodSeconds: 0 },
          },
        ],
        volumes: [{ name: 'v', volumeSource: { emptyDir: {} } }],
      },
    });
    const pod = decodeProtobufObject(envelope('v1', 'Pod', raw));
    expect(pod.metadata).toEqual({
      name: 'p',
      creationTimestamp: '2023-11-14T22:13:20Z',
      deletionTimestamp: '2023-11-14T22:13:20Z',
      deletionGracePeriodSeconds: 0,
    });
    expect(pod.spec).toEqual({
      containers: [
        { name: 'c', resources: { limits: { cpu: '500m' } }, readinessProbe: { httpGet: { path: '/', port: 'http' } } },
      ],
      volumes: [{ name: 'v', emptyDir: {} }],
    });
  });

  it('rejects a body without the k8s magic as a bad request', () => {
    expect(() => decodeProtobufObject(Buffer.from('{"kind":"ConfigMap"}'))).toThrow(
      new BadRequestError('provided data does not appear to be a protobuf message, expected prefix [107 56 115 0]'),
    );
    expect(() => decodeProtobufObject(Buffer.alloc(0))).toThrow(BadRequestError);
  });

  it('rejects a corrupt envelope or object as a bad request instead of crashing', () => {
    const body = readFileSync(join(fixtures, 'kubectl-1.33', 'deployment.pb'));
    for (const length of [5, 12, 30, body.length - 3]) {
      expect(() => decodeProtobufObject(body.subarray(0, length))).toThrow(BadRequestError);
    }
    expect(() => decodeProtobufObject(Buffer.concat([Buffer.from('k8s\0', 'latin1'), Buffer.from([0x0a, 0xff, 0xff, 0xff, 0xff, 0x0f])]))).toThrow(
      BadRequestError,
    );
    expect(() => decodeProtobufObject(envelope('v1', 'ConfigMap', Buffer.from([0x0a, 0x05, 0x01])))).toThrow(BadRequestError);
    expect(() => decodeProtobufObject(envelope('', '', new Uint8Array()))).toThrow(BadRequestError);
  });

  it('answers 415 UnsupportedMediaType for kinds it has no schema for', () => {
    for (const [apiVersion, kind] of [
      ['v1', 'Node'],
      ['apps/v1', 'PodSpec'],
      ['example.com/v1', 'Widget'],
    ]) {
      try {
        decodeProtobufObject(envelope(apiVersion, kind, new Uint8Array()));
        throw new Error('expected a StatusError');
      } catch (e) {
        expect(e).toBeInstanceOf(StatusError);
        expect((e as StatusError).toStatus()).toMatchObject({ code: 415, reason: 'UnsupportedMediaType' });
      }
    }
  });

  it('ignores fields it has no schema for', () => {
    const raw = Buffer.concat([encode('core.v1.ConfigMap', { metadata: { name: 'c' } }), Buffer.from([0xf8, 0x3e, 0x07])]);
    expect(decodeProtobufObject(envelope('v1', 'ConfigMap', raw))).toEqual({ kind: 'ConfigMap', apiVersion: 'v1', metadata: { name: 'c' } });
  });
});
