import 'reflect-metadata';
import { X509Certificate as NodeX509Certificate, webcrypto, randomBytes } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { isIP } from 'node:net';
import { join } from 'node:path';
import * as x509 from '@peculiar/x509';
import { readIfExists, withDirectoryLock, writeFileAtomic } from './private-file';

export interface PkiMaterial {
  caCertPem: string;
  certPem: string;
  keyPem: string;
}

/** Names every serving certificate covers, whatever the caller passes. */
export const LOOPBACK_NAMES = ['127.0.0.1', '::1', 'localhost'];

const CURVE = { name: 'ECDSA', namedCurve: 'P-256' } as const;
const SIGNING = { name: 'ECDSA', hash: 'SHA-256' } as const;
const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
const CA_LIFETIME_MS = 3650 * DAY_MS;
const SERVING_LIFETIME_MS = 365 * DAY_MS;
/** A serving certificate this close to its end is re-issued at start instead of reused. */
const RENEW_BEFORE_MS = 30 * DAY_MS;

type CryptoKey = webcrypto.CryptoKey;
type CryptoKeyPair = webcrypto.CryptoKeyPair;

const crypto = webcrypto;
// Named explicitly rather than relying on the library finding globalThis.crypto.
x509.cryptoProvider.set(crypto as never);

export function pkiPaths(dataDir: string) {
  const dir = join(dataDir, 'pki');
  return {
    dir,
    caCert: join(dir, 'ca.crt'),
    caKey: join(dir, 'ca.key'),
    cert: join(dir, 'server.crt'),
    key: join(dir, 'server.key'),
    lock: join(dir, '.lock'),
  };
}

/** Positive and at most 16 bytes, as RFC 5280 asks and Go's x509 enforces. */
function serialNumber(): string {
  const bytes = randomBytes(16);
  bytes[0] = (bytes[0] & 0x7f) | 0x01;
  return bytes.toString('hex');
}

async function exportKeyPem(key: CryptoKey): Promise<string> {
  const der = await crypto.subtle.exportKey('pkcs8', key);
  return x509.PemConverter.encode(der, 'PRIVATE KEY');
}

async function importKeyPem(pem: string): Promise<CryptoKey> {
  return crypto.subtle.importKey('pkcs8', x509.PemConverter.decodeFirst(pem), CURVE, true, ['sign']);
}

async function generateKeys(): Promise<CryptoKeyPair> {
  return crypto.subtle.generateKey(CURVE, true, ['sign', 'verify']);
}

async function createCa(now: number): Promise<{ certPem: string; keyPem: string }> {
  const keys = await generateKeys();
  const cert = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: serialNumber(),
    name: `CN=flotilla-ca@${Math.floor(now / 1000)}`,
    notBefore: new Date(now - HOUR_MS),
    notAfter: new Date(now + CA_LIFETIME_MS),
    signingAlgorithm: SIGNING,
    keys,
    extensions: [
      new x509.BasicConstraintsExtension(true, 0, true),
      new x509.KeyUsagesExtension(
        x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign | x509.KeyUsageFlags.digitalSignature,
        true,
      ),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
    ],
  });
  return { certPem: cert.toString('pem'), keyPem: await exportKeyPem(keys.privateKey) };
}

async function createServing(
  ca: { certPem: string; keyPem: string },
  names: string[],
  now: number,
): Promise<{ certPem: string; keyPem: string }> {
  const caCert = new x509.X509Certificate(ca.certPem);
  const caKey = await importKeyPem(ca.keyPem);
  const keys = await generateKeys();
  const notAfter = Math.min(now + SERVING_LIFETIME_MS, caCert.notAfter.getTime());
  const cert = await x509.X509CertificateGenerator.create({
    serialNumber: serialNumber(),
    subject: 'CN=flotilla',
    issuer: caCert.subject,
    notBefore: new Date(now - HOUR_MS),
    notAfter: new Date(notAfter),
    signingAlgorithm: SIGNING,
    publicKey: keys.publicKey,
    signingKey: caKey,
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
      new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.serverAuth]),
      new x509.SubjectAlternativeNameExtension(
        names.map((name) => ({ type: isIP(name) ? ('ip' as const) : ('dns' as const), value: name })),
      ),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
      await x509.AuthorityKeyIdentifierExtension.create(caCert.publicKey),
    ],
  });
  return { certPem: cert.toString('pem'), keyPem: await exportKeyPem(keys.privateKey) };
}

function servingNames(hostnames: string[]): string[] {
  const names = [...LOOPBACK_NAMES, ...hostnames.map((h) => h.trim().toLowerCase())].filter((n) => n !== '');
  return [...new Set(names)];
}

function caUsable(caCertPem: string, now: number): boolean {
  const ca = new NodeX509Certificate(caCertPem);
  return ca.ca && Date.parse(ca.validTo) - now > RENEW_BEFORE_MS;
}

function servingUsable(certPem: string, caCertPem: string, names: string[], now: number): boolean {
  const cert = new NodeX509Certificate(certPem);
  const ca = new NodeX509Certificate(caCertPem);
  if (!cert.verify(ca.publicKey) || Date.parse(cert.validTo) - now <= RENEW_BEFORE_MS) return false;
  return names.every((name) => (isIP(name) ? cert.checkIP(name) : cert.checkHost(name)) !== undefined);
}

/**
 * Returns the cluster CA and a serving certificate for 127.0.0.1, ::1, localhost and `hostnames`,
 * generating them once into `$dataDir/pki/` (keys mode 0600) and reusing them afterwards. A serving
 * certificate that misses a requested name, expires within 30 days or was not signed by the stored CA
 * is re-issued from the same CA, so existing kubeconfigs keep working.
 */
export async function ensurePki(dataDir: string, hostnames: string[]): Promise<PkiMaterial> {
  const paths = pkiPaths(dataDir);
  const names = servingNames(hostnames);
  await mkdir(paths.dir, { recursive: true, mode: 0o700 });
  return withDirectoryLock(paths.lock, async () => {
    const now = Date.now();
    let caCertPem = await readIfExists(paths.caCert);
    let caKeyPem = await readIfExists(paths.caKey);
    if (caCertPem === undefined || caKeyPem === undefined || !caUsable(caCertPem, now)) {
      const ca = await createCa(now);
      await writeFileAtomic(paths.caKey, ca.keyPem, 0o600);
      await writeFileAtomic(paths.caCert, ca.certPem, 0o644);
      caCertPem = ca.certPem;
      caKeyPem = ca.keyPem;
    }

    let certPem = await readIfExists(paths.cert);
    let keyPem = await readIfExists(paths.key);
    if (certPem === undefined || keyPem === undefined || !servingUsable(certPem, caCertPem, names, now)) {
      const serving = await createServing({ certPem: caCertPem, keyPem: caKeyPem }, names, now);
      await writeFileAtomic(paths.key, serving.keyPem, 0o600);
      await writeFileAtomic(paths.cert, serving.certPem, 0o644);
      certPem = serving.certPem;
      keyPem = serving.keyPem;
    }
    return { caCertPem, certPem, keyPem };
  });
}
