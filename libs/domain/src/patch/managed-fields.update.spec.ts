import type { KubeObject, ManagedFieldsEntry } from '../objects/object-meta';
import { applyServerSide } from './server-side-apply';
import { updateManagedFields, UpdateManagedFieldsOptions } from './managed-fields.update';
import { podSchema } from './patch-schemas.fixture';

type Obj = Record<string, any>;  

const T0 = '2025-01-01T00:00:00Z';
const T1 = '2025-01-01T00:01:00Z';
const T2 = '2025-01-01T00:02:00Z';

/** The pod `kubectl run x --image=nginx` creates, after server defaulting and bookkeeping. */
function runPod(): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'x', namespace: 'default', uid: 'u1', resourceVersion: '5', creationTimestamp: T0, labels: { run: 'x' } },
    spec: {
      containers: [{ name: 'x', image: 'nginx', imagePullPolicy: 'Always', resources: {} }],
      restartPolicy: 'Always',
      dnsPolicy: 'ClusterFirst',
    },
    status: {},
  };
}

const opts = (manager: string, now: string, extra: Partial<UpdateManagedFieldsOptions> = {}): UpdateManagedFieldsOptions => ({
  manager,
  apiVersion: 'v1',
  now,
  schema: podSchema,
  ...extra,
});

function entries(object: KubeObject): ManagedFieldsEntry[] {
  return object.metadata.managedFields ?? [];
}

function edit(object: KubeObject, change: (o: Obj) => void): KubeObject {
  const copy = structuredClone(object) as Obj;
  change(copy);
  return copy as KubeObject;
}

