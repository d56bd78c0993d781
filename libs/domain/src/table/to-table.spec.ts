import type { KubeObject } from '../objects/object-meta';
import { createBuiltinRegistry } from '../registry/builtin.registry';
import { toTable } from './to-table';

const NOW = new Date('2024-05-01T12:00:00Z');
const registry = createBuiltinRegistry();
const pods = registry.lookup('', 'v1', 'pods')!;

const pod = (name: string, phase: string): KubeObject => ({
  metadata: { name, namespace: 'default', uid: `uid-${name}`, resourceVersion: '7', creationTimestamp: '2024-05-01T11:59:00Z', labels: { app: name } },
  spec: { containers: [{ name: 'app', image: 'nginx' }], nodeName: 'node-1' },
  status: { phase },
});

describe(toTable.name, () => {
  it('renders a meta.k8s.io/v1 Table with list metadata', () => {
    const table = toTable(pods, [pod('a', 'Running')], { now: NOW, resourceVersion: '123', continue: 'tok', remainingItemCount: 4 });
    expect(table.kind).toBe('Table');
    expect(table.apiVersion).toBe('meta.k8s.io/v1');
    expect(table.metadata).toEqual({ resourceVersion: '123', continue: 'tok', remainingItemCount: 4 });
    expect(table.columnDefinitions).toEqual(pods.columns);
    expect(table.columnDefinitions[0]).toEqual(expect.objectContaining({ name: 'Name', type: 'string', format: 'name', priority: 0 }));
    expect(table.rows[0].cells).toEqual(['a', '0/1', 'Running', '0', '60s', '<none>', 'node-1', '<none>', '<none>']);
  });

  it('omits unset list metadata', () => {
    expect(toTable(pods, [], { now: NOW }).metadata).toEqual({});
    expect(toTable(pods, [], { now: NOW, resourceVersion: '9' })).toEqual({
      kind: 'Table',
      apiVersion: 'meta.k8s.io/v1',
      metadata: { resourceVersion: '9' },
      columnDefinitions: pods.columns,
      rows: [],
    });
  });

  it('attaches PartialObjectMetadata by default', () => {
    const p = pod('a', 'Running');
    const [row] = toTable(pods, [p], { now: NOW }).rows;
    expect(row.object).toEqual({ kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata: p.metadata });
    expect(row.conditions).toBeUndefined();
  });

  it('attaches nothing for includeObject=None and the full object for includeObject=Object', () => {
    const p = pod('a', 'Running');
    expect(toTable(pods, [p], { now: NOW, includeObject: 'None' }).rows[0]).toEqual({ cells: expect.any(Array) });
    const full = toTable(pods, [p], { now: NOW, includeObject: 'Object' }).rows[0].object as KubeObject;
    expect(full).toEqual({ ...p, kind: 'Pod', apiVersion: 'v1' });
    expect(p.kind).toBeUndefined();
    const deployments = registry.lookup('apps', 'v1', 'deployments')!;
    const d: KubeObject = { kind: 'Deployment', apiVersion: 'apps/v1', metadata: { name: 'd' } };
    expect((toTable(deployments, [d], { now: NOW, includeObject: 'Object' }).rows[0].object as KubeObject).apiVersion).toBe('apps/v1');
  });

  it('marks finished pods with a Completed row condition', () => {
    const rows = toTable(pods, [pod('done', 'Succeeded'), pod('failed', 'Failed')], { now: NOW }).rows;
    expect(rows.map((r) => r.conditions?.[0].reason)).toEqual(['Succeeded', 'Failed']);
  });
});
