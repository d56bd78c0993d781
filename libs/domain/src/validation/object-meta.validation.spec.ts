import type { KubeObject } from '../objects/object-meta';
import { validateObjectMeta } from './object-meta.validation';

const SUBDOMAIN_MSG =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character " +
  "(e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";

const obj = (metadata: KubeObject['metadata']): KubeObject => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata });
const create = { namespaced: true, operation: 'CREATE' as const };
const details = (errs: { field: string; detail: string }[]) => errs.map((e) => `${e.field}: ${e.detail}`);

describe('validateObjectMeta', () => {
  it('accepts a well-formed object', () => {
    const o = obj({ name: 'web', namespace: 'default', labels: { app: 'web', 'app.kubernetes.io/name': 'web' }, annotations: { 'example.com/x': 'y' } });
    expect(validateObjectMeta(o, create)).toEqual([]);
  });

  it('requires a name or generateName', () => {
    expect(details(validateObjectMeta(obj({ namespace: 'default' }), create))).toEqual([
      'metadata.name: Required value: name or generateName is required',
    ]);
    expect(validateObjectMeta(obj({ generateName: 'web-', namespace: 'default' }), create)).toEqual([
      { type: 'FieldValueRequired', field: 'metadata.name', detail: 'Required value: name or generateName is required' },
    ]);
  });

  it('checks the name format', () => {
    expect(details(validateObjectMeta(obj({ name: 'Foo', namespace: 'default' }), create))).toEqual([
      `metadata.name: Invalid value: "Foo": ${SUBDOMAIN_MSG}`,
    ]);
    expect(details(validateObjectMeta(obj({ name: 'a.b' }), { namespaced: false, nameFormat: 'label', operation: 'CREATE' }))).toEqual([
      'metadata.name: Invalid value: "a.b": must not contain dots',
    ]);
    expect(validateObjectMeta(obj({ name: 'system:admin' }), { namespaced: false, nameFormat: 'path-segment', operation: 'CREATE' })).toEqual([]);
  });

  it('enforces namespace presence by scope', () => {
    expect(details(validateObjectMeta(obj({ name: 'x' }), create))).toEqual(['metadata.namespace: Required value']);
    expect(details(validateObjectMeta(obj({ name: 'x', namespace: 'ns' }), { namespaced: false, operation: 'CREATE' }))).toEqual([
      'metadata.namespace: Forbidden: not allowed on this type',
    ]);
  });

  it('checks label keys and values', () => {
    const errs = details(validateObjectMeta(obj({ name: 'x', namespace: 'd', labels: { 'bad key': 'ok', good: 'bad value' } }), create));
    expect(errs).toEqual([
      expect.stringMatching(/^metadata\.labels: Invalid value: "bad key": name part must consist of alphanumeric characters/),
      expect.stringMatching(/^metadata\.labels: Invalid value: "bad value": a valid label must be an empty string/),
    ]);
  });

  it('limits the total annotation size to 256 KiB', () => {
    const big = obj({ name: 'x', namespace: 'd', annotations: { a: 'x'.repeat(256 * 1024) } });
    expect(details(validateObjectMeta(big, create))).toEqual(['metadata.annotations: Too long: may not be more than 262144 bytes']);
  });

  it('allows only one controller owner reference', () => {
    const refs = [
      { apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'a', uid: '1', controller: true },
      { apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'b', uid: '2', controller: true },
    ];
    const errs = validateObjectMeta(obj({ name: 'x', namespace: 'd', ownerReferences: refs }), create);
    expect(errs).toHaveLength(1);
    expect(errs[0].detail).toMatch(/Only one reference can have Controller set to true\. Found "true" in references for ReplicaSet\/a and ReplicaSet\/b$/);
  });

  it('keeps identity fields immutable on update', () => {
    const old = obj({ name: 'x', namespace: 'd', uid: 'u1', creationTimestamp: '2024-01-01T00:00:00Z', generation: 2 });
    const now = obj({ name: 'y', namespace: 'd', uid: 'u2', creationTimestamp: '2024-01-01T00:00:00Z', generation: 1 });
    expect(details(validateObjectMeta(now, { namespaced: true, operation: 'UPDATE', old }))).toEqual([
      'metadata.generation: Invalid value: 1: must not be decremented',
      'metadata.name: Invalid value: "y": field is immutable',
      'metadata.uid: Invalid value: "u2": field is immutable',
    ]);
    expect(validateObjectMeta(obj({ name: 'x', namespace: 'd' }), { namespaced: true, operation: 'UPDATE', old })).toEqual([]);
  });

  it('forbids new finalizers on an object being deleted', () => {
    const old = obj({ name: 'x', namespace: 'd', deletionTimestamp: '2024-01-01T00:00:00Z', finalizers: ['a.io/x'] });
    const now = obj({ ...old.metadata, finalizers: ['a.io/x', 'b.io/y'] });
    expect(details(validateObjectMeta(now, { namespaced: true, operation: 'UPDATE', old }))).toEqual([
      'metadata.finalizers: Forbidden: no new finalizers can be added if the object is being deleted, found new finalizers []string{"b.io/y"}',
    ]);
  });
});
