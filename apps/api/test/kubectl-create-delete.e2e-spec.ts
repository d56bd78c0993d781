import { useHarness, KUBECTL_VERSIONS } from '../../../test/support/api-harness';
import { age, ok, parseTable } from './support/kubectl-output';

const IP = /^10\.\d+\.\d+\.\d+$/;

const configMapYaml = (ns: string, name: string, labels = '{}') => `apiVersion: v1
kind: ConfigMap
metadata:
  name: ${name}
  namespace: ${ns}
  labels: ${labels}
data:
  greeting: hello
`;

describe('kubectl create, run, expose and delete', () => {
  const harness = useHarness();

  describe.each(KUBECTL_VERSIONS)('kubectl %s', (version) => {
    const ns = `create-${version.replace('.', '')}`;
    const kubectl = (args: string[], input?: string) => harness.kubectl(version, ['-n', ns, ...args], { input });

    beforeAll(async () => {
      expect(ok(await harness.kubectl(version, ['create', 'namespace', ns]))).toBe(`namespace/${ns} created\n`);
    });

    it('create -f - creates the objects of a YAML stream', async () => {
      const input = `${configMapYaml(ns, 'from-stdin')}---\n${configMapYaml(ns, 'from-stdin-2')}`;
      expect(ok(await kubectl(['create', '-f', '-'], input))).toBe('configmap/from-stdin created\nconfigmap/from-stdin-2 created\n');
      expect(ok(await kubectl(['get', 'cm', 'from-stdin', '-o', 'jsonpath={.data.greeting}']))).toBe('hello');
    });

    it('create configmap --from-literal', async () => {
      expect(ok(await kubectl(['create', 'configmap', 'literal', '--from-literal=a=1', '--from-literal=b=two']))).toBe('configmap/literal created\n');
      expect(JSON.parse(ok(await kubectl(['get', 'cm', 'literal', '-o', 'jsonpath={.data}'])))).toEqual({ a: '1', b: 'two' });
    });

    it('create secret generic stores base64 data with type Opaque', async () => {
      expect(ok(await kubectl(['create', 'secret', 'generic', 'creds', '--from-literal=password=s3cret']))).toBe('secret/creds created\n');
      expect(ok(await kubectl(['get', 'secret', 'creds', '-o', 'jsonpath={.type} {.data.password}']))).toBe(`Opaque ${Buffer.from('s3cret').toString('base64')}`);
      expect(parseTable(ok(await kubectl(['get', 'secret', 'creds'])))).toEqual([
        ['NAME', 'TYPE', 'DATA', 'AGE'],
        ['creds', 'Opaque', '1', age()],
      ]);
    });

    it('create deployment fills in the defaults', async () => {
      expect(ok(await kubectl(['create', 'deployment', 'web', '--image=nginx:1.27', '--replicas=2']))).toBe('deployment.apps/web created\n');
      const deployment = JSON.parse(ok(await kubectl(['get', 'deploy', 'web', '-o', 'json'])));
      expect(deployment).toMatchObject({
        metadata: { name: 'web', labels: { app: 'web' }, generation: 1 },
        spec: {
          replicas: 2,
          selector: { matchLabels: { app: 'web' } },
          template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.27' }] } },
        },
      });
    });

    it('create service clusterip allocates a cluster IP', async () => {
      expect(ok(await kubectl(['create', 'service', 'clusterip', 'backend', '--tcp=80:8080']))).toBe('service/backend created\n');
      expect(parseTable(ok(await kubectl(['get', 'svc', 'backend', '-o', 'wide'])))).toEqual([
        ['NAME', 'TYPE', 'CLUSTER-IP', 'EXTERNAL-IP', 'PORT(S)', 'AGE', 'SELECTOR'],
        ['backend', 'ClusterIP', expect.stringMatching(IP), '<none>', '80/TCP', age(), 'app=backend'],
      ]);
    });

    it('run creates a pod labelled run=<name>', async () => {
      expect(ok(await kubectl(['run', 'solo', '--image=nginx']))).toBe('pod/solo created\n');
      expect(parseTable(ok(await kubectl(['get', 'pods', '--show-labels'])))).toEqual([
        ['NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE', 'LABELS'],
        ['solo', '0/1', 'Pending', '0', age(), 'run=solo'],
      ]);
    });

    it('expose deployment creates a service selecting its pods', async () => {
      if (!(await harness.kubectl(version, ['-n', ns, 'get', 'deploy', 'web'])).stdout) {
        ok(await kubectl(['create', 'deployment', 'web', '--image=nginx:1.27']));
      }
      expect(ok(await kubectl(['expose', 'deployment', 'web', '--port=80', '--target-port=8080']))).toBe('service/web exposed\n');
      expect(parseTable(ok(await kubectl(['get', 'svc', 'web', '-o', 'wide'])))).toEqual([
        ['NAME', 'TYPE', 'CLUSTER-IP', 'EXTERNAL-IP', 'PORT(S)', 'AGE', 'SELECTOR'],
        ['web', 'ClusterIP', expect.stringMatching(IP), '<none>', '80/TCP', age(), 'app=web'],
      ]);
      expect(ok(await kubectl(['expose', 'deployment', 'web', '--name=web-np', '--port=80', '--type=NodePort']))).toBe('service/web-np exposed\n');
      expect(ok(await kubectl(['get', 'svc', 'web-np', '-o', 'jsonpath={.spec.type} {.spec.ports[0].nodePort}']))).toMatch(/^NodePort 3\d{4}$/);
    });

    it('delete by name', async () => {
      ok(await kubectl(['create', 'configmap', 'doomed']));
      expect(ok(await kubectl(['delete', 'configmap', 'doomed']))).toBe('configmap "doomed" deleted\n');
      expect(await kubectl(['get', 'configmap', 'doomed'])).toMatchObject({ code: 1, stderr: 'Error from server (NotFound): configmaps "doomed" not found\n' });
    });

    it('delete -f - deletes the objects of a YAML stream', async () => {
      ok(await kubectl(['create', '-f', '-'], configMapYaml(ns, 'by-file')));
      expect(ok(await kubectl(['delete', '-f', '-'], configMapYaml(ns, 'by-file')))).toBe('configmap "by-file" deleted\n');
    });

    it('delete -l deletes the matching objects only', async () => {
      const input = [configMapYaml(ns, 'sel-a', '{batch: one}'), configMapYaml(ns, 'sel-b', '{batch: one}'), configMapYaml(ns, 'sel-c', '{batch: two}')].join('---\n');
      ok(await kubectl(['create', '-f', '-'], input));
      expect(ok(await kubectl(['delete', 'configmap', '-l', 'batch=one']))).toBe('configmap "sel-a" deleted\nconfigmap "sel-b" deleted\n');
      expect(ok(await kubectl(['get', 'cm', '-l', 'batch', '-o', 'name']))).toBe('configmap/sel-c\n');
    });

    it('delete --all deletes every object of the type in the namespace', async () => {
      ok(await kubectl(['create', 'secret', 'generic', 'extra', '--from-literal=a=b']));
      expect(ok(await kubectl(['delete', 'secrets', '--all']))).toBe('secret "creds" deleted\nsecret "extra" deleted\n');
      expect(await kubectl(['get', 'secrets'])).toEqual({ code: 0, stdout: '', stderr: `No resources found in ${ns} namespace.\n` });
    });

    it('delete namespace removes it and its contents', async () => {
      const doomed = `${ns}-doomed`;
      ok(await harness.kubectl(version, ['create', 'namespace', doomed]));
      ok(await harness.kubectl(version, ['-n', doomed, 'create', 'configmap', 'inside']));
      expect(ok(await harness.kubectl(version, ['delete', 'namespace', doomed]))).toBe(`namespace "${doomed}" deleted\n`);
      expect(await harness.kubectl(version, ['get', 'namespace', doomed])).toMatchObject({ code: 1, stderr: `Error from server (NotFound): namespaces "${doomed}" not found\n` });
      expect(await harness.kubectl(version, ['get', 'configmaps', '-A', '--field-selector', `metadata.namespace=${doomed}`])).toEqual({ code: 0, stdout: '', stderr: 'No resources found\n' });
    });
  });
});
