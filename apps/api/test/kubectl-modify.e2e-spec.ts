import { chmod, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { startHarness, type Harness, type KubectlVersion } from '../../../test/support/api-harness';
import { fails, ok } from './support/kubectl-output';

describe('kubectl edit, patch, label, annotate, scale, set image and describe', () => {
  let harness: Harness;
  let editor: string;

  beforeAll(async () => {
    harness = await startHarness();
    editor = join(harness.dataDir, 'edit.sh');
    await writeFile(editor, `#!/bin/sh\nsed -i -e 's/^  mode: calm$/  mode: edited/' "$1"\n`);
    await chmod(editor, 0o755);
  });

  afterAll(async () => {
    await harness?.stop();
  });

  describe.each(['1.33', '1.32', '1.29', '1.28', '1.27'] as KubectlVersion[])('kubectl %s', (version) => {
    const ns = `modify-${version.replace('.', '')}`;
    const full = version === '1.33' || version === '1.32';
    const kubectl = (args: string[], env?: NodeJS.ProcessEnv) => harness.kubectl(version, ['-n', ns, ...args], { env });
    const json = async (...args: string[]) => JSON.parse(ok(await kubectl(['get', ...args, '-o', 'json'])));

    beforeAll(async () => {
      ok(await harness.kubectl(version, ['create', 'namespace', ns]));
      ok(await kubectl(['create', 'configmap', 'settings', '--from-literal=mode=calm']));
      ok(await kubectl(['create', 'deployment', 'web', '--image=nginx:1.26', '--replicas=2']));
      ok(await kubectl(['create', 'service', 'clusterip', 'web', '--tcp=80:8080']));
    });

    it('label adds, refuses to overwrite, overwrites and removes labels', async () => {
      expect(ok(await kubectl(['label', 'configmap', 'settings', 'env=prod', 'team=core']))).toBe('configmap/settings labeled\n');
      fails(await kubectl(['label', 'configmap', 'settings', 'env=dev']), "error: 'env' already has a value (prod), and --overwrite is false");
      expect(ok(await kubectl(['label', 'configmap', 'settings', 'env=dev', '--overwrite']))).toBe('configmap/settings labeled\n');
      expect(ok(await kubectl(['label', 'configmap', 'settings', 'team-']))).toBe('configmap/settings unlabeled\n');
      expect((await json('configmap', 'settings')).metadata.labels).toEqual({ env: 'dev' });
    });

    it('annotate adds, refuses to overwrite, overwrites and removes annotations', async () => {
      // kubectl 1.27 prints "annotate" where later versions print "annotated".
      const annotated = version === '1.27' ? 'configmap/settings annotate\n' : 'configmap/settings annotated\n';
      expect(ok(await kubectl(['annotate', 'configmap', 'settings', 'note=first', 'owner=me']))).toBe(annotated);
      fails(await kubectl(['annotate', 'configmap', 'settings', 'note=second']), "error: --overwrite is false but found the following declared annotation(s): 'note' already has a value (first)");
      expect(ok(await kubectl(['annotate', 'configmap', 'settings', '--overwrite', 'note=second']))).toBe(annotated);
      expect(ok(await kubectl(['annotate', 'configmap', 'settings', 'owner-']))).toBe(annotated);
      expect((await json('configmap', 'settings')).metadata.annotations).toEqual({ note: 'second' });
    });

    it('patch --type merge', async () => {
      expect(ok(await kubectl(['patch', 'configmap', 'settings', '--type', 'merge', '-p', '{"data":{"extra":"1"}}']))).toBe('configmap/settings patched\n');
      expect(ok(await kubectl(['patch', 'configmap', 'settings', '--type', 'merge', '-p', '{"data":{"extra":"1"}}']))).toBe('configmap/settings patched (no change)\n');
      expect(ok(await kubectl(['patch', 'configmap', 'settings', '--type=merge', '-p', '{"data":{"extra":null}}']))).toBe('configmap/settings patched\n');
      expect((await json('configmap', 'settings')).data).toEqual({ mode: 'calm' });
    });

    it('patch --type strategic merges containers by name', async () => {
      const patch = '{"spec":{"template":{"spec":{"containers":[{"name":"sidecar","image":"busybox"}]}}}}';
      expect(ok(await kubectl(['patch', 'deployment', 'web', '-p', patch]))).toBe('deployment.apps/web patched\n');
      const deployment = await json('deployment', 'web');
      expect(deployment.spec.template.spec.containers.map((c: { name: string; image: string }) => `${c.name}=${c.image}`)).toEqual(['sidecar=busybox', 'nginx=nginx:1.26']);
      expect(deployment.metadata.generation).toBe(2);
      const remove = '{"spec":{"template":{"spec":{"containers":[{"name":"sidecar","$patch":"delete"}]}}}}';
      expect(ok(await kubectl(['patch', 'deployment', 'web', '--type', 'strategic', '-p', remove]))).toBe('deployment.apps/web patched\n');
      expect((await json('deployment', 'web')).spec.template.spec.containers.map((c: { name: string }) => c.name)).toEqual(['nginx']);
    });

    it('patch --type json', async () => {
      const ops = '[{"op":"replace","path":"/spec/replicas","value":4},{"op":"add","path":"/metadata/labels/patched","value":"yes"}]';
      expect(ok(await kubectl(['patch', 'deployment', 'web', '--type', 'json', '-p', ops]))).toBe('deployment.apps/web patched\n');
      const deployment = await json('deployment', 'web');
      expect(deployment.spec.replicas).toBe(4);
      expect(deployment.metadata.labels).toEqual({ app: 'web', patched: 'yes' });
    });

    it('scale sets the replicas through the scale subresource', async () => {
      expect(ok(await kubectl(['scale', 'deployment/web', '--replicas=3']))).toBe('deployment.apps/web scaled\n');
      expect(ok(await kubectl(['get', 'deployment', 'web', '-o', 'jsonpath={.spec.replicas}']))).toBe('3');
      expect(ok(await kubectl(['scale', 'deployment', 'web', '--current-replicas=3', '--replicas=1']))).toBe('deployment.apps/web scaled\n');
      expect(ok(await kubectl(['get', 'deployment', 'web', '-o', 'jsonpath={.spec.replicas}']))).toBe('1');
      fails(await kubectl(['scale', 'deployment', 'web', '--current-replicas=5', '--replicas=2']), 'error: Expected replicas to be 5, was 1');
    });

    it('set image changes the image of a container', async () => {
      expect(ok(await kubectl(['set', 'image', 'deployment/web', 'nginx=nginx:1.27']))).toBe('deployment.apps/web image updated\n');
      expect(ok(await kubectl(['get', 'deployment', 'web', '-o', 'jsonpath={.spec.template.spec.containers[*].image}']))).toBe('nginx:1.27');
      fails(await kubectl(['set', 'image', 'deployment/web', 'missing=nginx']), 'error: unable to find container named "missing"');
    });

    it('edit applies what KUBE_EDITOR changed', async () => {
      expect(ok(await kubectl(['edit', 'configmap', 'settings'], { KUBE_EDITOR: editor }))).toBe('configmap/settings edited\n');
      expect(ok(await kubectl(['get', 'configmap', 'settings', '-o', 'jsonpath={.data.mode}']))).toBe('edited');
      expect(await kubectl(['edit', 'configmap', 'settings'], { KUBE_EDITOR: editor })).toEqual({ code: 0, stdout: '', stderr: 'Edit cancelled, no changes made.\n' });
    });

    if (full) {
      it('describe configmap', async () => {
        const stdout = ok(await kubectl(['describe', 'configmap', 'settings']));
        expect(stdout).toMatch(new RegExp(`^Name: +settings\\nNamespace: +${ns}\\nLabels: +env=dev\\nAnnotations: +note: second\\n\\nData\\n====\\nmode:\\n----\\nedited\\n`));
        expect(stdout).toMatch(/\nEvents: +<none>\n$/);
      });

      it('describe deployment', async () => {
        const stdout = ok(await kubectl(['describe', 'deployment', 'web']));
        expect(stdout).toMatch(/^Name: +web\n/);
        expect(stdout).toMatch(new RegExp(`^Namespace: +${ns}$`, 'm'));
        expect(stdout).toMatch(/^CreationTimestamp: +\w{3}, \d\d \w{3} \d{4} \d\d:\d\d:\d\d \+0000$/m);
        expect(stdout).toMatch(/^Selector: +app=web$/m);
        expect(stdout).toMatch(/^Replicas: +1 desired \| 0 updated \| 0 total \| 0 available \| 0 unavailable$/m);
        expect(stdout).toMatch(/^StrategyType: +RollingUpdate$/m);
        expect(stdout).toMatch(/^RollingUpdateStrategy: +25% max unavailable, 25% max surge$/m);
        expect(stdout).toMatch(/^ {3}nginx:\n {4}Image: +nginx:1\.27$/m);
        // With no ReplicaSets at all (no controller runs here) kubectl prints no OldReplicaSets/NewReplicaSet lines.
        expect(stdout).not.toContain('ReplicaSets:');
        expect(stdout).toMatch(/\nEvents: +<none>\n$/);
      });

      it('describe service', async () => {
        const stdout = ok(await kubectl(['describe', 'service', 'web']));
        expect(stdout).toMatch(/^Name: +web\n/);
        expect(stdout).toMatch(/^Selector: +app=web$/m);
        expect(stdout).toMatch(/^Type: +ClusterIP$/m);
        expect(stdout).toMatch(/^IP Families: +IPv4$/m);
        expect(stdout).toMatch(/^IP: +10\.\d+\.\d+\.\d+$/m);
        expect(stdout).toMatch(/^Port: +80-8080 +80\/TCP$/m);
        expect(stdout).toMatch(/^TargetPort: +8080\/TCP$/m);
        expect(stdout).toMatch(/^Session Affinity: +None$/m);
        expect(stdout).toMatch(/\nEvents: +<none>\n$/);
      });
    }
  });
});
