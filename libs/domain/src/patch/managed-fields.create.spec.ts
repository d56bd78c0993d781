import type { KubeObject } from '../objects/object-meta';
import { fieldSchema, type TypeSchema } from '../schema/type-schema';
import { schemaFor, schemaRootKinds } from '../schema/schema.registry';
import { trackCreated, updateManagedFields, type UpdateManagedFieldsOptions } from './managed-fields.update';

const T0 = '2025-01-01T00:00:00Z';

/** A small deterministic generator (mulberry32), so a failure names a seed that reproduces it. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A value shaped mostly like `schema`, with the odd null, empty container, wrong type, unknown field and duplicate
 * list key: the cases where the general comparison's rules (zero structs, shapes, first item wins) matter.
 */
function valueOf(schema: TypeSchema | undefined, rnd: () => number, depth: number): unknown {
  const roll = rnd();
  if (roll < 0.04) return null;
  if (roll < 0.07) return {};
  if (roll < 0.09) return [];
  if (roll < 0.11) return 'text';
  if (depth > 5) return Math.floor(rnd() * 3);
  switch (schema?.type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      const names = Object.keys(schema.fields ?? {});
      for (const name of names) if (rnd() < Math.min(0.6, 4 / names.length)) out[name] = valueOf(fieldSchema(schema, name), rnd, depth + 1);
      if (rnd() < 0.1) out.unknownField = valueOf(undefined, rnd, depth + 1);
      return out;
    }
    case 'map': {
      const out: Record<string, unknown> = {};
      for (let i = Math.floor(rnd() * 3); i > 0; i--) out[`k${Math.floor(rnd() * 4)}`] = valueOf(schema.additional, rnd, depth + 1);
      return out;
    }
    case 'array': {
      const items: unknown[] = [];
      for (let i = Math.floor(rnd() * 4); i > 0; i--) {
        const item = valueOf(schema.items, rnd, depth + 1);
        // Few distinct key values, so that duplicates occur.
        for (const key of schema.listMapKeys ?? (schema.patchMergeKey ? [schema.patchMergeKey] : [])) {
          if (item && typeof item === 'object' && !Array.isArray(item) && rnd() < 0.8) (item as Record<string, unknown>)[key] = `v${Math.floor(rnd() * 3)}`;
        }
        items.push(item);
      }
      return items;
    }
    case 'integer':
    case 'number':
      return Math.floor(rnd() * 100);
    case 'boolean':
      return rnd() < 0.5;
    case undefined:
    case 'any':
      return rnd() < 0.5 ? { a: rnd() < 0.5 ? [1, { b: null }] : 'x', c: {} } : 'free';
    default:
      return `s${Math.floor(rnd() * 3)}`;
  }
}

const opts = (schema: TypeSchema | undefined, extra: Partial<UpdateManagedFieldsOptions> = {}): UpdateManagedFieldsOptions => ({
  manager: 'kubectl-create',
  apiVersion: 'v1',
  now: T0,
  schema,
  ...extra,
});

function object(kind: string, schema: TypeSchema | undefined, rnd: () => number): KubeObject {
  const generated = valueOf(schema, rnd, 0);
  const body = generated && typeof generated === 'object' && !Array.isArray(generated) ? (generated as Record<string, unknown>) : {};
  return {
    ...body,
    apiVersion: 'v1',
    kind,
    metadata: { name: 'x', namespace: 'default', uid: 'u', creationTimestamp: T0, labels: rnd() < 0.5 ? { app: 'a' } : {}, generation: 1 },
  } as KubeObject;
}

describe(trackCreated.name, () => {
  it('gives every kind the managedFields the general update bookkeeping gives a create (random objects)', () => {
    for (const { group, kind } of schemaRootKinds()) {
      const schema = schemaFor(group, kind);
      for (let seed = 1; seed <= 150; seed++) {
        const rnd = random(seed);
        const input = object(kind, schema, rnd);
        for (const hasStatusSubresource of [false, true]) {
          const expected = updateManagedFields(null, input, opts(schema, { hasStatusSubresource }));
          const actual = trackCreated(structuredClone(input), opts(schema, { hasStatusSubresource }));
          if (JSON.stringify(actual) !== JSON.stringify(expected)) {
            throw new Error(`${kind}, seed ${seed}, hasStatusSubresource ${hasStatusSubresource}:\n${JSON.stringify(input)}\nexpected ${JSON.stringify(expected.metadata.managedFields)}\nactual   ${JSON.stringify(actual.metadata.managedFields)}`);
          }
        }
      }
    }
  });

  it('does the same for objects without a schema (custom resources)', () => {
    for (let seed = 1; seed <= 300; seed++) {
      const input = object('Widget', undefined, random(seed));
      expect(trackCreated(structuredClone(input), opts(undefined))).toEqual(updateManagedFields(null, input, opts(undefined)));
    }
  });

  it('sets the one entry in place: the manager owns what the object sets, not type meta or server metadata', () => {
    const pod = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'x', namespace: 'default', uid: 'u', creationTimestamp: T0, labels: { run: 'x' } },
      spec: { containers: [{ name: 'x', image: 'nginx', ports: [{ containerPort: 80 }] }], restartPolicy: 'Always' },
      status: { phase: 'Pending' },
    } as KubeObject;
    const tracked = trackCreated(pod, opts(schemaFor('', 'Pod'), { hasStatusSubresource: true }));
    expect(tracked).toBe(pod);
    expect(tracked.metadata.managedFields).toEqual([
      {
        manager: 'kubectl-create',
        operation: 'Update',
        apiVersion: 'v1',
        time: T0,
        fieldsType: 'FieldsV1',
        fieldsV1: {
          'f:metadata': { 'f:labels': { '.': {}, 'f:run': {} } },
          'f:spec': {
            'f:containers': {
              '.': {},
              'k:{"name":"x"}': {
                '.': {},
                'f:image': {},
                'f:name': {},
                'f:ports': { '.': {}, 'k:{"containerPort":80,"protocol":"TCP"}': { '.': {}, 'f:containerPort': {} } },
              },
            },
            'f:restartPolicy': {},
          },
        },
      },
    ]);
  });

  it('leaves managedFields a create brings to the general bookkeeping, and resets on an empty list', () => {
    const schema = schemaFor('', 'ConfigMap');
    const given = { manager: 'other', operation: 'Update', apiVersion: 'v1', time: T0, fieldsType: 'FieldsV1', fieldsV1: { 'f:data': { 'f:a': {} } } };
    const withEntries = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c', managedFields: [given] }, data: { a: '1' } } as unknown as KubeObject;
    expect(trackCreated(structuredClone(withEntries), opts(schema))).toEqual(updateManagedFields(null, withEntries, opts(schema)));
    const reset = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c', managedFields: [] }, data: { a: '1' } } as unknown as KubeObject;
    expect(trackCreated(structuredClone(reset), opts(schema)).metadata.managedFields?.map((e) => e.manager)).toEqual(['kubectl-create']);
  });

  it('writes no entry when the object sets nothing a manager can own', () => {
    const bare = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' } } as KubeObject;
    expect(trackCreated(bare, opts(schemaFor('', 'ConfigMap'))).metadata.managedFields).toBeUndefined();
  });
});
