import type { KubeObject } from '../objects/object-meta';
import { defaultSecret } from '../defaults/core.defaults';
import { validateConfigMap, validateSecret } from './config.validation';

const KEY_MSG =
  "a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')";
const cm = (extra: Record<string, unknown>): KubeObject => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c', namespace: 'default' }, ...extra });
const secret = (extra: Record<string, unknown>): KubeObject => {
  const s: KubeObject = { apiVersion: 'v1', kind: 'Secret', metadata: { name: 's', namespace: 'default' }, ...extra };
  defaultSecret(s);
  return s;
};
const lines = (errs: { field: string; detail: string }[]) => errs.map((e) => `${e.field}: ${e.detail}`);
const create = { operation: 'CREATE' as const };

describe('validateConfigMap', () => {
  it('accepts valid keys', () => expect(validateConfigMap(cm({ data: { 'app.properties': 'x', KEY_1: 'y' } }), create)).toEqual([]));
  it('rejects bad keys and keys in both maps', () =>
    expect(lines(validateConfigMap(cm({ data: { 'a/b': 'x', k: 'v' }, binaryData: { k: 'AA==' } }), create))).toEqual([
      `data[a/b]: Invalid value: "a/b": ${KEY_MSG}`,
      'data[k]: Invalid value: "k": duplicate of key present in binaryData',
    ]));
  it('limits the total size to 1 MiB', () =>
    expect(lines(validateConfigMap(cm({ data: { big: 'x'.repeat(1024 * 1024 + 1) } }), create))).toEqual([': Too long: may not be more than 1048576 bytes']));
  it('freezes immutable config maps', () => {
    const old = cm({ data: { a: '1' }, immutable: true });
    expect(validateConfigMap(cm({ data: { a: '1' }, immutable: true }), { operation: 'UPDATE', old })).toEqual([]);
    expect(lines(validateConfigMap(cm({ data: { a: '2' } }), { operation: 'UPDATE', old }))).toEqual([
      'immutable: Forbidden: field is immutable when `immutable` is set',
      'data: Forbidden: field is immutable when `immutable` is set',
    ]);
  });
});

describe('validateSecret', () => {
  it('accepts an Opaque secret', () => expect(validateSecret(secret({ data: { password: 'cGFzcw==' } }), create)).toEqual([]));
  it('limits the decoded size to 1 MiB', () =>
    expect(lines(validateSecret(secret({ data: { big: 'A'.repeat(1398104) } }), create))).toEqual(['data: Too long: may not be more than 1048576 bytes']));
  it('requires the keys of typed secrets', () => {
    expect(lines(validateSecret(secret({ type: 'kubernetes.io/tls', data: { 'tls.crt': 'eA==' } }), create))).toEqual(['data[tls.key]: Required value']);
    expect(lines(validateSecret(secret({ type: 'kubernetes.io/dockerconfigjson' }), create))).toEqual(['data[.dockerconfigjson]: Required value']);
    expect(lines(validateSecret(secret({ type: 'kubernetes.io/service-account-token' }), create))).toEqual([
      'metadata.annotations[kubernetes.io/service-account.name]: Required value',
    ]);
  });
  it('keeps the type and immutable data', () => {
    const old = secret({ data: { a: 'eA==' }, immutable: true });
    expect(lines(validateSecret(secret({ type: 'kubernetes.io/tls', data: { 'tls.crt': 'eA==', 'tls.key': 'eA==' }, immutable: true }), { operation: 'UPDATE', old }))).toEqual([
      'type: Invalid value: "kubernetes.io/tls": field is immutable',
      'data: Forbidden: field is immutable when `immutable` is set',
    ]);
  });
});
