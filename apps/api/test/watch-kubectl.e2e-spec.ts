import { startHarness, type Harness, type KubectlVersion } from '../../../test/support/api-harness';
import { ok } from './support/kubectl-output';
import { kubectlInBackground } from './support/kubectl-watch';
import { rawRequest } from './support/raw-http';

/** The watch-based kubectl commands of issue 4, on every kubectl the project supports. */
describe('kubectl watches', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.stop());

  describe.each(['1.33', '1.32', '1.29', '1.27'] as KubectlVersion[])('kubectl %s', (version) => {
    const ns = `w${version.replace('.', '')}`;
    const kubectl = (args: string[]) => h.kubectl(version, ['-n', ns, ...args]);
    const background = (args: string[]) => kubectlInBackground(h, version, ['-n', ns, ...args]);
    const exitOf = async (bg: ReturnType<typeof background>, pattern: RegExp) => {
      await bg.waitFor(pattern, 20_000);
      await bg.stop();
      return bg.stdout();
    };

    beforeAll(async () => {
      ok(await h.kubectl(version, ['create', 'namespace', ns]));
    });

    it('get -w prints the current rows, then every change as it happens', async () => {
      ok(await kubectl(['create', 'configmap', 'one', '--from-literal=a=1']));
      const watch = background(['get', 'configmaps', '-w']);
      await watch.waitFor(/^one\s+1\s+\d+s$/m);
      ok(await kubectl(['create', 'configmap', 'two', '--from-literal=a=1', '--from-literal=b=2']));
      const out = await exitOf(watch, /^two\s+2\s+\d+s$/m);
      expect(out.split('\n')[0]).toMatch(/^NAME\s+DATA\s+AGE$/);
      expect(out.match(/^one\s/gm)).toHaveLength(1);
    });

    it('get -w -o json prints whole objects with kind and apiVersion', async () => {
      const watch = background(['get', 'configmaps', '-w', '-o', 'json', '--watch-only']);
      await new Promise((r) => setTimeout(r, 500));
      ok(await kubectl(['create', 'configmap', 'three', '--from-literal=c=3']));
      const out = await exitOf(watch, /"name": "three"[\s\S]*\}\n/);
      const first = JSON.parse(out.slice(0, out.indexOf('\n}\n') + 2));
      expect(first).toMatchObject({ kind: 'ConfigMap', apiVersion: 'v1', metadata: { name: 'three', namespace: ns }, data: { c: '3' } });
    });

    it('get <name> -w follows one object only', async () => {
      const watch = background(['get', 'configmap', 'one', '-w']);
      await watch.waitFor(/^one\s/m);
      ok(await kubectl(['label', 'configmap', 'two', 'x=y']));
      ok(await kubectl(['label', 'configmap', 'one', 'x=y']));
      const out = await exitOf(watch, /^one[\s\S]*^one/m);
      expect(out).not.toMatch(/^two\s/m);
    });

    it('--watch-only prints the header from the list but no existing rows', async () => {
      const watch = background(['get', 'configmaps', '--watch-only']);
      await new Promise((r) => setTimeout(r, 500));
      ok(await kubectl(['create', 'configmap', 'four', '--from-literal=d=4']));
      const out = await exitOf(watch, /^four\s/m);
      expect(out).not.toMatch(/^(one|two|three)\s/m);
    });

    it('rollout status waits for the deployment status and ends when it is rolled out', async () => {
      ok(await kubectl(['create', 'deployment', 'web', '--image=nginx', '--replicas=1']));
      const rollout = background(['rollout', 'status', 'deployment/web', '--timeout=25s']);
      await rollout.waitFor(/Waiting for deployment/);
      await new Promise((r) => setTimeout(r, 300));
      expect(rollout.stdout()).not.toMatch(/successfully rolled out/);
      const status = { observedGeneration: 1, replicas: 1, updatedReplicas: 1, readyReplicas: 1, availableReplicas: 1 };
      const res = await rawRequest(h, {
        method: 'PATCH',
        path: `/apis/apps/v1/namespaces/${ns}/deployments/web/status`,
        headers: { 'Content-Type': 'application/merge-patch+json' },
        body: JSON.stringify({ status }),
      });
      expect(res.status).toBe(200);
      expect(await rollout.exit()).toBe(0);
      expect(rollout.stdout().trim().split('\n').pop()).toBe('deployment "web" successfully rolled out');
    });

    it('delete waits until the finalizer is gone', async () => {
      const created = await rawRequest(h, {
        method: 'POST',
        path: `/api/v1/namespaces/${ns}/configmaps`,
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ metadata: { name: 'held', finalizers: ['example.com/hold'] } }),
      });
      expect(created.status).toBe(201);
      const deletion = background(['delete', 'configmap', 'held']);
      await deletion.waitFor(/configmap "held" deleted/);
      await new Promise((r) => setTimeout(r, 300));
      const held = await rawRequest(h, { path: `/api/v1/namespaces/${ns}/configmaps/held` });
      expect(held.json()).toMatchObject({ metadata: { deletionTimestamp: expect.any(String), finalizers: ['example.com/hold'] } });
      const released = await rawRequest(h, {
        method: 'PATCH',
        path: `/api/v1/namespaces/${ns}/configmaps/held`,
        headers: { 'Content-Type': 'application/merge-patch+json' },
        body: JSON.stringify({ metadata: { finalizers: null } }),
      });
      expect(released.status).toBe(200);
      expect(await deletion.exit()).toBe(0);
      expect((await rawRequest(h, { path: `/api/v1/namespaces/${ns}/configmaps/held` })).status).toBe(404);
      expect(deletion.stderr()).toBe('');
    });
  });
});
