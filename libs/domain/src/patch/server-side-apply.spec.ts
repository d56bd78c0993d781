import { BadRequestError } from '../errors';
import type { KubeObject } from '../objects/object-meta';
import { updateManagedFields } from './managed-fields.update';
import { deploymentSchema, podSchema } from './patch-schemas.fixture';
import { ApplyConflictError, PatchServerError } from './patch.errors';
import { applyServerSide, ServerSideApplyOptions } from './server-side-apply';

type Obj = Record<string, any>;  

const T0 = '2025-01-01T00:00:00Z';
const T1 = '2025-01-01T00:01:00Z';
const T2 = '2025-01-01T00:02:00Z';

function manifest(overrides: { replicas?: number; image?: string; labels?: Record<string, string>; containers?: Obj[] } = {}): KubeObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web', namespace: 'default', labels: overrides.labels ?? { app: 'web' } },
    spec: {
      replicas: overrides.replicas ?? 2,
      selector: { matchLabels: { app: 'web' } },
      template: {
        metadata: { labels: { app: 'web' } },
        spec: { containers: overrides.containers ?? [{ name: 'nginx', image: overrides.image ?? 'nginx:1.25' }] },
      },
    },
  };
}

const opts = (extra: Partial<ServerSideApplyOptions> = {}): ServerSideApplyOptions => ({
  manager: 'kubectl',
  force: false,
  schema: deploymentSchema,
  apiVersion: 'apps/v1',
  now: T0,
  ...extra,
});

/** What the store would hold after the create: server metadata added. */
function stored(object: KubeObject): KubeObject {
  return { ...object, metadata: { ...object.metadata, uid: 'uid-1', resourceVersion: '10', creationTimestamp: T0, generation: 1 } };
}

function conflictOf(fn: () => unknown): ApplyConflictError {
  try {
    fn();
  } catch (e) {
    if (e instanceof ApplyConflictError) return e;
    throw e;
  }
  throw new Error('expected an ApplyConflictError');
}

const applyFields = {
  'f:metadata': { 'f:labels': { 'f:app': {} } },
  'f:spec': {
    'f:replicas': {},
    'f:selector': {},
    'f:template': {
      'f:metadata': { 'f:labels': { 'f:app': {} } },
      'f:spec': { 'f:containers': { 'k:{"name":"nginx"}': { '.': {}, 'f:image': {}, 'f:name': {} } } },
    },
  },
};

