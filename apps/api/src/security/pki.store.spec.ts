import { X509Certificate } from 'node:crypto';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { createServer, request } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensurePki, pkiPaths } from './pki.store';

async function handshake(pki: { caCertPem: string; certPem: string; keyPem: string }, host: string, servername?: string) {
  const server = createServer({ cert: pki.certPem, key: pki.keyPem }, (_req, res) => res.end('ok'));
  await new Promise<void>((resolve) => server.listen(0, host === '::1' ? '::1' : '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  try {
    return await new Promise<string>((resolve, reject) => {
      const req = request({ host, port, servername, ca: pki.caCertPem, path: '/' }, (res) => {
        let body = '';
        res.on('data', (c: Buffer) => (body += c.toString()));
        res.on('end', () => resolve(body));
      });
      req.on('error', reject);
      req.end();
    });
  } finally {
    server.close();
  }
}

describe(ensurePki.name, () => {
  let dataDir: string;

  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'flotilla-pki-'));
  });
  afterEach(() => rm(dataDir, { recursive: true, force: true }));

  it('creates a P-256 CA and a serving certificate for loopback and the given host names', async () => {
    const pki = await ensurePki(dataDir, ['node-a.example', '10.1.2.3']);
    const ca = new X509Certificate(pki.caCertPem);
    const cert = new X509Certificate(pki.certPem);

    expect(ca.ca).toBe(true);
    expect(ca.subject).toMatch(/^CN=flotilla-ca@\d+$/);
    expect(ca.publicKey.asymmetricKeyDetails).toEqual({ namedCurve: 'prime256v1' });
    expect(cert.ca).toBe(false);
    expect(cert.subject).toBe('CN=flotilla');
    expect(cert.issuer).toBe(ca.subject);
    expect(cert.verify(ca.publicKey)).toBe(true);
    expect(cert.keyUsage).toEqual(['1.3.6.1.5.5.7.3.1']);
    expect(cert.subjectAltName).toBe(
      'IP Address:127.0.0.1, IP Address:0:0:0:0:0:0:0:1, DNS:localhost, DNS:node-a.example, IP Address:10.1.2.3',
    );
    expect(cert.checkPrivateKey(require('node:crypto').createPrivateKey(pki.keyPem))).toBe(true);
    // Go's x509 rejects negative serial numbers.
    expect(Number.parseInt(cert.serialNumber.slice(0, 2), 16)).toBeLessThan(0x80);
    const lifetimeDays = (Date.parse(cert.validTo) - Date.now()) / 86_400_000;
    expect(lifetimeDays).toBeGreaterThan(364);
    expect(lifetimeDays).toBeLessThan(366);
  });

  it('stores keys with mode 0600 and certificates with 0644 under $DATA_DIR/pki', async () => {
    const pki = await ensurePki(dataDir, []);
    const paths = pkiPaths(dataDir);
    expect((await stat(paths.dir)).mode & 0o777).toBe(0o700);
    expect((await stat(paths.caKey)).mode & 0o777).toBe(0o600);
    expect((await stat(paths.key)).mode & 0o777).toBe(0o600);
    expect((await stat(paths.caCert)).mode & 0o777).toBe(0o644);
    expect(await readFile(paths.caCert, 'utf8')).toBe(pki.caCertPem);
    expect(await readFile(paths.cert, 'utf8')).toBe(pki.certPem);
    expect(await readFile(paths.key, 'utf8')).toBe(pki.keyPem);
  });

  it('reuses what it generated', async () => {
    const first = await ensurePki(dataDir, ['node-a']);
    const second = await ensurePki(dataDir, ['node-a']);
    expect(second).toEqual(first);
  });

  it('re-issues the serving certificate from the same CA when a host name is new', async () => {
    const first = await ensurePki(dataDir, ['node-a']);
    const second = await ensurePki(dataDir, ['node-b']);
    expect(second.caCertPem).toBe(first.caCertPem);
    expect(second.certPem).not.toBe(first.certPem);
    expect(new X509Certificate(second.certPem).checkHost('node-b')).toBe('node-b');
  });

  it('re-issues a serving certificate that the stored CA did not sign', async () => {
    const first = await ensurePki(dataDir, []);
    const other = await ensurePki(join(dataDir, 'other'), []);
    await writeFile(pkiPaths(dataDir).cert, other.certPem);
    const repaired = await ensurePki(dataDir, []);
    expect(repaired.caCertPem).toBe(first.caCertPem);
    expect(new X509Certificate(repaired.certPem).verify(new X509Certificate(first.caCertPem).publicKey)).toBe(true);
  });

  it('gives concurrent callers one CA', async () => {
    const results = await Promise.all([ensurePki(dataDir, []), ensurePki(dataDir, []), ensurePki(dataDir, [])]);
    expect(new Set(results.map((r) => r.caCertPem)).size).toBe(1);
    expect(new Set(results.map((r) => r.certPem)).size).toBe(1);
  });

  it('serves TLS that verifies against the CA for 127.0.0.1, ::1 and localhost', async () => {
    const pki = await ensurePki(dataDir, []);
    expect(await handshake(pki, '127.0.0.1')).toBe('ok');
    expect(await handshake(pki, '::1')).toBe('ok');
    expect(await handshake(pki, '127.0.0.1', 'localhost')).toBe('ok');
    await expect(handshake(pki, '127.0.0.1', 'elsewhere.example')).rejects.toThrow(/does not match certificate's altnames/);
  });
});
