import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { load } from 'js-yaml';
import { kubeconfigPath, writeKubeconfig } from './kubeconfig.writer';

const CA = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n';

describe(writeKubeconfig.name, () => {
  let dataDir: string;

  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'flotilla-kubeconfig-'));
  });
  afterEach(() => rm(dataDir, { recursive: true, force: true }));

  it('writes a flotilla cluster, user and context with the CA inline and the token, mode 0600', async () => {
    const path = await writeKubeconfig(dataDir, { server: 'https://127.0.0.1:6443', caCertPem: CA, token: 'tok' });
    expect(path).toBe(kubeconfigPath(dataDir));
    expect(path).toBe(join(dataDir, 'kubeconfig'));
    expect((await stat(path)).mode & 0o777).toBe(0o600);
    expect(load(await readFile(path, 'utf8'))).toEqual({
      apiVersion: 'v1',
      kind: 'Config',
      clusters: [
        {
          name: 'flotilla',
          cluster: {
            server: 'https://127.0.0.1:6443',
            'certificate-authority-data': Buffer.from(CA).toString('base64'),
          },
        },
      ],
      users: [{ name: 'flotilla', user: { token: 'tok' } }],
      contexts: [{ name: 'flotilla', context: { cluster: 'flotilla', user: 'flotilla' } }],
      'current-context': 'flotilla',
      preferences: {},
    });
  });

  it('replaces an existing kubeconfig', async () => {
    await writeKubeconfig(dataDir, { server: 'https://127.0.0.1:1', caCertPem: CA, token: 'old' });
    await writeKubeconfig(dataDir, { server: 'https://127.0.0.1:2', caCertPem: CA, token: 'new' });
    const config = load(await readFile(kubeconfigPath(dataDir), 'utf8')) as { users: { user: { token: string } }[] };
    expect(config.users[0].user.token).toBe('new');
  });
});
