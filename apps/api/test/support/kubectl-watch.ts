import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { KUBECTL_DIR, type Harness, type KubectlVersion } from '../../../../test/support/api-harness';

export interface BackgroundKubectl {
  /** Everything printed on stdout so far. */
  readonly stdout: () => string;
  readonly stderr: () => string;
  /** Resolves with stdout once it matches `pattern`; rejects after `timeoutMs`. */
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<string>;
  stop(): Promise<void>;
  /** Resolves with the exit code when kubectl ends by itself; rejects after `timeoutMs`. */
  exit(timeoutMs?: number): Promise<number | null>;
}

/** Starts a long-running kubectl (e.g. `get -w`) with its own discovery cache, killed by `stop()` or after 30 s. */
export function kubectlInBackground(harness: Harness, version: KubectlVersion, args: string[]): BackgroundKubectl {
  const cache = join(harness.dataDir, `kubectl-cache-bg-${version}`);
  const child: ChildProcess = spawn(`${KUBECTL_DIR}/kubectl.${version}`, ['--kubeconfig', harness.kubeconfig, '--cache-dir', cache, ...args], {
    env: { PATH: process.env.PATH, HOME: harness.dataDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  const listeners = new Set<() => void>();
  child.stdout?.on('data', (chunk: Buffer) => {
    out += chunk.toString();
    for (const l of listeners) l();
  });
  child.stderr?.on('data', (chunk: Buffer) => (err += chunk.toString()));
  let exitCode: number | null = null;
  const exited = new Promise<void>((resolve) =>
    child.on('close', (code) => {
      exitCode = code;
      resolve();
    }),
  );
  const killer = setTimeout(() => child.kill('SIGKILL'), 30_000);
  return {
    stdout: () => out,
    stderr: () => err,
    waitFor(pattern, timeoutMs = 10_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          if (!pattern.test(out)) return;
          cleanup();
          resolve(out);
        };
        const timer = setTimeout(() => {
          cleanup();
          reject(new Error(`timed out waiting for ${pattern}; stdout so far:\n${out}\nstderr:\n${err}`));
        }, timeoutMs);
        const cleanup = () => {
          clearTimeout(timer);
          listeners.delete(check);
        };
        listeners.add(check);
        check();
      });
    },
    async exit(timeoutMs = 10_000) {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`kubectl did not exit in ${timeoutMs} ms; stdout:\n${out}\nstderr:\n${err}`)), timeoutMs);
      });
      try {
        await Promise.race([exited, timeout]);
      } finally {
        clearTimeout(timer);
        clearTimeout(killer);
      }
      return exitCode;
    },
    async stop() {
      clearTimeout(killer);
      child.kill('SIGTERM');
      await exited;
    },
  };
}
