import { load as loadYaml } from 'js-yaml';
import { useHarness, KUBECTL_VERSIONS } from '../../../test/support/api-harness';
import { age, ok, parseTable } from './support/kubectl-output';
import { kubectlInBackground } from './support/kubectl-watch';

const IP = /^10\.\d+\.\d+\.\d+$/;

/** Three labelled ConfigMaps, a Deployment and a Service in their own namespace. */
function fixtures(ns: string): string {
  return `apiVersion: v1
kind: Namespace
metadata:
  name: ${ns}
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: beta
  namespace: ${ns}
  labels: {suite: get, app: web, tier: front, rank: "1"}
data:
  k: v
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: alpha
  namespace: ${ns}
  labels: {suite: get, app: web, tier: back, rank: "2"}
data:
  k: v
  k2: v2
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: gamma
  namespace: ${ns}
  labels: {suite: get, app: db}
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: ${ns}
  labels: {app: web}
spec:
  replicas: 2
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
      - name: nginx
        image: nginx:1.27
---
apiVersion: v1
kind: Service
metadata:
  name: web
  namespace: ${ns}
spec:
  selector: {app: web}
  ports:
  - port: 80
    targetPort: 8080
`;
}

describe('kubectl get', () => {
  const harness = useHarness();

  describe.each(KUBECTL_VERSIONS)('kubectl %s', (version) => {
    const ns = `get-${version.replace('.', '')}`;
    const kubectl = (...args: string[]) => harness.kubectl(version, ['-n', ns, ...args]);

    beforeAll(async () => {
      const created = await harness.kubectl(version, ['create', '-f', '-'], { input: fixtures(ns) });
      expect(created).toMatchObject({ code: 0, stderr: '' });
    });

    it('prints a Table with the upstream columns', async () => {
      expect(parseTable(ok(await kubectl('get', 'deployments')))).toEqual([
        ['NAME', 'READY', 'UP-TO-DATE', 'AVAILABLE', 'AGE'],
        ['web', '0/2', '0', '0', age()],
      ]);
      expect(parseTable(ok(await kubectl('get', 'svc')))).toEqual([
        ['NAME', 'TYPE', 'CLUSTER-IP', 'EXTERNAL-IP', 'PORT(S)', 'AGE'],
        ['web', 'ClusterIP', expect.stringMatching(IP), '<none>', '80/TCP', age()],
      ]);
      expect(parseTable(ok(await kubectl('get', 'cm', 'alpha', 'beta', 'gamma')))).toEqual([
        ['NAME', 'DATA', 'AGE'],
        ['alpha', '2', age()],
        ['beta', '1', age()],
        ['gamma', '0', age()],
      ]);
    });

    it('-o wide adds the priority columns', async () => {
      expect(parseTable(ok(await kubectl('get', 'deploy', '-o', 'wide')))).toEqual([
        ['NAME', 'READY', 'UP-TO-DATE', 'AVAILABLE', 'AGE', 'CONTAINERS', 'IMAGES', 'SELECTOR'],
        ['web', '0/2', '0', '0', age(), 'nginx', 'nginx:1.27', 'app=web'],
      ]);
      expect(parseTable(ok(await kubectl('get', 'service', 'web', '-o', 'wide')))).toEqual([
        ['NAME', 'TYPE', 'CLUSTER-IP', 'EXTERNAL-IP', 'PORT(S)', 'AGE', 'SELECTOR'],
        ['web', 'ClusterIP', expect.stringMatching(IP), '<none>', '80/TCP', age(), 'app=web'],
      ]);
    });

    it('get deploy,svc prefixes names with the resource', async () => {
      const stdout = ok(await kubectl('get', 'deploy,svc'));
      const [deployments, services] = stdout.split('\n\n').map(parseTable);
      expect(deployments).toEqual([
        ['NAME', 'READY', 'UP-TO-DATE', 'AVAILABLE', 'AGE'],
        ['deployment.apps/web', '0/2', '0', '0', age()],
      ]);
      expect(services).toEqual([
        ['NAME', 'TYPE', 'CLUSTER-IP', 'EXTERNAL-IP', 'PORT(S)', 'AGE'],
        ['service/web', 'ClusterIP', expect.stringMatching(IP), '<none>', '80/TCP', age()],
      ]);
    });

    it('-o yaml prints the object with sorted keys and without managedFields', async () => {
      const stdout = ok(await kubectl('get', 'configmap', 'alpha', '-o', 'yaml'));
      expect(stdout).toMatch(/^apiVersion: v1\ndata:\n {2}k: v\n {2}k2: v2\nkind: ConfigMap\nmetadata:\n {2}creationTimestamp: "\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ"\n {2}labels:\n/);
      expect(stdout).not.toContain('managedFields');
      const obj = loadYaml(stdout) as { metadata: Record<string, unknown> };
      expect(obj.metadata).toEqual({
        name: 'alpha',
        namespace: ns,
        labels: { suite: 'get', app: 'web', tier: 'back', rank: '2' },
        uid: expect.stringMatching(/^[0-9a-f-]{36}$/),
        resourceVersion: expect.stringMatching(/^\d+$/),
        creationTimestamp: expect.any(String),
      });
    });

    it('-o yaml on a list prints a kind: List', async () => {
      const stdout = ok(await kubectl('get', 'cm', '-l', 'app=web', '-o', 'yaml'));
      expect(stdout).toMatch(/^apiVersion: v1\nitems:\n- apiVersion: v1\n {2}data:\n/);
      expect(stdout).toMatch(/\nkind: List\nmetadata:\n {2}resourceVersion: ""\n$/);
      const list = loadYaml(stdout) as { items: Array<{ kind: string; metadata: { name: string } }> };
      expect(list.items.map((i) => [i.kind, i.metadata.name])).toEqual([
        ['ConfigMap', 'alpha'],
        ['ConfigMap', 'beta'],
      ]);
    });

    it('-o json prints the object and lists with kind and apiVersion on every item', async () => {
      const deployment = JSON.parse(ok(await kubectl('get', 'deploy', 'web', '-o', 'json')));
      expect(deployment).toMatchObject({
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        metadata: { name: 'web', namespace: ns, generation: 1, labels: { app: 'web' } },
        spec: {
          replicas: 2,
          revisionHistoryLimit: 10,
          progressDeadlineSeconds: 600,
          strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' } },
          template: { spec: { containers: [{ name: 'nginx', image: 'nginx:1.27', imagePullPolicy: 'IfNotPresent', terminationMessagePolicy: 'File' }], restartPolicy: 'Always', dnsPolicy: 'ClusterFirst' } },
        },
      });
      const list = JSON.parse(ok(await kubectl('get', 'cm', '-l', 'suite=get', '-o', 'json')));
      expect(list).toMatchObject({ apiVersion: 'v1', kind: 'List', metadata: { resourceVersion: '' } });
      expect(list.items.map((i: { apiVersion: string; kind: string; metadata: { name: string } }) => `${i.apiVersion} ${i.kind} ${i.metadata.name}`)).toEqual([
        'v1 ConfigMap alpha',
        'v1 ConfigMap beta',
        'v1 ConfigMap gamma',
      ]);
    });

    it('-o name prints resource/name', async () => {
      expect(ok(await kubectl('get', 'cm', '-l', 'suite=get', '-o', 'name'))).toBe('configmap/alpha\nconfigmap/beta\nconfigmap/gamma\n');
      expect(ok(await kubectl('get', 'deploy,svc', '-o', 'name'))).toBe('deployment.apps/web\nservice/web\n');
    });

    it('-o jsonpath evaluates against the objects', async () => {
      expect(ok(await kubectl('get', 'cm', '-l', 'app=web', '-o', 'jsonpath={.items[*].metadata.name}'))).toBe('alpha beta');
      expect(ok(await kubectl('get', 'svc', 'web', '-o', 'jsonpath={.spec.ports[0].port}/{.spec.ports[0].protocol}/{.spec.ports[0].targetPort}'))).toBe('80/TCP/8080');
      expect(ok(await kubectl('get', 'svc', 'web', '-o', 'jsonpath={.spec.clusterIP}'))).toMatch(IP);
    });

    it('-o custom-columns prints the chosen fields', async () => {
      expect(parseTable(ok(await kubectl('get', 'cm', '-l', 'suite=get', '-o', 'custom-columns=NAME:.metadata.name,TIER:.metadata.labels.tier,K:.data.k')))).toEqual([
        ['NAME', 'TIER', 'K'],
        ['alpha', 'back', 'v'],
        ['beta', 'front', 'v'],
        ['gamma', '<none>', '<none>'],
      ]);
    });

    it('-A lists across namespaces with a NAMESPACE column', async () => {
      const rows = parseTable(ok(await harness.kubectl(version, ['get', 'deploy', '-A'])));
      expect(rows[0]).toEqual(['NAMESPACE', 'NAME', 'READY', 'UP-TO-DATE', 'AVAILABLE', 'AGE']);
      expect(rows).toContainEqual([ns, 'web', '0/2', '0', '0', age()]);
      const services = parseTable(ok(await harness.kubectl(version, ['get', 'svc', '--all-namespaces'])));
      expect(services).toContainEqual(['default', 'kubernetes', 'ClusterIP', '10.96.0.1', '<none>', '443/TCP', age()]);
      expect(services).toContainEqual([ns, 'web', 'ClusterIP', expect.stringMatching(IP), '<none>', '80/TCP', age()]);
    });

    it('--sort-by orders rows by a field of the full object', async () => {
      expect(parseTable(ok(await kubectl('get', 'cm', '-l', 'app=web', '--sort-by=.metadata.labels.rank')))).toEqual([
        ['NAME', 'DATA', 'AGE'],
        ['beta', '1', age()],
        ['alpha', '2', age()],
      ]);
      expect(ok(await kubectl('get', 'cm', '-l', 'suite=get', '--sort-by={.metadata.labels.tier}', '-o', 'name'))).toBe(
        'configmap/gamma\nconfigmap/alpha\nconfigmap/beta\n',
      );
    });

    it('--show-labels adds a LABELS column', async () => {
      expect(parseTable(ok(await kubectl('get', 'cm', 'alpha', 'gamma', '--show-labels')))).toEqual([
        ['NAME', 'DATA', 'AGE', 'LABELS'],
        ['alpha', '2', age(), 'app=web,rank=2,suite=get,tier=back'],
        ['gamma', '0', age(), 'app=db,suite=get'],
      ]);
    });

    it.each([
      ['tier=front', 'beta'],
      ['tier==back', 'alpha'],
      ['suite=get,tier!=front', 'alpha gamma'],
      ['tier in (front,back)', 'alpha beta'],
      ['suite=get,tier notin (front)', 'alpha gamma'],
      ['suite=get,!tier', 'gamma'],
      ['tier', 'alpha beta'],
      ['app=web,rank in (2)', 'alpha'],
    ])('-l %s selects by labels', async (selector, names) => {
      expect(ok(await kubectl('get', 'cm', '-l', selector, '-o', 'jsonpath={.items[*].metadata.name}'))).toBe(names);
    });

    it('-l with no match prints the namespace message on stderr', async () => {
      const result = await kubectl('get', 'cm', '-l', 'tier=nowhere');
      expect(result).toEqual({ code: 0, stdout: '', stderr: `No resources found in ${ns} namespace.\n` });
    });

    it('--field-selector filters by metadata fields', async () => {
      expect(ok(await kubectl('get', 'cm', '--field-selector', 'metadata.name=beta', '-o', 'name'))).toBe('configmap/beta\n');
      expect(ok(await kubectl('get', 'cm', '-l', 'suite=get', '--field-selector', 'metadata.name!=beta', '-o', 'name'))).toBe('configmap/alpha\nconfigmap/gamma\n');
      expect(ok(await harness.kubectl(version, ['get', 'svc', '-A', '--field-selector', `metadata.namespace=${ns}`, '-o', 'name']))).toBe('service/web\n');
    });

    it('--chunk-size=1 pages through the list and prints one table', async () => {
      expect(parseTable(ok(await kubectl('get', 'cm', '-l', 'suite=get', '--chunk-size=1')))).toEqual([
        ['NAME', 'DATA', 'AGE'],
        ['alpha', '2', age()],
        ['beta', '1', age()],
        ['gamma', '0', age()],
      ]);
      expect(ok(await kubectl('get', 'cm', '-l', 'suite=get', '--chunk-size=1', '-o', 'name'))).toBe('configmap/alpha\nconfigmap/beta\nconfigmap/gamma\n');
    });

    it('-w prints the list, then each change as it happens', async () => {
      const watch = kubectlInBackground(harness, version, ['-n', ns, 'get', 'cm', '-l', 'suite=watch', '-w']);
      try {
        // The watch is open once kubectl has printed its (empty) list; give it a moment to start the follow-up watch.
        await new Promise((r) => setTimeout(r, 1500));
        ok(await kubectl('create', 'configmap', 'watched', '--from-literal=a=1'));
        ok(await kubectl('label', 'configmap', 'watched', 'suite=watch'));
        const seen = await watch.waitFor(/^watched\s+1\s+\d+s\s*$/m);
        expect(parseTable(seen)).toEqual([['NAME', 'DATA', 'AGE'], ['watched', '1', age()]]);
        ok(await kubectl('delete', 'configmap', 'watched'));
        const after = await watch.waitFor(/^watched[^\n]*\n[^\n]*watched/m);
        expect(parseTable(after).slice(1).map((r) => r[0])).toEqual(['watched', 'watched']);
      } finally {
        await watch.stop();
      }
    });

    it('-w -o name prints each event of an existing object', async () => {
      const watch = kubectlInBackground(harness, version, ['-n', ns, 'get', 'cm', '-l', 'app=db', '-w', '-o', 'name']);
      try {
        await watch.waitFor(/^configmap\/gamma\n/);
        await new Promise((r) => setTimeout(r, 1000));
        ok(await kubectl('annotate', 'configmap', 'gamma', `seen-by=${version}`));
        expect(await watch.waitFor(/^configmap\/gamma\nconfigmap\/gamma\n/)).toBe('configmap/gamma\nconfigmap/gamma\n');
      } finally {
        await watch.stop();
      }
    });
  });
});
