import { useHarness, KUBECTL_VERSIONS } from '../../../test/support/api-harness';
import { fails, ok } from './support/kubectl-output';

const deploymentYaml = (ns: string, replicas: number, image: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: app
  namespace: ${ns}
spec:
  replicas: ${replicas}
  selector:
    matchLabels: {app: app}
  template:
    metadata:
      labels: {app: app}
    spec:
      containers:
      - name: nginx
        image: ${image}
`;

const configMapYaml = (ns: string, name: string, data: Record<string, string>) =>
  `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\n  namespace: ${ns}\ndata:\n${Object.entries(data)
    .map(([k, v]) => `  ${k}: "${v}"\n`)
    .join('')}`;

const CONFLICT_HELP = `Please review the fields above--they currently have other managers. Here
are the ways you can resolve this warning:
* If you intend to manage all of these fields, please re-run the apply
  command with the \`--force-conflicts\` flag.`;

interface ManagedFieldsEntry {
  manager: string;
  operation: string;
  fieldsV1: { 'f:data'?: Record<string, unknown> };
}

describe('kubectl apply', () => {
  const harness = useHarness();

  describe.each(KUBECTL_VERSIONS)('kubectl %s', (version) => {
    const ns = `apply-${version.replace('.', '')}`;
    const full = version === '1.33' || version === '1.32';
    const kubectl = (args: string[], input?: string) => harness.kubectl(version, ['-n', ns, ...args], { input });
    const deploymentJson = async () => JSON.parse(ok(await kubectl(['get', 'deployment', 'app', '-o', 'json'])));

    beforeAll(async () => {
      ok(await harness.kubectl(version, ['create', 'namespace', ns]));
    });

    it('first apply creates the object with the last-applied annotation', async () => {
      expect(ok(await kubectl(['apply', '-f', '-'], deploymentYaml(ns, 2, 'nginx:1.26')))).toBe('deployment.apps/app created\n');
      const deployment = await deploymentJson();
      const lastApplied = JSON.parse(deployment.metadata.annotations['kubectl.kubernetes.io/last-applied-configuration']);
      expect(lastApplied).toEqual({
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        metadata: { annotations: {}, name: 'app', namespace: ns },
        spec: {
          replicas: 2,
          selector: { matchLabels: { app: 'app' } },
          template: { metadata: { labels: { app: 'app' } }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.26' }] } },
        },
      });
    });

    it('a second apply of the same manifest is unchanged', async () => {
      expect(ok(await kubectl(['apply', '-f', '-'], deploymentYaml(ns, 2, 'nginx:1.26')))).toBe('deployment.apps/app unchanged\n');
    });

    it('a second apply with changes patches replicas and the container by name', async () => {
      expect(ok(await kubectl(['apply', '-f', '-'], deploymentYaml(ns, 3, 'nginx:1.27')))).toBe('deployment.apps/app configured\n');
      const deployment = await deploymentJson();
      expect(deployment.metadata.generation).toBe(2);
      expect(deployment.spec.replicas).toBe(3);
      expect(deployment.spec.template.spec.containers).toEqual([
        expect.objectContaining({ name: 'nginx', image: 'nginx:1.27', imagePullPolicy: 'IfNotPresent' }),
      ]);
    });

    it('apply --dry-run=server reports the change and stores nothing', async () => {
      expect(ok(await kubectl(['apply', '--dry-run=server', '-f', '-'], deploymentYaml(ns, 5, 'nginx:1.27')))).toBe(
        'deployment.apps/app configured (server dry run)\n',
      );
      expect((await deploymentJson()).spec.replicas).toBe(3);
    });

    it('apply --dry-run=client sends no write', async () => {
      expect(ok(await kubectl(['apply', '--dry-run=client', '-f', '-'], deploymentYaml(ns, 6, 'nginx:1.27')))).toBe(
        'deployment.apps/app configured (dry run)\n',
      );
      expect(ok(await kubectl(['apply', '--dry-run=client', '-f', '-'], configMapYaml(ns, 'never', { a: '1' })))).toBe(
        'configmap/never created (dry run)\n',
      );
      expect((await deploymentJson()).spec.replicas).toBe(3);
      expect((await kubectl(['get', 'configmap', 'never'])).stderr).toBe('Error from server (NotFound): configmaps "never" not found\n');
    });

    it('apply --server-side creates the object owned by the kubectl field manager', async () => {
      expect(ok(await kubectl(['apply', '--server-side', '-f', '-'], configMapYaml(ns, 'ssa', { a: '1', b: '2' })))).toBe(
        'configmap/ssa serverside-applied\n',
      );
      const cm = JSON.parse(ok(await kubectl(['get', 'configmap', 'ssa', '-o', 'json', '--show-managed-fields'])));
      expect(cm.data).toEqual({ a: '1', b: '2' });
      expect(cm.metadata.managedFields).toEqual([
        {
          manager: 'kubectl',
          operation: 'Apply',
          apiVersion: 'v1',
          time: expect.stringMatching(/Z$/),
          fieldsType: 'FieldsV1',
          fieldsV1: { 'f:data': { 'f:a': {}, 'f:b': {} } },
        },
      ]);
    });

    if (full) {
      it('apply --server-side --dry-run=server stores nothing', async () => {
        expect(ok(await kubectl(['apply', '--server-side', '--dry-run=server', '-f', '-'], configMapYaml(ns, 'ssa', { a: '1', b: '3' })))).toBe(
          'configmap/ssa serverside-applied (server dry run)\n',
        );
        expect(ok(await kubectl(['get', 'configmap', 'ssa', '-o', 'jsonpath={.data.b}']))).toBe('2');
      });

      it('apply --server-side by another manager conflicts, and --force-conflicts takes the field over', async () => {
        const manifest = configMapYaml(ns, 'ssa', { a: 'mine' });
        const conflict = await kubectl(['apply', '--server-side', '--field-manager=other', '-f', '-'], manifest);
        fails(conflict, /^error: Apply failed with 1 conflict: conflict with "kubectl": \.data\.a\n/);
        expect(conflict.stderr).toContain(CONFLICT_HELP);
        expect(ok(await kubectl(['get', 'configmap', 'ssa', '-o', 'jsonpath={.data.a}']))).toBe('1');

        expect(ok(await kubectl(['apply', '--server-side', '--field-manager=other', '--force-conflicts', '-f', '-'], manifest))).toBe(
          'configmap/ssa serverside-applied\n',
        );
        const cm = JSON.parse(ok(await kubectl(['get', 'configmap', 'ssa', '-o', 'json', '--show-managed-fields'])));
        expect(cm.data).toEqual({ a: 'mine', b: '2' });
        const owned = Object.fromEntries((cm.metadata.managedFields as ManagedFieldsEntry[]).map((m) => [m.manager, m.fieldsV1['f:data']]));
        expect(owned).toEqual({ kubectl: { 'f:b': {} }, other: { 'f:a': {} } });
      });

      it('apply --server-side takes over an object last applied client-side', async () => {
        expect(ok(await kubectl(['apply', '--server-side', '-f', '-'], deploymentYaml(ns, 4, 'nginx:1.27')))).toBe('deployment.apps/app serverside-applied\n');
        expect((await deploymentJson()).spec.replicas).toBe(4);
      });
    }
  });
});
