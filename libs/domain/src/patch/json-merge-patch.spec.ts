import { BadRequestError } from '../errors';
import { applyJsonMergePatch } from './json-merge-patch';

describe(applyJsonMergePatch.name, () => {
  const deployment = {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web', labels: { app: 'web', tier: 'front' } },
    spec: { replicas: 1, template: { spec: { containers: [{ name: 'nginx', image: 'nginx:1.25' }] } } },
  };

  it('applies the scale body kubectl sends to /scale', () => {
    const scale = { kind: 'Scale', apiVersion: 'autoscaling/v1', metadata: { name: 'web' }, spec: { replicas: 1 } };
    expect(applyJsonMergePatch(scale, { spec: { replicas: 3 } })).toEqual({ ...scale, spec: { replicas: 3 } });
  });

  it('adds and removes labels the way kubectl label sends them (null deletes)', () => {
    const out = applyJsonMergePatch(deployment, { metadata: { labels: { tier: null, env: 'prod' } } }) as typeof deployment;
    expect(out.metadata.labels).toEqual({ app: 'web', env: 'prod' });
  });

  it('replaces arrays whole instead of merging them', () => {
    const out = applyJsonMergePatch(deployment, { spec: { template: { spec: { containers: [{ name: 'sidecar', image: 'busybox' }] } } } }) as typeof deployment;
    expect(out.spec.template.spec.containers).toEqual([{ name: 'sidecar', image: 'busybox' }]);
  });

  it('deleting a key that is absent is a no-op, and nulls inside new objects are dropped', () => {
    const out = applyJsonMergePatch({ a: 1 }, { b: null, c: { d: null, e: 2 } });
    expect(out).toEqual({ a: 1, c: { e: 2 } });
  });

  it('replaces a non-object target member with the patch object', () => {
    expect(applyJsonMergePatch({ a: 'x' }, { a: { b: 1 } })).toEqual({ a: { b: 1 } });
  });

  it('does not mutate its inputs', () => {
    const target = structuredClone(deployment);
    const patch = { metadata: { labels: { tier: null } } };
    applyJsonMergePatch(target, patch);
    expect(target).toEqual(deployment);
    expect(patch).toEqual({ metadata: { labels: { tier: null } } });
  });

  it('refuses a null or scalar patch as the Go library does (400 Invalid JSON Patch)', () => {
    for (const patch of [null, 'x', 3, true]) {
      expect(() => applyJsonMergePatch(deployment, patch)).toThrow(BadRequestError);
      expect(() => applyJsonMergePatch(deployment, patch)).toThrow('Invalid JSON Patch');
    }
  });

  it('an array patch replaces the whole document', () => {
    expect(applyJsonMergePatch(deployment, [1, 2])).toEqual([1, 2]);
  });
});
