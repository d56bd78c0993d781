import { useHarness, KUBECTL_VERSIONS } from '../../../test/support/api-harness';
import { fails, ok } from './support/kubectl-output';

const RFC1123_SUBDOMAIN =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";

const configMapYaml = (ns: string, name: string, extra = '') => `apiVersion: v1
kind: ConfigMap
metadata:
  name: ${name}
  namespace: ${ns}
${extra}data:
  a: "1"
`;

const deploymentWithUnknownField = (ns: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: strict
  namespace: ${ns}
spec:
  replicas: 1
  bogus: 1
  selector:
    matchLabels: {app: strict}
  template:
    metadata:
      labels: {app: strict}
    spec:
      containers:
      - name: c
        image: nginx
`;

describe('kubectl error output', () => {
  const harness = useHarness();

  describe.each(KUBECTL_VERSIONS)('kubectl %s', (version) => {
    const ns = `errors-${version.replace('.', '')}`;
    const kubectl = (args: string[], input?: string) => harness.kubectl(version, ['-n', ns, ...args], { input });

    beforeAll(async () => {
      ok(await harness.kubectl(version, ['create', 'namespace', ns]));
    });

    it('get of a missing object is NotFound', async () => {
      fails(await kubectl(['get', 'pod', 'nope']), 'Error from server (NotFound): pods "nope" not found');
      fails(await kubectl(['get', 'deployment', 'nope']), 'Error from server (NotFound): deployments.apps "nope" not found');
      fails(await kubectl(['delete', 'configmap', 'nope']), 'Error from server (NotFound): configmaps "nope" not found');
    });

    it('a duplicate create is AlreadyExists', async () => {
      ok(await kubectl(['create', 'configmap', 'dup']));
      fails(await kubectl(['create', 'configmap', 'dup']), 'error: failed to create configmap: configmaps "dup" already exists');
      fails(
        await kubectl(['create', '-f', '-'], configMapYaml(ns, 'dup')),
        'Error from server (AlreadyExists): error when creating "STDIN": configmaps "dup" already exists',
      );
    });

    it('an invalid name is Invalid with the field error', async () => {
      fails(await kubectl(['create', 'configmap', 'Bad_Name']), `error: failed to create configmap: ConfigMap "Bad_Name" is invalid: metadata.name: Invalid value: "Bad_Name": ${RFC1123_SUBDOMAIN}`);
      fails(
        await kubectl(['create', '-f', '-'], configMapYaml(ns, 'Bad_Name')),
        `The ConfigMap "Bad_Name" is invalid: metadata.name: Invalid value: "Bad_Name": ${RFC1123_SUBDOMAIN}`,
      );
    });

    it('an unknown resource type is reported by kubectl', async () => {
      fails(await kubectl(['get', 'widgets']), 'error: the server doesn\'t have a resource type "widgets"');
    });

    it('an unsupported field selector is BadRequest', async () => {
      fails(
        await kubectl(['get', 'configmaps', '--field-selector', 'spec.x=y']),
        /^Error from server \(BadRequest\): Unable to find "[^"]*configmaps" that match label selector "", field selector "spec\.x=y": "spec\.x" is not a known field selector: only "metadata\.name", "metadata\.namespace"$/,
      );
    });

    it('a write with a stale resourceVersion is Conflict', async () => {
      ok(await kubectl(['create', 'configmap', 'versioned', '--from-literal=a=0']));
      const stale = ok(await kubectl(['get', 'configmap', 'versioned', '-o', 'jsonpath={.metadata.resourceVersion}']));
      ok(await kubectl(['label', 'configmap', 'versioned', 'bump=1']));
      fails(
        await kubectl(['replace', '-f', '-'], configMapYaml(ns, 'versioned', `  resourceVersion: "${stale}"\n`)),
        'Error from server (Conflict): error when replacing "STDIN": Operation cannot be fulfilled on configmaps "versioned": the object has been modified; please apply your changes to the latest version and try again',
      );
    });

    it('a create in a missing namespace is NotFound for the namespace', async () => {
      fails(await harness.kubectl(version, ['-n', `${ns}-ghost`, 'create', 'configmap', 'x']), `error: failed to create configmap: namespaces "${ns}-ghost" not found`);
    });

    // kubectl 1.27/1.28 load /openapi/v2 for client-side validation, but skip it because /openapi/v3 says the
    // server validates: every version gets the server's answer.
    it('an unknown field with fieldValidation=Strict is a BadRequest strict decoding error', async () => {
      fails(
        await kubectl(['create', '-f', '-'], deploymentWithUnknownField(ns)),
        'Error from server (BadRequest): error when creating "STDIN": Deployment in version "v1" cannot be handled as a Deployment: strict decoding error: unknown field "spec.bogus"',
      );
      fails(await kubectl(['get', 'deployment', 'strict']), 'Error from server (NotFound): deployments.apps "strict" not found');
    });

    it('an unknown field with --validate=warn is created with a warning', async () => {
      const result = await kubectl(['create', '--validate=warn', '-f', '-'], deploymentWithUnknownField(ns));
      expect(result).toEqual({ code: 0, stdout: 'deployment.apps/strict created\n', stderr: 'Warning: unknown field "spec.bogus"\n' });
      ok(await kubectl(['delete', 'deployment', 'strict']));
    });

    it('an unknown field with --validate=false is dropped silently', async () => {
      expect(ok(await kubectl(['create', '--validate=false', '-f', '-'], deploymentWithUnknownField(ns)))).toBe('deployment.apps/strict created\n');
      expect(JSON.parse(ok(await kubectl(['get', 'deployment', 'strict', '-o', 'json']))).spec).not.toHaveProperty('bogus');
    });
  });
});
