import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { startApiServer, type ApiServer, type ApiServerOptions } from '../../apps/api/src/api-server';
import { adminUser } from '../../apps/api/src/auth/authenticator';
import { ensurePki, writeKubeconfig } from '../../apps/api/src/security';
import { createTestDatabase, type TestDatabase } from './test-database';

const run = promisify(execFile);

/** The installed kubectl builds, one binary per minor version. */
export const KUBECTL_DIR = '/usr/lib/google-cloud-sdk/bin';
export type KubectlVersion = '1.27' | '1.28' | '1.29' | '1.30' | '1.31' | '1.32' | '1.33';

export interface Harness {
  server: ApiServer;
  database: TestDatabase;
  dataDir: string;
  kubeconfig: string;
  token: string;
  caCertPem: string;
  /** Starts another API replica on the same database (same CA, token), e.g. on the port of one that was stopped. */
  startReplica(port?: number, options?: Partial<ApiServerOptions>): Promise<ApiServer>;
  /** Runs the real kubectl of `version` with this cluster's kubeconfig and its own discovery cache. */
  kubectl(version: KubectlVersion, args: string[], options?: { input?: string; env?: NodeJS.ProcessEnv }): Promise<KubectlResult>;
  stop(): Promise<void>;
}

export interface KubectlResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Starts one API replica over HTTPS on a fresh database, with a kubeconfig for the real kubectl. */
export async function startHarness(): Promise<Harness> {
  const database = await createTestDatabase('flotilla_e2e');
  const dataDir = await mkdtemp(join(tmpdir(), 'flotilla-e2e-'));
  const pki = await ensurePki(dataDir, []);
  const token = `test-${Math.random().toString(36).slice(2)}${Math.random().toString(36).slice(2)}`;
  const server = await startApiServer({
    databaseUrl: database.url,
    port: 0,
    host: '127.0.0.1',
    tls: { keyPem: pki.keyPem, certPem: pki.certPem },
    tokens: [{ token, user: adminUser() }],
  });
  const kubeconfig = await writeKubeconfig(dataDir, { server: server.url, caCertPem: pki.caCertPem, token });
  const replicas: ApiServer[] = [];
  const startReplica = async (port = 0, options: Partial<ApiServerOptions> = {}) => {
    const replica = await startApiServer({
      databaseUrl: database.url,
      port,
      host: '127.0.0.1',
      tls: { keyPem: pki.keyPem, certPem: pki.certPem },
      tokens: [{ token, user: adminUser() }],
      ...options,
    });
    replicas.push(replica);
    return replica;
  };
  const cacheDirs = new Map<string, string>();
  return {
    server,
    database,
    dataDir,
    kubeconfig,
    token,
    caCertPem: pki.caCertPem,
    startReplica,
    async kubectl(version, args, options = {}) {
      let cache = cacheDirs.get(version);
      if (!cache) cacheDirs.set(version, (cache = join(dataDir, `kubectl-cache-${version}`)));
      const child = run(`${KUBECTL_DIR}/kubectl.${version}`, ['--kubeconfig', kubeconfig, '--cache-dir', cache, ...args], {
        env: { PATH: process.env.PATH, HOME: dataDir, ...options.env },
        timeout: 60_000,
        maxBuffer: 32 * 1024 * 1024,
      });
      if (options.input !== undefined) {
        child.child.stdin?.end(options.input);
      } else {
        child.child.stdin?.end();
      }
      try {
        const { stdout, stderr } = await child;
        return { code: 0, stdout, stderr };
      } catch (e) {
        const err = e as { code?: number; stdout?: string; stderr?: string };
        return { code: typeof err.code === 'number' ? err.code : 1, stdout: err.stdout ?? '', stderr: err.stderr ?? '' };
      }
    },
    async stop() {
      for (const r of replicas) await r.close().catch(() => undefined);
      await server.close().catch(() => undefined);
      await database.drop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** Every kubectl minor version the suites drive, newest first. */
export const KUBECTL_VERSIONS: KubectlVersion[] = ['1.33', '1.32', '1.29', '1.28', '1.27'];

/**
 * One harness for the enclosing describe block: started in beforeAll, stopped in afterAll. The returned object
 * forwards to the running harness, so tests use it like a Harness.
 */
export function useHarness(): Harness {
  let current: Harness | undefined;
  beforeAll(async () => {
    current = await startHarness();
  });
  afterAll(async () => {
    await current?.stop();
  });
  return new Proxy({} as Harness, {
    get(_, key) {
      if (!current) throw new Error('the harness is used before beforeAll started it');
      const value = current[key as keyof Harness];
      return typeof value === 'function' ? value.bind(current) : value;
    },
  });
}
