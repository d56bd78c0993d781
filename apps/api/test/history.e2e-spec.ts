import { applyJsonPatch, type JsonDiffOperation, type KubeObject, type Revision } from '@flotilla/domain';
import { compactEventLog } from '@flotilla/persistence';
import { startHarness, type Harness, type KubectlVersion } from '../../../test/support/api-harness';
import { AGE, fails, ok, parseTable } from './support/kubectl-output';

const HISTORY = '/apis/history.flotilla.dev/v1';
const NS = 'hist';

interface RevisionList {
  kind: string;
  apiVersion: string;
  metadata: { resourceVersion: string; continue?: string };
  items: Revision[];
}

/** The operations of a diff that are not about field ownership (managedFields moves with every write). */
const withoutManagedFields = (diff: JsonDiffOperation[]) => diff.filter((op) => !op.path.startsWith('/metadata/managedFields'));
const rvOf = (obj: KubeObject) => obj.metadata.resourceVersion as string;

describe('history.flotilla.dev: per-object history and reads at exact past resourceVersions', () => {
  let harness: Harness;
  const kubectl = (args: string[], version: KubectlVersion = '1.33') => harness.kubectl(version, args);
  const json = async <T>(args: string[]): Promise<T> => JSON.parse(ok(await kubectl(args))) as T;
  const object = (args: string[]) => json<KubeObject>([...args, '-o', 'json', '--show-managed-fields']);
  const raw = <T>(path: string) => json<T>(['get', '--raw', path]);

  // The configmap's versions as kubectl received them: created, patched, labeled; then its deletion's revision.
  let created: KubeObject;
  let patched: KubeObject;
  let labeled: KubeObject;
  let deletedRv: string;

  beforeAll(async () => {
    harness = await startHarness();
    ok(await kubectl(['create', 'namespace', NS]));
    const current = () => object(['-n', NS, 'get', 'configmap', 'settings']);
    ok(await kubectl(['-n', NS, 'create', 'configmap', 'settings', '--from-literal=mode=calm']));
    created = await current();
    ok(await kubectl(['-n', NS, 'patch', 'configmap', 'settings', '--type', 'merge', '-p', '{"data":{"mode":"busy"}}']));
    patched = await current();
    ok(await kubectl(['-n', NS, 'label', 'configmap', 'settings', 'tier=gold']));
    labeled = await current();
    expect(ok(await kubectl(['-n', NS, 'delete', 'configmap', 'settings']))).toBe('configmap "settings" deleted\n');
    deletedRv = String(Number(rvOf(labeled)) + 1);
  });

  afterAll(async () => {
    await harness?.stop();
  });

  describe('discovery', () => {
    it('kubectl api-resources lists revisions in the history group', async () => {
      expect(parseTable(ok(await kubectl(['api-resources', '--api-group=history.flotilla.dev'])))).toEqual([
        ['NAME', 'SHORTNAMES', 'APIVERSION', 'NAMESPACED', 'KIND'],
        ['revisions', 'rev', 'history.flotilla.dev/v1', 'true', 'Revision'],
      ]);
    });

    it('legacy discovery serves the group and its resource list', async () => {
      expect(await raw('/apis/history.flotilla.dev')).toEqual({
        kind: 'APIGroup',
        apiVersion: 'v1',
        name: 'history.flotilla.dev',
        versions: [{ groupVersion: 'history.flotilla.dev/v1', version: 'v1' }],
        preferredVersion: { groupVersion: 'history.flotilla.dev/v1', version: 'v1' },
      });
      const list = await raw<{ groupVersion: string; resources: { name: string; kind: string; verbs: string[]; namespaced: boolean }[] }>(HISTORY);
      expect(list.groupVersion).toBe('history.flotilla.dev/v1');
      expect(list.resources.map((r) => [r.name, r.kind, r.namespaced, r.verbs])).toEqual([['revisions', 'Revision', true, ['get', 'list']]]);
    });

    it('OpenAPI v3 names the group version', async () => {
      const index = await raw<{ paths: Record<string, { serverRelativeURL: string }> }>('/openapi/v3');
      expect(index.paths['apis/history.flotilla.dev/v1'].serverRelativeURL).toMatch(/^\/openapi\/v3\/apis\/history\.flotilla\.dev\/v1\?hash=[0-9A-F]+$/);
    });
  });

  describe('per-object history', () => {
    let list: RevisionList;

    beforeAll(async () => {
      list = await raw(`${HISTORY}/namespaces/${NS}/revisions?resource=configmaps&name=settings`);
    });

    it('lists every version with its resourceVersion, type, user and field manager, oldest first', () => {
      expect(list.kind).toBe('RevisionList');
      expect(list.apiVersion).toBe('history.flotilla.dev/v1');
      expect(list.items.map((r) => [r.metadata.name, r.type, r.user, r.fieldManager, r.previousResourceVersion])).toEqual([
        [rvOf(created), 'ADDED', 'flotilla-admin', 'kubectl-create', undefined],
        [rvOf(patched), 'MODIFIED', 'flotilla-admin', 'kubectl-patch', rvOf(created)],
        [rvOf(labeled), 'MODIFIED', 'flotilla-admin', 'kubectl-label', rvOf(patched)],
        [deletedRv, 'DELETED', 'flotilla-admin', 'kubectl.1.33', rvOf(labeled)],
      ]);
      for (const r of list.items) {
        expect(r.target).toEqual({ apiVersion: 'v1', kind: 'ConfigMap', group: '', resource: 'configmaps', namespace: NS, name: 'settings', uid: created.metadata.uid });
        expect(r.metadata).toEqual({ name: r.metadata.name, namespace: NS, resourceVersion: r.metadata.name, creationTimestamp: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/) });
        expect(Date.parse(r.time)).toBeGreaterThan(Date.now() - 120_000);
      }
      expect(list.items.map((r) => r.time)).toEqual([...list.items.map((r) => r.time)].sort());
    });

    it('gives the creation as the whole object and each later version as an exact diff to the one before', () => {
      const [add, patch, label, remove] = list.items;
      expect(add.diff).toEqual([{ op: 'add', path: '', value: created }]);
      expect(withoutManagedFields(patch.diff)).toEqual([
        { op: 'replace', path: '/data/mode', value: 'busy' },
        { op: 'replace', path: '/metadata/resourceVersion', value: rvOf(patched) },
      ]);
      expect(withoutManagedFields(label.diff)).toEqual([
        { op: 'add', path: '/metadata/labels', value: { tier: 'gold' } },
        { op: 'replace', path: '/metadata/resourceVersion', value: rvOf(labeled) },
      ]);
      expect(remove.diff).toEqual([{ op: 'replace', path: '/metadata/resourceVersion', value: deletedRv }]);
      expect(applyJsonPatch(created, patch.diff)).toEqual(patched);
      expect(applyJsonPatch(patched, label.diff)).toEqual(labeled);
      const replayed = list.items.reduce<unknown>((doc, r) => applyJsonPatch(doc, r.diff), null);
      expect(replayed).toEqual({ ...labeled, metadata: { ...labeled.metadata, resourceVersion: deletedRv } });
    });

    it('takes the object from a field selector, with the resource as a user types it', async () => {
      ok(await kubectl(['-n', NS, 'create', 'deployment', 'web', '--image=nginx:1.25']));
      ok(await kubectl(['-n', NS, 'set', 'image', 'deployment/web', 'nginx=nginx:1.26']));
      for (const resource of ['deployments.apps', 'deploy', 'deployment']) {
        const revisions = await json<RevisionList>(['-n', NS, 'get', 'revisions', '--field-selector', `target.resource=${resource},target.name=web`, '-o', 'json']);
        expect(revisions.items.map((r) => [r.target.group, r.target.resource, r.target.name, r.type, r.fieldManager])).toEqual([
          ['apps', 'deployments', 'web', 'ADDED', 'kubectl-create'],
          ['apps', 'deployments', 'web', 'MODIFIED', 'kubectl-set'],
        ]);
        expect(withoutManagedFields(revisions.items[1].diff)).toEqual([
          { op: 'replace', path: '/metadata/generation', value: 2 },
          { op: 'replace', path: '/metadata/resourceVersion', value: revisions.items[1].metadata.name },
          { op: 'replace', path: '/spec/template/spec/containers/0/image', value: 'nginx:1.26' },
        ]);
      }
    });

    it('lists a whole namespace, other selector terms and pages as kubectl asks for them', async () => {
      const all = await raw<RevisionList>(`${HISTORY}/namespaces/${NS}/revisions`);
      expect(all.items.map((r) => `${r.target.resource}/${r.target.name}`)).toEqual([
        'configmaps/settings',
        'configmaps/settings',
        'configmaps/settings',
        'configmaps/settings',
        'deployments/web',
        'deployments/web',
      ]);
      const modified = await raw<RevisionList>(`${HISTORY}/namespaces/${NS}/revisions?fieldSelector=type%3DMODIFIED,fieldManager!%3Dkubectl-set`);
      expect(modified.items.map((r) => r.fieldManager)).toEqual(['kubectl-patch', 'kubectl-label']);

      const first = await raw<RevisionList>(`${HISTORY}/namespaces/${NS}/revisions?limit=4`);
      expect(first.items).toHaveLength(4);
      expect(first.metadata.continue).toEqual(expect.any(String));
      const rest = await raw<RevisionList>(`${HISTORY}/namespaces/${NS}/revisions?limit=4&continue=${first.metadata.continue}`);
      expect([...first.items, ...rest.items].map((r) => r.metadata.name)).toEqual(all.items.map((r) => r.metadata.name));
      expect(rest.metadata).toEqual({ resourceVersion: first.metadata.resourceVersion });

      const names = parseTable(ok(await kubectl(['get', 'revisions', '-A', '--chunk-size=1', '--field-selector', 'target.resource=namespaces', '-o', 'custom-columns=OBJECT:.target.name'])));
      expect(names).toEqual([['OBJECT'], ['default'], ['kube-system'], ['kube-public'], ['kube-node-lease'], [NS]]);
    });

    it.each(['1.33', '1.27'] as KubectlVersion[])('kubectl %s prints revisions as a table', async (version) => {
      const table = parseTable(ok(await kubectl(['-n', NS, 'get', 'rev', '--field-selector', 'target.resource=configmaps,target.name=settings'], version)));
      expect(table[0]).toEqual(['REVISION', 'OBJECT', 'TYPE', 'USER', 'MANAGER', 'CHANGES', 'AGE']);
      expect(table.slice(1).map((row) => row.slice(0, 6))).toEqual([
        [rvOf(created), 'configmap/settings', 'ADDED', 'flotilla-admin', 'kubectl-create', '<created>'],
        [rvOf(patched), 'configmap/settings', 'MODIFIED', 'flotilla-admin', 'kubectl-patch', 'data.mode'],
        [rvOf(labeled), 'configmap/settings', 'MODIFIED', 'flotilla-admin', 'kubectl-label', 'metadata.labels'],
        [deletedRv, 'configmap/settings', 'DELETED', 'flotilla-admin', 'kubectl.1.33', '<none>'],
      ]);
      for (const row of table.slice(1)) expect(row[6]).toMatch(AGE);
      const wide = parseTable(ok(await kubectl(['-n', NS, 'get', 'rev', '--field-selector', 'target.name=settings,type=MODIFIED', '-o', 'wide'], version)));
      expect(wide[0]).toEqual(['REVISION', 'OBJECT', 'TYPE', 'USER', 'MANAGER', 'CHANGES', 'AGE', 'TIME', 'PREVIOUS']);
      expect(wide.slice(1).map((row) => [row[0], row[8]])).toEqual([
        [rvOf(patched), rvOf(created)],
        [rvOf(labeled), rvOf(patched)],
      ]);
    });

    it('refuses selectors on unknown fields, watches and writes', async () => {
      fails(await kubectl(['-n', NS, 'get', 'revisions', '--field-selector', 'spec.replicas=1']), 
        'Error from server (BadRequest): Unable to find "history.flotilla.dev/v1, Resource=revisions" that match label selector "", field selector "spec.replicas=1": field label not supported: spec.replicas',
      );
      fails(await kubectl(['get', '--raw', `${HISTORY}/namespaces/${NS}/revisions?watch=true`]), 'Error from server (MethodNotAllowed): the server does not allow this method on the requested resource');
      fails(await kubectl(['delete', '--raw', `${HISTORY}/namespaces/${NS}/revisions/${rvOf(created)}`]), 'Error from server (MethodNotAllowed): the server does not allow this method on the requested resource');
    });
  });

  describe('reads at an exact past resourceVersion', () => {
    it('a single revision carries the whole object as it was', async () => {
      const revision = (await object(['-n', NS, 'get', 'revision', rvOf(patched)])) as Revision;
      expect(revision.object).toEqual(patched);
      expect(revision.type).toBe('MODIFIED');
      expect(applyJsonPatch(created, revision.diff)).toEqual(patched);
      fails(await kubectl(['-n', 'default', 'get', 'revision', rvOf(patched)]), `Error from server (NotFound): revisions.history.flotilla.dev "${rvOf(patched)}" not found`);
      fails(await kubectl(['-n', NS, 'get', 'revision', 'web']), 'Error from server (NotFound): revisions.history.flotilla.dev "web" not found');
      // A cluster-scoped object's revision lives at the group version root.
      const namespaceRv = (await raw<RevisionList>(`${HISTORY}/revisions?resource=namespaces&name=${NS}`)).items[0].metadata.name as string;
      expect((await raw<Revision>(`${HISTORY}/revisions/${namespaceRv}`)).object?.metadata.name).toBe(NS);
    });

    it('GET with resourceVersionMatch=Exact returns the object as it was at that version', async () => {
      const at = (rv: string) => `/api/v1/namespaces/${NS}/configmaps/settings?resourceVersion=${rv}&resourceVersionMatch=Exact`;
      expect(await raw(at(rvOf(created)))).toEqual(created);
      expect(await raw(at(rvOf(patched)))).toEqual(patched);
      expect(await raw(at(rvOf(labeled)))).toEqual(labeled);
      fails(await kubectl(['get', '--raw', at(deletedRv)]), 'Error from server (NotFound): configmaps "settings" not found');
      fails(await kubectl(['get', '--raw', at(String(Number(rvOf(created)) - 1))]), 'Error from server (NotFound): configmaps "settings" not found');
    });

    it('GET without resourceVersionMatch keeps the upstream meaning (not older than): the current object', async () => {
      const current = await object(['-n', NS, 'get', 'deployment', 'web']);
      const first = (await json<RevisionList>(['-n', NS, 'get', 'rev', '--field-selector', 'target.name=web', '-o', 'json'])).items[0].metadata.name;
      expect(await raw(`/apis/apps/v1/namespaces/${NS}/deployments/web?resourceVersion=${first}`)).toEqual(current);
      const old = await raw<{ spec: { template: { spec: { containers: { image: string }[] } } } }>(`/apis/apps/v1/namespaces/${NS}/deployments/web?resourceVersion=${first}&resourceVersionMatch=Exact`);
      expect(old.spec.template.spec.containers[0].image).toBe('nginx:1.25');
      const scale = await raw<{ kind: string; spec: { replicas: number } }>(`/apis/apps/v1/namespaces/${NS}/deployments/web/scale?resourceVersion=${first}&resourceVersionMatch=Exact`);
      expect([scale.kind, scale.spec.replicas]).toEqual(['Scale', 1]);
    });

    it('a list with resourceVersionMatch=Exact holds the objects as they were', async () => {
      const at = (rv: string) => `/api/v1/namespaces/${NS}/configmaps?resourceVersion=${rv}&resourceVersionMatch=Exact`;
      const then = await raw<{ metadata: { resourceVersion: string }; items: KubeObject[] }>(at(rvOf(patched)));
      expect(then.metadata.resourceVersion).toBe(rvOf(patched));
      expect(then.items.filter((o) => o.metadata.name === 'settings')).toEqual([patched]);
      const after = await raw<{ items: KubeObject[] }>(at(deletedRv));
      expect(after.items.filter((o) => o.metadata.name === 'settings')).toEqual([]);
    });

    it('refuses versions ahead of the log (504) and Exact without a usable version (422)', async () => {
      const future = `/api/v1/namespaces/${NS}/configmaps/settings?resourceVersion=999999&resourceVersionMatch=Exact`;
      fails(await kubectl(['get', '--raw', future]), /^Error from server \(Timeout\): Too large resource version: 999999, current: \d+$/);
      fails(
        await kubectl(['get', '--raw', `/api/v1/namespaces/${NS}/configmaps/settings?resourceVersion=0&resourceVersionMatch=Exact`]),
        // kubectl words a 422 as "The <kind> <name> is invalid", from the Status details.
        'The GetOptions "" is invalid: resourceVersionMatch: Forbidden: resourceVersionMatch "exact" is forbidden for resourceVersion "0"',
      );
      fails(
        await kubectl(['get', '--raw', `/api/v1/namespaces/${NS}/configmaps/settings?resourceVersionMatch=Exact`]),
        'The GetOptions "" is invalid: resourceVersionMatch: Forbidden: resourceVersionMatch is forbidden unless resourceVersion is provided',
      );
    });
  });

  describe('after compaction', () => {
    let compacted: number;

    beforeAll(async () => {
      // One more write, so that the deployment's creation is followed by a newer version below the compaction point.
      ok(await kubectl(['-n', NS, 'create', 'configmap', 'marker']));
      const result = await compactEventLog(harness.server.database.db, { events: 1, seconds: 0 });
      compacted = result?.compactedResourceVersion ?? 0;
      expect(compacted).toBeGreaterThan(Number(deletedRv));
    });

    it('reads below the compacted position are 410 Expired, for objects, lists and revisions', async () => {
      const expired = `Error from server (Expired): too old resource version: ${rvOf(patched)} (${compacted})`;
      fails(await kubectl(['get', '--raw', `/api/v1/namespaces/${NS}/configmaps/settings?resourceVersion=${rvOf(patched)}&resourceVersionMatch=Exact`]), expired);
      fails(await kubectl(['get', '--raw', `/api/v1/namespaces/${NS}/configmaps?resourceVersion=${rvOf(patched)}&resourceVersionMatch=Exact`]), expired);
      fails(await kubectl(['-n', NS, 'get', 'revision', rvOf(patched)]), expired);
    });

    it("keeps a live object's latest version, whose diff replaces the whole object once its predecessor is gone", async () => {
      expect((await raw<RevisionList>(`${HISTORY}/namespaces/${NS}/revisions?resource=configmaps&name=settings`)).items).toEqual([]);
      const web = await object(['-n', NS, 'get', 'deployment', 'web']);
      const history = await json<RevisionList>(['-n', NS, 'get', 'rev', '--field-selector', 'target.resource=deployments,target.name=web', '-o', 'json']);
      expect(history.items.map((r) => [r.metadata.name, r.type])).toEqual([[rvOf(web), 'MODIFIED']]);
      expect(history.items[0].diff).toEqual([{ op: 'replace', path: '', value: web }]);
      const table = parseTable(ok(await kubectl(['-n', NS, 'get', 'rev', '--field-selector', 'target.name=web'])));
      expect(table[1].slice(0, 6)).toEqual([rvOf(web), 'deployment.apps/web', 'MODIFIED', 'flotilla-admin', 'kubectl-set', '<replaced>']);
    });
  });
});
