import { BadRequestError } from '../errors';
import { deploymentSchema, podSchema } from './patch-schemas.fixture';
import { PatchServerError } from './patch.errors';
import { applyStrategicMergePatch } from './strategic-merge-patch';

type Obj = Record<string, any>;  

function deployment(): Obj {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web', namespace: 'default', labels: { app: 'web' }, finalizers: ['a', 'b'] },
    spec: {
      replicas: 1,
      selector: { matchLabels: { app: 'web' } },
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' } },
      template: {
        metadata: { labels: { app: 'web' } },
        spec: {
          containers: [
            {
              name: 'nginx',
              image: 'nginx:1.25',
              ports: [{ containerPort: 80, protocol: 'TCP' }],
              env: [
                { name: 'A', value: '1' },
                { name: 'B', value: '2' },
              ],
            },
            { name: 'sidecar', image: 'busybox' },
          ],
          tolerations: [{ key: 'k', operator: 'Exists' }],
        },
      },
    },
  };
}

const smp = (original: unknown, patch: unknown) => applyStrategicMergePatch(original, patch, deploymentSchema) as Obj;

describe(applyStrategicMergePatch.name, () => {
  it('applies the second `kubectl apply` body for an image change ($setElementOrder/containers)', () => {
    const out = smp(deployment(), {
      metadata: { annotations: { 'kubectl.kubernetes.io/last-applied-configuration': '{}' } },
      spec: { template: { spec: { '$setElementOrder/containers': [{ name: 'nginx' }, { name: 'sidecar' }], containers: [{ image: 'nginx:1.26', name: 'nginx' }] } } },
    });
    expect(out.spec.template.spec.containers.map((c: Obj) => [c.name, c.image])).toEqual([
      ['nginx', 'nginx:1.26'],
      ['sidecar', 'busybox'],
    ]);
    expect(out.spec.template.spec.containers[0].ports).toEqual([{ containerPort: 80, protocol: 'TCP' }]);
    expect(out.metadata.annotations).toEqual({ 'kubectl.kubernetes.io/last-applied-configuration': '{}' });
    expect(out.spec.template.spec).not.toHaveProperty('$setElementOrder/containers');
  });

  it('orders a merged list by $setElementOrder', () => {
    const out = smp(deployment(), {
      spec: { template: { spec: { '$setElementOrder/containers': [{ name: 'sidecar' }, { name: 'nginx' }], containers: [{ name: 'sidecar', image: 'busybox:2' }] } } },
    });
    expect(out.spec.template.spec.containers.map((c: Obj) => c.name)).toEqual(['sidecar', 'nginx']);
    expect(out.spec.template.spec.containers[0].image).toBe('busybox:2');
  });

  it('applies the `kubectl rollout restart` body', () => {
    const out = smp(deployment(), { spec: { template: { metadata: { annotations: { 'kubectl.kubernetes.io/restartedAt': '2025-01-01T10:00:00Z' } } } } });
    expect(out.spec.template.metadata).toEqual({ labels: { app: 'web' }, annotations: { 'kubectl.kubernetes.io/restartedAt': '2025-01-01T10:00:00Z' } });
  });

  it('applies the `kubectl set env` body (env merged by name, nested $setElementOrder)', () => {
    const out = smp(deployment(), {
      spec: {
        template: {
          spec: {
            '$setElementOrder/containers': [{ name: 'nginx' }, { name: 'sidecar' }],
            containers: [{ '$setElementOrder/env': [{ name: 'A' }, { name: 'B' }, { name: 'C' }], env: [{ name: 'B', value: 'two' }, { name: 'C', value: '3' }], name: 'nginx' }],
          },
        },
      },
    });
    expect(out.spec.template.spec.containers[0].env).toEqual([
      { name: 'A', value: '1' },
      { name: 'B', value: 'two' },
      { name: 'C', value: '3' },
    ]);
    expect(out.spec.template.spec.containers[0].image).toBe('nginx:1.25');
  });

  it('deletes a list item with $patch: delete (set env A-)', () => {
    const out = smp(deployment(), {
      spec: { template: { spec: { containers: [{ '$setElementOrder/env': [{ name: 'B' }], env: [{ $patch: 'delete', name: 'A' }], name: 'nginx' }] } } },
    });
    expect(out.spec.template.spec.containers[0].env).toEqual([{ name: 'B', value: '2' }]);
  });

  it('applies the cordon body and null deletes a key', () => {
    const node = { apiVersion: 'v1', kind: 'Node', metadata: { name: 'n1' }, spec: { podCIDR: '10.0.0.0/24' } };
    expect(applyStrategicMergePatch(node, { spec: { unschedulable: true } }, undefined)).toEqual({ ...node, spec: { podCIDR: '10.0.0.0/24', unschedulable: true } });
    const out = smp(deployment(), { spec: { replicas: null, paused: null }, metadata: { labels: { app: null } } });
    expect(out.spec).not.toHaveProperty('replicas');
    expect(out.spec).not.toHaveProperty('paused');
    expect(out.metadata.labels).toEqual({});
  });

  it('merges ports by containerPort and appends new ones', () => {
    const out = smp(deployment(), { spec: { template: { spec: { containers: [{ name: 'nginx', ports: [{ containerPort: 443, protocol: 'TCP' }] }] } } } });
    expect(out.spec.template.spec.containers[0].ports).toEqual([
      { containerPort: 443, protocol: 'TCP' },
      { containerPort: 80, protocol: 'TCP' },
    ]);
  });

  it('adds a new container at the patch position relative to server items', () => {
    const out = smp(deployment(), { spec: { template: { spec: { containers: [{ name: 'extra', image: 'redis' }] } } } });
    expect(out.spec.template.spec.containers.map((c: Obj) => c.name)).toEqual(['extra', 'nginx', 'sidecar']);
  });

  it('replaces lists without a merge strategy (tolerations)', () => {
    const out = smp(deployment(), { spec: { template: { spec: { tolerations: [{ key: 'other', operator: 'Exists' }] } } } });
    expect(out.spec.template.spec.tolerations).toEqual([{ key: 'other', operator: 'Exists' }]);
  });

  it('replaces a merged list wholesale with a $patch: replace element', () => {
    const out = smp(deployment(), { spec: { template: { spec: { containers: [{ name: 'only', image: 'x' }, { $patch: 'replace' }] } } } });
    expect(out.spec.template.spec.containers).toEqual([{ name: 'only', image: 'x' }]);
  });

  it('honours $patch: replace and $patch: delete on maps', () => {
    const replaced = smp(deployment(), { spec: { selector: { $patch: 'replace', matchLabels: { app: 'other' } } } });
    expect(replaced.spec.selector).toEqual({ matchLabels: { app: 'other' } });
    const labels = smp(deployment(), { metadata: { labels: { $patch: 'replace', new: 'x' } } });
    expect(labels.metadata.labels).toEqual({ new: 'x' });
    const deleted = smp(deployment(), { spec: { strategy: { $patch: 'delete' } } });
    expect(deleted.spec.strategy).toEqual({});
  });

  it('merges finalizers as a set and removes with $deleteFromPrimitiveList', () => {
    const out = smp(deployment(), { metadata: { finalizers: ['c', 'a'], '$deleteFromPrimitiveList/finalizers': ['b'] } });
    expect(out.metadata.finalizers).toEqual(['c', 'a']);
    const added = smp(deployment(), { metadata: { finalizers: ['z'] } });
    expect(added.metadata.finalizers).toEqual(['z', 'a', 'b']);
  });

  it('applies $retainKeys as kubectl sends it for a strategy change', () => {
    const out = smp(deployment(), { spec: { strategy: { $retainKeys: ['type'], rollingUpdate: null, type: 'Recreate' } } });
    expect(out.spec.strategy).toEqual({ type: 'Recreate' });
  });

  it('refuses $retainKeys that does not list a patched key (400)', () => {
    expect(() => smp(deployment(), { spec: { strategy: { $retainKeys: ['type'], rollingUpdate: { maxSurge: 1 } } } })).toThrow(
      new BadRequestError('invalid patch format of retainKeys'),
    );
  });

  it('refuses an unknown $patch value with the upstream message', () => {
    expect(() => smp(deployment(), { spec: { strategy: { $patch: 'frob', type: 'x' } } })).toThrow(
      new PatchServerError('unknown patch type: frob in map: map[$patch:frob type:x]'),
    );
    expect(() => smp(deployment(), { spec: { template: { spec: { containers: [{ $patch: 'merge' }] } } } })).toThrow(
      'merging lists cannot yet be specified in the patch',
    );
    expect(() => smp(deployment(), { spec: { strategy: { $patch: 'merge' } } })).toThrow('unknown patch type: merge in map: map[$patch:merge]');
  });

  it('refuses unknown directive keys', () => {
    expect(() => smp(deployment(), { spec: { $frob: 1 } })).toThrow(new BadRequestError('strict decoding error: unknown field "spec.$frob"'));
  });

  it('refuses a list item without its merge key', () => {
    expect(() => smp(deployment(), { spec: { template: { spec: { containers: [{ image: 'x' }] } } } })).toThrow(
      'map: map[image:x] does not contain declared merge key: name',
    );
  });

  it('refuses a patch that is not a JSON object (400) and treats null as empty', () => {
    expect(() => smp(deployment(), [])).toThrow(new BadRequestError('json: cannot unmarshal array into Go value of type map[string]interface {}'));
    expect(() => smp(deployment(), 'x')).toThrow(BadRequestError);
    expect(smp(deployment(), null)).toEqual(deployment());
  });

  it('checks patch order against $setElementOrder', () => {
    expect(() =>
      smp(deployment(), { spec: { template: { spec: { '$setElementOrder/containers': [{ name: 'nginx' }], containers: [{ name: 'sidecar', image: 'x' }] } } } }),
    ).toThrow(PatchServerError);
  });

  it('sets keys the original lacks, applying their directives to nothing', () => {
    const out = applyStrategicMergePatch({ metadata: { name: 'p' } }, { spec: { containers: [{ name: 'a', image: 'x', env: [{ name: 'E', value: null }] }] } }, podSchema) as Obj;
    expect(out.spec).toEqual({ containers: [{ name: 'a', image: 'x', env: [{ name: 'E' }] }] });
  });

  it('merges status conditions by type', () => {
    const pod = { metadata: { name: 'p' }, status: { conditions: [{ type: 'Ready', status: 'False' }, { type: 'PodScheduled', status: 'True' }] } };
    const out = applyStrategicMergePatch(pod, { status: { conditions: [{ type: 'Ready', status: 'True' }] } }, podSchema) as Obj;
    expect(out.status.conditions).toEqual([{ type: 'Ready', status: 'True' }, { type: 'PodScheduled', status: 'True' }]);
  });

  it('with no schema, merges maps and replaces lists', () => {
    const out = applyStrategicMergePatch({ a: { b: 1, c: [1, 2] } }, { a: { d: 2, c: [3] } }, undefined);
    expect(out).toEqual({ a: { b: 1, c: [3], d: 2 } });
  });

  it('does not mutate its inputs', () => {
    const original = deployment();
    const patch = { spec: { template: { spec: { containers: [{ $patch: 'delete', name: 'sidecar' }] } } } };
    const copy = structuredClone(patch);
    const out = smp(original, patch);
    expect(out.spec.template.spec.containers).toHaveLength(1);
    expect(original).toEqual(deployment());
    expect(patch).toEqual(copy);
  });
});