describe(applyServerSide.name, () => {
  it('creates the object and records an Apply entry (name/namespace not tracked, list items keyed)', () => {
    const { object, changed } = applyServerSide(null, manifest(), opts());
    expect(changed).toBe(true);
    expect(object.spec).toEqual(manifest().spec);
    expect(object.metadata.name).toBe('web');
    expect(object.metadata.managedFields).toEqual([
      { manager: 'kubectl', operation: 'Apply', apiVersion: 'apps/v1', time: T0, fieldsType: 'FieldsV1', fieldsV1: applyFields },
    ]);
  });

  it('ignores server-maintained metadata in the applied configuration', () => {
    const applied = manifest();
    applied.metadata.creationTimestamp = null;
    applied.metadata.resourceVersion = '99';
    const live = stored(applyServerSide(null, manifest(), opts()).object);
    const { object } = applyServerSide(live, applied, opts({ now: T1 }));
    expect(object.metadata.creationTimestamp).toBe(T0);
    expect(object.metadata.resourceVersion).toBe('10');
    expect(object.metadata.uid).toBe('uid-1');
  });

  it('re-applying without a field removes it, unless another manager owns it', () => {
    const withTier = manifest({ labels: { app: 'web', tier: 'front' } });
    const live = stored(applyServerSide(null, withTier, opts()).object);
    const { object } = applyServerSide(live, manifest(), opts({ now: T1 }));
    expect(object.metadata.labels).toEqual({ app: 'web' });
    expect((object.metadata.managedFields ?? [])[0].fieldsV1).toEqual(applyFields);

    // kubectl label (an Update) also set tier: it survives the applier dropping it.
    const labelled = updateManagedFields(live, { ...live, metadata: { ...live.metadata, labels: { app: 'web', tier: 'back' } } }, {
      manager: 'kubectl-label',
      apiVersion: 'apps/v1',
      now: T1,
      schema: deploymentSchema,
    });
    const second = applyServerSide(labelled, manifest(), opts({ now: T2 })).object;
    expect(second.metadata.labels).toEqual({ app: 'web', tier: 'back' });
  });

  it('re-applying without a container removes that item, keeping unowned defaults of the items that stay', () => {
    const two = manifest({ containers: [{ name: 'nginx', image: 'nginx:1.25' }, { name: 'sidecar', image: 'busybox' }] });
    const live = stored(applyServerSide(null, two, opts()).object) as Obj;
    live.spec.template.spec.containers[0].imagePullPolicy = 'IfNotPresent'; // defaulted by the server, owned by no one
    live.spec.template.spec.containers[1].imagePullPolicy = 'Always';
    const { object } = applyServerSide(live as KubeObject, manifest(), opts({ now: T1 })) as { object: Obj };
    expect(object.spec.template.spec.containers).toEqual([{ name: 'nginx', image: 'nginx:1.25', imagePullPolicy: 'IfNotPresent' }]);
  });

  it('refuses to change .spec.replicas owned by kubectl-client-side-apply, with the upstream 409', () => {
    const created = updateManagedFields(null, stored(manifest()), { manager: 'kubectl-client-side-apply', apiVersion: 'apps/v1', now: T0, schema: deploymentSchema });
    const error = conflictOf(() => applyServerSide(created, manifest({ replicas: 3 }), opts({ now: T1 })));
    expect(error.code).toBe(409);
    expect(error.message).toBe('Apply failed with 1 conflict: conflict with "kubectl-client-side-apply" using apps/v1: .spec.replicas');
    expect(error.toStatus()).toEqual({
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: 'Apply failed with 1 conflict: conflict with "kubectl-client-side-apply" using apps/v1: .spec.replicas',
      reason: 'Conflict',
      details: { causes: [{ reason: 'FieldManagerConflict', message: 'conflict with "kubectl-client-side-apply" using apps/v1', field: '.spec.replicas' }] },
      code: 409,
    });
  });

  it('applying the same values shares ownership instead of conflicting', () => {
    const created = updateManagedFields(null, stored(manifest()), { manager: 'kubectl-client-side-apply', apiVersion: 'apps/v1', now: T0, schema: deploymentSchema });
    const { object, changed } = applyServerSide(created, manifest(), opts({ now: T1 }));
    expect(changed).toBe(false);
    const entries = object.metadata.managedFields ?? [];
    expect(entries.map((e) => [e.manager, e.operation])).toEqual([
      ['kubectl', 'Apply'],
      ['kubectl-client-side-apply', 'Update'],
    ]);
    expect(entries[0].time).toBeUndefined();
    expect((entries[0].fieldsV1 as Obj)['f:spec']['f:replicas']).toEqual({});
    expect((entries[1].fieldsV1 as Obj)['f:spec']['f:replicas']).toEqual({});
  });

  it('with force takes the field away from the other manager', () => {
    const created = updateManagedFields(null, stored(manifest()), { manager: 'kubectl-client-side-apply', apiVersion: 'apps/v1', now: T0, schema: deploymentSchema });
    const { object } = applyServerSide(created, manifest({ replicas: 3 }), opts({ now: T1, force: true }));
    expect((object.spec as Obj).replicas).toBe(3);
    const [applier, updater] = object.metadata.managedFields ?? [];
    expect(applier).toMatchObject({ manager: 'kubectl', operation: 'Apply', time: T1 });
    expect((applier.fieldsV1 as Obj)['f:spec']['f:replicas']).toEqual({});
    expect(updater.manager).toBe('kubectl-client-side-apply');
    expect((updater.fieldsV1 as Obj)['f:spec']).not.toHaveProperty('f:replicas');
    expect((updater.fieldsV1 as Obj)['f:spec']).toHaveProperty('f:selector');
  });

  it('lists several conflicts grouped by manager, appliers named without an apiVersion', () => {
    const first = stored(applyServerSide(null, manifest(), opts({ manager: 'team-a' })).object);
    const scaled = updateManagedFields(first, { ...first, spec: { ...(first.spec as Obj), replicas: 5 } }, {
      manager: 'hpa',
      apiVersion: 'apps/v1',
      now: T1,
      schema: deploymentSchema,
    });
    const error = conflictOf(() => applyServerSide(scaled, manifest({ replicas: 3, image: 'nginx:1.27' }), opts({ manager: 'team-b', now: T2 })));
    expect(error.message).toBe(
      'Apply failed with 2 conflicts: conflicts with "hpa" using apps/v1:\n- .spec.replicas\nconflicts with "team-a":\n- .spec.template.spec.containers[name="nginx"].image',
    );
    expect(error.causes).toEqual([
      { reason: 'FieldManagerConflict', message: 'conflict with "hpa" using apps/v1', field: '.spec.replicas' },
      { reason: 'FieldManagerConflict', message: 'conflict with "team-a"', field: '.spec.template.spec.containers[name="nginx"].image' },
    ]);
  });

  it('merges associative lists by key: each applier keeps its own container', () => {
    const a = stored(applyServerSide(null, manifest(), opts({ manager: 'team-a' })).object);
    const sidecar: KubeObject = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'web', namespace: 'default' },
      spec: { template: { spec: { containers: [{ name: 'sidecar', image: 'busybox' }] } } },
    };
    const b = applyServerSide(a, sidecar, opts({ manager: 'team-b', now: T1 })).object as Obj;
    expect(b.spec.template.spec.containers.map((c: Obj) => c.name)).toEqual(['nginx', 'sidecar']);
    expect(b.spec.replicas).toBe(2);
    const removed = applyServerSide(b as KubeObject, { ...sidecar, spec: { template: { spec: { containers: [] } } } }, opts({ manager: 'team-b', now: T2 })).object as Obj;
    expect(removed.spec.template.spec.containers).toEqual([{ name: 'nginx', image: 'nginx:1.25' }]);
    expect((removed.metadata.managedFields as Obj[]).map((e) => e.manager)).toEqual(['team-a']);
  });

  it('claims the fields of an untracked object for before-first-apply', () => {
    const untracked = stored(manifest());
    const error = conflictOf(() => applyServerSide(untracked, manifest({ replicas: 4 }), opts()));
    expect(error.message).toBe('Apply failed with 1 conflict: conflict with "before-first-apply" using apps/v1: .spec.replicas');
  });

  it('applies to the status subresource: only status changes and is owned', () => {
    const pod: KubeObject = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', namespace: 'default' }, spec: { containers: [{ name: 'c', image: 'x' }] } };
    const live = stored(applyServerSide(null, pod, { ...opts(), apiVersion: 'v1', schema: podSchema, hasStatusSubresource: true }).object);
    const statusApply: KubeObject = { ...pod, spec: { containers: [{ name: 'c', image: 'changed' }] }, status: { phase: 'Running', conditions: [{ type: 'Ready', status: 'True' }] } };
    const { object } = applyServerSide(live, statusApply, { ...opts(), manager: 'kubelet', apiVersion: 'v1', schema: podSchema, subresource: 'status', now: T1 });
    expect((object.spec as Obj).containers[0].image).toBe('x');
    expect(object.status).toEqual({ phase: 'Running', conditions: [{ type: 'Ready', status: 'True' }] });
    const kubelet = (object.metadata.managedFields ?? []).find((e) => e.manager === 'kubelet');
    expect(kubelet).toEqual({
      manager: 'kubelet',
      operation: 'Apply',
      apiVersion: 'v1',
      time: T1,
      fieldsType: 'FieldsV1',
      fieldsV1: { 'f:status': { 'f:conditions': { 'k:{"type":"Ready"}': { '.': {}, 'f:status': {}, 'f:type': {} } }, 'f:phase': {} } },
      subresource: 'status',
    });
  });

  it('refuses a wrong apiVersion and a managedFields in the configuration (400)', () => {
    expect(() => applyServerSide(null, { ...manifest(), apiVersion: 'apps/v1beta1' }, opts())).toThrow(
      new BadRequestError('Incorrect version specified in apply patch. Specified patch version: apps/v1beta1, expected: apps/v1'),
    );
    const withManaged = manifest();
    withManaged.metadata.managedFields = [];
    expect(() => applyServerSide(null, withManaged, opts())).toThrow(new BadRequestError('metadata.managedFields must be nil'));
  });

  it('refuses duplicate keys in an associative list', () => {
    const dup = manifest({ containers: [{ name: 'a', image: 'x' }, { name: 'a', image: 'y' }] });
    expect(() => applyServerSide(null, dup, opts())).toThrow(
      new PatchServerError(
        'failed to create typed patch object (default/web; apps/v1, Kind=Deployment): .spec.template.spec.containers: duplicate entries for key [name="a"]',
      ),
    );
  });

  it('does not mutate live or applied', () => {
    const live = stored(applyServerSide(null, manifest(), opts()).object);
    const liveCopy = structuredClone(live);
    const applied = manifest({ replicas: 7 });
    const appliedCopy = structuredClone(applied);
    applyServerSide(live, applied, opts({ now: T1 }));
    expect(live).toEqual(liveCopy);
    expect(applied).toEqual(appliedCopy);
  });
});

