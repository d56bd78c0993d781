import { toTable } from '../table/to-table';
import { fieldValue } from '../registry/field-selector';
import type { JsonDiffOperation } from './json-diff';
import { toRevision, type RevisionSource } from './revision';
import { revisionChanges, revisionResourceType } from './revision.resource';

const v1 = {
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web', namespace: 'shop', uid: 'u-1', resourceVersion: '7' },
  spec: { replicas: 1 },
};
const v2 = { ...v1, metadata: { ...v1.metadata, resourceVersion: '9' }, spec: { replicas: 3 } };

function source(overrides: Partial<RevisionSource>): RevisionSource {
  return {
    resourceVersion: 9,
    type: 'MODIFIED',
    group: 'apps',
    resource: 'deployments',
    namespace: 'shop',
    name: 'web',
    uid: 'u-1',
    object: v2,
    time: new Date('2026-11-23T10:00:05.250Z'),
    actor: 'admin',
    fieldManager: 'kubectl-scale',
    prevResourceVersion: 7,
    prevObject: v1,
    ...overrides,
  };
}

describe('toRevision', () => {
  it('names the revision by its resourceVersion and diffs it against the previous version', () => {
    expect(toRevision(source({}))).toEqual({
      apiVersion: 'history.flotilla.dev/v1',
      kind: 'Revision',
      metadata: { name: '9', namespace: 'shop', resourceVersion: '9', creationTimestamp: '2026-11-23T10:00:05Z' },
      target: { apiVersion: 'apps/v1', kind: 'Deployment', group: 'apps', resource: 'deployments', namespace: 'shop', name: 'web', uid: 'u-1' },
      type: 'MODIFIED',
      time: '2026-11-23T10:00:05.250Z',
      user: 'admin',
      fieldManager: 'kubectl-scale',
      previousResourceVersion: '7',
      diff: [
        { op: 'replace', path: '/metadata/resourceVersion', value: '9' },
        { op: 'replace', path: '/spec/replicas', value: 3 },
      ],
    });
  });

  it('gives a creation as one add of the whole object, and carries the object when asked', () => {
    const r = toRevision(source({ type: 'ADDED', resourceVersion: 7, object: v1, prevResourceVersion: null, prevObject: null }), { includeObject: true });
    expect(r.diff).toEqual([{ op: 'add', path: '', value: v1 }]);
    expect(r.previousResourceVersion).toBeUndefined();
    expect(r.object).toEqual(v1);
  });

  it('replaces the whole object when the previous version was compacted away', () => {
    expect(toRevision(source({ prevObject: null })).diff).toEqual([{ op: 'replace', path: '', value: v2 }]);
  });

  it('leaves namespace, user and manager out when the event has none (cluster-scoped, system write)', () => {
    const r = toRevision(source({ group: '', resource: 'nodes', namespace: '', name: 'n1', actor: null, fieldManager: null }));
    expect(r.metadata.namespace).toBeUndefined();
    expect(r.target.namespace).toBeUndefined();
    expect(r.user).toBeUndefined();
    expect(r.fieldManager).toBeUndefined();
  });
});

describe('revisionResourceType', () => {
  it('is a read-only namespaced kind of history.flotilla.dev/v1', () => {
    expect(revisionResourceType).toMatchObject({
      group: 'history.flotilla.dev',
      version: 'v1',
      kind: 'Revision',
      listKind: 'RevisionList',
      plural: 'revisions',
      singular: 'revision',
      namespaced: true,
      verbs: ['get', 'list'],
      shortNames: ['rev'],
    });
  });

  it('renders Table rows with the revision, object, type, user, manager, changes and age', () => {
    const table = toTable(revisionResourceType, [toRevision(source({}))], { now: new Date('2026-11-23T10:01:05Z') });
    expect(table.columnDefinitions.map((c) => `${c.name}:${c.priority}`)).toEqual([
      'Revision:0',
      'Object:0',
      'Type:0',
      'User:0',
      'Manager:0',
      'Changes:0',
      'Age:0',
      'Time:1',
      'Previous:1',
    ]);
    expect(table.rows[0].cells).toEqual(['9', 'deployment.apps/web', 'MODIFIED', 'admin', 'kubectl-scale', 'spec.replicas', '60s', '2026-11-23T10:00:05.250Z', '7']);
  });

  it('summarises changes without bookkeeping fields', () => {
    expect(revisionChanges('ADDED', [{ op: 'add', path: '', value: {} }])).toBe('<created>');
    expect(revisionChanges('MODIFIED', [{ op: 'replace', path: '', value: {} }])).toBe('<replaced>');
    expect(revisionChanges('DELETED', [{ op: 'replace', path: '/metadata/resourceVersion', value: '3' }])).toBe('<none>');
    const many: JsonDiffOperation[] = ['a', 'b', 'c', 'd', 'e', 'f'].map((k) => ({ op: 'add' as const, path: `/data/${k}`, value: '1' }));
    many.push({ op: 'add', path: '/metadata/labels', value: {} });
    expect(revisionChanges('MODIFIED', many)).toBe('data.a,data.b,data.c,data.d +3 more');
  });

  it('answers field selectors on the target', () => {
    const r = toRevision(source({}));
    expect(fieldValue(revisionResourceType, r, 'target.resource')).toBe('deployments');
    expect(fieldValue(revisionResourceType, r, 'target.name')).toBe('web');
    expect(fieldValue(revisionResourceType, r, 'type')).toBe('MODIFIED');
    expect(fieldValue(revisionResourceType, r, 'user')).toBe('admin');
  });
});
