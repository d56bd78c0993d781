import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HttpClient } from './https-client';

/** A bare single-member etcd (Debian `etcd-server`) on loopback with a temporary data directory. */
export interface EtcdServer {
  url: string;
  /** host:port of the same listener for gRPC clients (etcd serves gRPC and the JSON gateway on one port). */
  grpcAddress: string;
  version: string;
  /** A keep-alive client for etcd's v3 JSON gateway (`/v3/kv/put`, `/v3/watch`, …). */
  client(maxSockets: number): HttpClient;
  stop(): Promise<void>;
}

const ETCD = '/usr/bin/etcd';

/** Installs the Debian package when etcd is missing (needs root, as on the bench machines). */
export function ensureEtcdInstalled(log: (m: string) => void): void {
  if (existsSync(ETCD)) return;
  log('etcd is missing: apt-get install -y etcd-server');
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
  execFileSync('apt-get', ['install', '-y', '-qq', 'etcd-server'], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
}

export async function startEtcd(log: (m: string) => void): Promise<EtcdServer> {
  ensureEtcdInstalled(log);
  const version = execFileSync(ETCD, ['--version'], { encoding: 'utf8' }).split('\n')[0].replace(/^etcd Version:\s*/, '');
  const dataDir = await mkdtemp(join(tmpdir(), 'bench-etcd-'));
  const [clientPort, peerPort] = [await freePort(), await freePort()];
  const url = `http://127.0.0.1:${clientPort}`;
  const peer = `http://127.0.0.1:${peerPort}`;
  const child: ChildProcess = spawn(
    ETCD,
    [
      '--name=bench',
      `--data-dir=${dataDir}`,
      `--listen-client-urls=${url}`,
      `--advertise-client-urls=${url}`,
      `--listen-peer-urls=${peer}`,
      `--initial-advertise-peer-urls=${peer}`,
      `--initial-cluster=bench=${peer}`,
      '--initial-cluster-state=new',
      '--log-level=error',
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  // If the bench process dies, etcd must not outlive it.
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  let stderr = '';
  child.stderr?.on('data', (c: Buffer) => (stderr = (stderr + c.toString()).slice(-4000)));
  const clients: HttpClient[] = [];
  const probe = new HttpClient({ baseUrl: url, maxSockets: 1 });
  clients.push(probe);
  const deadline = Date.now() + 20_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`etcd exited (${child.exitCode}): ${stderr}`);
    try {
      const r = await probe.send('GET', '/health');
      if (r.status === 200 && r.body.includes('true')) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`etcd did not become healthy: ${stderr}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    grpcAddress: `127.0.0.1:${clientPort}`,
    version,
    client(maxSockets) {
      const c = new HttpClient({ baseUrl: url, maxSockets });
      clients.push(c);
      return c;
    },
    async stop() {
      clients.forEach((c) => c.destroy());
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      process.off('exit', killOnExit);
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

export const b64 = (s: string): string => Buffer.from(s, 'utf8').toString('base64');
export const unb64 = (s: string): string => Buffer.from(s, 'base64').toString('utf8');

/** The key just after every key with `prefix` (etcd's range_end for a prefix). */
export function prefixEnd(prefix: string): string {
  const bytes = Buffer.from(prefix, 'utf8');
  bytes[bytes.length - 1] += 1;
  return bytes.toString('base64');
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const address = s.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      s.close(() => resolve(port));
    });
  });
}