describe('upgrading from client-side apply', () => {
  const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

  /** An object created by `kubectl apply` (client-side): its fields belong to an Update manager, and it carries the annotation. */
  function clientSideApplied(config: KubeObject): KubeObject {
    const annotated = { ...config, metadata: { ...config.metadata, annotations: { [LAST_APPLIED]: JSON.stringify(config) } } };
    return updateManagedFields(null, stored(annotated), { manager: 'kubectl-client-side-apply', apiVersion: 'apps/v1', now: T0, schema: deploymentSchema });
  }

  it('lets the kubectl manager take over fields whose live value is still the last-applied one', () => {
    const live = clientSideApplied(manifest({ replicas: 2 }));
    const { object } = applyServerSide(live, manifest({ replicas: 4 }), opts({ now: T1 }));
    expect((object as Obj).spec.replicas).toBe(4);
    expect(object.metadata.managedFields?.map((m) => m.manager)).toEqual(['kubectl', 'kubectl-client-side-apply']);
  });

  it('still conflicts on a field someone changed after the last client-side apply, and names only that field', () => {
    const live = clientSideApplied(manifest({ replicas: 2 }));
    const scaled = updateManagedFields(live, { ...live, spec: { ...(live as Obj).spec, replicas: 7 } }, { manager: 'kubectl-scale', apiVersion: 'apps/v1', now: T1, schema: deploymentSchema });
    const error = conflictOf(() => applyServerSide(scaled, manifest({ replicas: 4, image: 'nginx:1.26' }), opts({ now: T2 })));
    expect(error.message).toBe('Apply failed with 1 conflict: conflict with "kubectl-scale" using apps/v1: .spec.replicas');
  });

  it('does not apply to other managers', () => {
    const live = clientSideApplied(manifest({ replicas: 2 }));
    expect(conflictOf(() => applyServerSide(live, manifest({ replicas: 4 }), opts({ manager: 'my-tool' }))).message).toContain(
      'conflict with "kubectl-client-side-apply"',
    );
  });
});
