import { BadRequestError, RequestEntityTooLargeError } from '../errors';
import { applyJsonPatch } from './json-patch';
import { PatchRejectedError } from './patch.errors';

function rejection(fn: () => unknown): PatchRejectedError {
  try {
    fn();
  } catch (e) {
    if (e instanceof PatchRejectedError) return e;
    throw e;
  }
  throw new Error('expected a PatchRejectedError');
}

describe(applyJsonPatch.name, () => {
  const doc = {
    metadata: { name: 'web', annotations: { 'deployment.kubernetes.io/revision': '2', 'a/b': 'slash', 'c~d': 'tilde' } },
    spec: { replicas: 2, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.26' }] } } },
  };

  it('applies the rollout undo body (two replaces)', () => {
    const template = { metadata: { creationTimestamp: null, labels: { app: 'web' } }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.25' }] } };
    const annotations = { 'deployment.kubernetes.io/revision': '2' };
    const out = applyJsonPatch(doc, [
      { op: 'replace', path: '/spec/template', value: template },
      { op: 'replace', path: '/metadata/annotations', value: annotations },
    ]) as typeof doc;
    expect(out.spec.template).toEqual(template);
    expect(out.metadata.annotations).toEqual(annotations);
    expect(doc.spec.template.spec.containers[0].image).toBe('nginx:1.26');
  });

  it('adds to objects and arrays, with - appending and an index inserting', () => {
    const out = applyJsonPatch({ list: ['a', 'c'] }, [
      { op: 'add', path: '/list/1', value: 'b' },
      { op: 'add', path: '/list/-', value: 'd' },
      { op: 'add', path: '/new', value: { x: 1 } },
    ]);
    expect(out).toEqual({ list: ['a', 'b', 'c', 'd'], new: { x: 1 } });
  });

  it('unescapes ~1 and ~0 in paths (RFC 6901)', () => {
    const out = applyJsonPatch(doc, [
      { op: 'remove', path: '/metadata/annotations/a~1b' },
      { op: 'replace', path: '/metadata/annotations/c~0d', value: 'changed' },
    ]) as typeof doc;
    expect(out.metadata.annotations).toEqual({ 'deployment.kubernetes.io/revision': '2', 'c~d': 'changed' });
  });

  it('moves and copies values', () => {
    const out = applyJsonPatch({ a: { x: 1 }, list: [1, 2, 3] }, [
      { op: 'copy', from: '/a', path: '/b' },
      { op: 'move', from: '/a/x', path: '/c' },
      { op: 'move', from: '/list/0', path: '/list/-' },
    ]);
    expect(out).toEqual({ a: {}, b: { x: 1 }, c: 1, list: [2, 3, 1] });
  });

  it('passes a matching test and fails a mismatching one with the generic 422', () => {
    expect(applyJsonPatch(doc, [{ op: 'test', path: '/spec/replicas', value: 2 }])).toEqual(doc);
    const error = rejection(() => applyJsonPatch(doc, [{ op: 'test', path: '/spec/replicas', value: 3 }, { op: 'replace', path: '/spec/replicas', value: 5 }]));
    expect(error.code).toBe(422);
    expect(error.toStatus()).toMatchObject({ reason: 'Invalid', message: 'the server rejected our request due to an error in our request', details: {} });
    expect(error.detail).toBe('testing value /spec/replicas failed: test failed');
  });

  it('compares objects in test regardless of key order', () => {
    expect(() => applyJsonPatch({ a: { x: 1, y: 2 } }, [{ op: 'test', path: '/a', value: { y: 2, x: 1 } }])).not.toThrow();
  });

  it('rejects operations on missing paths', () => {
    expect(rejection(() => applyJsonPatch(doc, [{ op: 'replace', path: '/spec/paused', value: true }])).detail).toBe(
      'replace operation does not apply: doc is missing key: /spec/paused: missing value',
    );
    expect(rejection(() => applyJsonPatch(doc, [{ op: 'add', path: '/spec/strategy/type', value: 'Recreate' }])).detail).toBe(
      'add operation does not apply: doc is missing path: "/spec/strategy/type": missing value',
    );
    expect(rejection(() => applyJsonPatch(doc, [{ op: 'remove', path: '/spec/paused' }])).code).toBe(422);
    expect(rejection(() => applyJsonPatch({ l: [1] }, [{ op: 'add', path: '/l/5', value: 2 }])).code).toBe(422);
  });

  it('rejects an unknown op as kube-apiserver does (422, Unexpected kind)', () => {
    expect(rejection(() => applyJsonPatch(doc, [{ op: 'frobnicate', path: '/spec' }])).detail).toBe('Unexpected kind: frobnicate');
  });

  it('refuses a body that is not a list of operations with 400', () => {
    expect(() => applyJsonPatch(doc, { op: 'add' })).toThrow(new BadRequestError('json: cannot unmarshal object into Go value of type jsonpatch.Patch'));
    expect(() => applyJsonPatch(doc, ['x'])).toThrow(new BadRequestError('json: cannot unmarshal string into Go value of type jsonpatch.Operation'));
  });

  it('caps the number of operations at 10000 (413)', () => {
    const ops = Array.from({ length: 10001 }, () => ({ op: 'test', path: '/spec/replicas', value: 2 }));
    expect(() => applyJsonPatch(doc, ops)).toThrow(RequestEntityTooLargeError);
    expect(() => applyJsonPatch(doc, ops)).toThrow('The allowed maximum operations in a JSON patch is 10000, got 10001');
  });

  it('does not mutate the target when an operation fails midway', () => {
    const target = structuredClone(doc);
    expect(() => applyJsonPatch(target, [{ op: 'replace', path: '/spec/replicas', value: 9 }, { op: 'remove', path: '/nope' }])).toThrow();
    expect(target).toEqual(doc);
  });
});
