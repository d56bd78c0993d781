import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { runKubectl } from '../../../../test/support/kubectl';
import { ensureAdminToken } from './admin-token.store';
import { writeKubeconfig } from './kubeconfig.writer';
import { ensurePki } from './pki.store';

const VERSION = {
  major: '1',
  minor: '33',
  gitVersion: 'v1.33.0-flotilla.stand-in',
  gitCommit: '0000000000000000000000000000000000000000',
  gitTreeState: 'clean',
  buildDate: '2026-01-01T00:00:00Z',
  goVersion: 'go1.24.0',
  compiler: 'gc',
  platform: 'linux/amd64',
};

/** The real kubectl 1.33 against a stand-in HTTPS server that uses what ensurePki generated. */
describe('generated PKI, token and kubeconfig with kubectl 1.33', () => {
  let dataDir: string;
  let server: Server;
  let port: number;
  let token: string;
  const authorizations: (string | undefined)[] = [];

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'flotilla-kubectl-'));
    const pki = await ensurePki(dataDir, [hostname()]);
    token = await ensureAdminToken(dataDir, {});
    server = createServer({ cert: pki.certPem, key: pki.keyPem }, (req, res) => {
      authorizations.push(req.headers.authorization);
      if (req.headers.authorization !== `Bearer ${token}`) {
        res.writeHead(401, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ kind: 'Status', apiVersion: 'v1', status: 'Failure', reason: 'Unauthorized', code: 401 }));
        return;
      }
      res.writeHead(req.url?.startsWith('/version') ? 200 : 404, { 'content-type': 'application/json' });
      res.end(JSON.stringify(req.url?.startsWith('/version') ? VERSION : { kind: 'Status', code: 404 }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });

  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    await rm(dataDir, { recursive: true, force: true });
  });

  it.each([
    ['127.0.0.1', () => `https://127.0.0.1:${port}`],
    ['localhost', () => `https://localhost:${port}`],
  ])('verifies the server as %s and sends the bearer token', async (name, url) => {
    const pki = await ensurePki(dataDir, [hostname()]);
    const kubeconfig = await writeKubeconfig(join(dataDir, name), { server: url(), caCertPem: pki.caCertPem, token });
    const result = await runKubectl([
      '--kubeconfig',
      kubeconfig,
      '--cache-dir',
      join(dataDir, 'cache'),
      'version',
      '-o',
      'json',
    ]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).serverVersion).toEqual(VERSION);
    expect(authorizations.at(-1)).toBe(`Bearer ${token}`);
  });

  it('refuses the server when the kubeconfig carries another CA', async () => {
    const foreign = await ensurePki(join(dataDir, 'foreign'), []);
    const kubeconfig = await writeKubeconfig(join(dataDir, 'foreign'), {
      server: `https://127.0.0.1:${port}`,
      caCertPem: foreign.caCertPem,
      token,
    });
    const before = authorizations.length;
    const result = await runKubectl(['--kubeconfig', kubeconfig, '--cache-dir', join(dataDir, 'cache2'), 'version']);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain('x509: certificate signed by unknown authority');
    expect(authorizations.length).toBe(before);
  });
});