describe(updateManagedFields.name, () => {
  it('records a create as an Update entry owning every field it set (system metadata left out)', () => {
    const created = updateManagedFields(null, runPod(), opts('kubectl-run', T0));
    expect(entries(created)).toEqual([
      {
        manager: 'kubectl-run',
        operation: 'Update',
        apiVersion: 'v1',
        time: T0,
        fieldsType: 'FieldsV1',
        fieldsV1: {
          'f:metadata': { 'f:labels': { '.': {}, 'f:run': {} } },
          'f:spec': {
            'f:containers': {
              '.': {},
              'k:{"name":"x"}': { '.': {}, 'f:image': {}, 'f:imagePullPolicy': {}, 'f:name': {}, 'f:resources': {} },
            },
            'f:dnsPolicy': {},
            'f:restartPolicy': {},
          },
        },
      },
    ]);
    expect(created.spec).toEqual(runPod().spec);
  });

  it('moves the fields an update changes to its manager and keeps the rest with the creator', () => {
    const created = updateManagedFields(null, runPod(), opts('kubectl-run', T0));
    const updated = updateManagedFields(created, edit(created, (o) => (o.spec.containers[0].image = 'nginx:1.26')), opts('kubectl-set', T1));
    const [run, set] = entries(updated);
    expect(run.manager).toBe('kubectl-run');
    expect((run.fieldsV1 as Obj)['f:spec']['f:containers']['k:{"name":"x"}']).not.toHaveProperty('f:image');
    expect((run.fieldsV1 as Obj)['f:spec']['f:containers']['k:{"name":"x"}']).toHaveProperty('f:name');
    expect(set).toEqual({
      manager: 'kubectl-set',
      operation: 'Update',
      apiVersion: 'v1',
      time: T1,
      fieldsType: 'FieldsV1',
      fieldsV1: { 'f:spec': { 'f:containers': { 'k:{"name":"x"}': { 'f:image': {} } } } },
    });
  });

  it('takes fields from appliers too (Update never conflicts)', () => {
    const applied = applyServerSide(null, { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'x' }, spec: { restartPolicy: 'Never' } }, {
      manager: 'kubectl',
      force: false,
      schema: podSchema,
      apiVersion: 'v1',
      now: T0,
    }).object;
    const updated = updateManagedFields(applied, edit(applied, (o) => (o.spec.restartPolicy = 'Always')), opts('kubectl-edit', T1));
    expect(entries(updated).map((e) => e.manager)).toEqual(['kubectl-edit']);
  });

  it('removes deleted fields from every manager and drops entries left empty', () => {
    const created = updateManagedFields(null, runPod(), opts('kubectl-run', T0));
    const labelled = updateManagedFields(created, edit(created, (o) => (o.metadata.labels.team = 'a')), opts('kubectl-label', T1));
    const unlabelled = updateManagedFields(labelled, edit(labelled, (o) => delete o.metadata.labels.team), opts('kubectl-label', T2));
    expect(entries(unlabelled).map((e) => e.manager)).toEqual(['kubectl-run']);
  });

  it('unions a manager’s successive updates and stamps the time only when something changed', () => {
    const created = updateManagedFields(null, runPod(), opts('kubectl-run', T0));
    const once = updateManagedFields(created, edit(created, (o) => (o.metadata.labels.a = '1')), opts('kubectl-label', T1));
    const twice = updateManagedFields(once, edit(once, (o) => (o.metadata.labels.b = '2')), opts('kubectl-label', T2));
    const label = entries(twice).find((e) => e.manager === 'kubectl-label');
    expect(label?.time).toBe(T2);
    expect(label?.fieldsV1).toEqual({ 'f:metadata': { 'f:labels': { 'f:a': {}, 'f:b': {} } } });
    const noop = updateManagedFields(twice, edit(twice, (o) => (o.metadata.resourceVersion = '9')), opts('kubectl-label', '2025-01-01T00:03:00Z'));
    expect(entries(noop).find((e) => e.manager === 'kubectl-label')?.time).toBe(T2);
  });

  it('keeps one entry per apiVersion for updaters and sorts Apply first, then by time', () => {
    const applied = applyServerSide(null, { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'x' }, spec: { restartPolicy: 'Never' } }, {
      manager: 'kubectl',
      force: false,
      schema: podSchema,
      apiVersion: 'v1',
      now: T2,
    }).object;
    const a = updateManagedFields(applied, edit(applied, (o) => (o.metadata.labels = { a: '1' })), opts('ctl', T1, { apiVersion: 'v1' }));
    const b = updateManagedFields(a, edit(a, (o) => (o.metadata.labels.b = '1')), opts('ctl', T0, { apiVersion: 'v2' }));
    expect(entries(b).map((e) => [e.manager, e.operation, e.apiVersion])).toEqual([
      ['kubectl', 'Apply', 'v1'],
      ['ctl', 'Update', 'v2'],
      ['ctl', 'Update', 'v1'],
    ]);
  });

  it('resets tracking when the request carries managedFields: [] or a single empty entry', () => {
    const created = updateManagedFields(null, runPod(), opts('kubectl-run', T0));
    for (const reset of [[], [{}]]) {
      const request = edit(created, (o) => {
        o.metadata.managedFields = reset;
        o.metadata.labels.z = '1';
      });
      expect(updateManagedFields(created, request, opts('kubectl-edit', T1)).metadata).not.toHaveProperty('managedFields');
    }
  });

  it('leaves an untracked existing object untracked', () => {
    const untracked = runPod();
    const out = updateManagedFields(untracked, edit(untracked, (o) => (o.spec.restartPolicy = 'Never')), opts('kubectl-edit', T1));
    expect(out.metadata).not.toHaveProperty('managedFields');
  });

  it('takes managedFields the request sets explicitly', () => {
    const created = updateManagedFields(null, runPod(), opts('kubectl-run', T0));
    const replacement: ManagedFieldsEntry[] = [
      { manager: 'imported', operation: 'Update', apiVersion: 'v1', time: T0, fieldsType: 'FieldsV1', fieldsV1: { 'f:spec': { 'f:dnsPolicy': {} } } },
    ];
    const out = updateManagedFields(created, edit(created, (o) => (o.metadata.managedFields = replacement)), opts('kubectl-replace', T1));
    expect(entries(out)).toEqual(replacement);
  });

  it('tracks status subresource writes separately and ignores status on main writes of such kinds', () => {
    const created = updateManagedFields(null, runPod(), opts('kubectl-run', T0, { hasStatusSubresource: true }));
    const withStatus = updateManagedFields(created, edit(created, (o) => (o.status = { phase: 'Running', conditions: [{ type: 'Ready', status: 'True' }] })), opts('kubelet', T1, { subresource: 'status' }));
    expect(entries(withStatus).find((e) => e.manager === 'kubelet')).toEqual({
      manager: 'kubelet',
      operation: 'Update',
      apiVersion: 'v1',
      time: T1,
      fieldsType: 'FieldsV1',
      fieldsV1: { 'f:status': { 'f:conditions': { '.': {}, 'k:{"type":"Ready"}': { '.': {}, 'f:status': {}, 'f:type': {} } }, 'f:phase': {} } },
      subresource: 'status',
    });
    const mainWrite = updateManagedFields(withStatus, edit(withStatus, (o) => (o.status.phase = 'Failed')), opts('kubectl-edit', T2, { hasStatusSubresource: true }));
    expect(entries(mainWrite).map((e) => e.manager)).toEqual(['kubectl-run', 'kubelet']);
  });

  it('never tracks resourceVersion, generation, uid or creationTimestamp', () => {
    const created = updateManagedFields(null, runPod(), opts('kubectl-run', T0));
    const bumped = updateManagedFields(created, edit(created, (o) => Object.assign(o.metadata, { resourceVersion: '6', generation: 2 })), opts('controller', T1));
    expect(entries(bumped).map((e) => e.manager)).toEqual(['kubectl-run']);
  });

  it('caps Update entries at 10, folding the oldest into ancient-changes', () => {
    let object = updateManagedFields(null, runPod(), opts('m0', '2025-01-01T00:00:00Z'));
    for (let i = 1; i <= 10; i++) {
      object = updateManagedFields(object, edit(object, (o) => (o.metadata.labels[`l${i}`] = 'x')), opts(`m${i}`, `2025-01-01T00:00:${String(i).padStart(2, '0')}Z`));
    }
    const managers = entries(object).map((e) => e.manager);
    expect(managers).toHaveLength(10);
    expect(managers).not.toContain('m0');
    expect(managers).not.toContain('m1');
    const ancient = entries(object).find((e) => e.manager === 'ancient-changes');
    expect(ancient?.time).toBe('2025-01-01T00:00:01Z');
    expect((ancient?.fieldsV1 as Obj)['f:metadata']['f:labels']).toHaveProperty('f:l1');
    expect((ancient?.fieldsV1 as Obj)['f:spec']).toHaveProperty('f:dnsPolicy');
  });

  it('does not mutate its inputs', () => {
    const created = updateManagedFields(null, runPod(), opts('kubectl-run', T0));
    const snapshot = structuredClone(created);
    const next = edit(created, (o) => (o.spec.dnsPolicy = 'Default'));
    const nextSnapshot = structuredClone(next);
    updateManagedFields(created, next, opts('kubectl-edit', T1));
    expect(created).toEqual(snapshot);
    expect(next).toEqual(nextSnapshot);
  });
});
