import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const KUBECTL_DIR = '/usr/lib/google-cloud-sdk/bin';

export interface KubectlRun {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs a versioned kubectl binary against a plain-HTTP server with a throwaway kubeconfig and discovery cache,
 * so runs never share cached discovery.
 */
export class Kubectl {
  private readonly dir = mkdtempSync(join(tmpdir(), 'flotilla-kubectl-'));
  private readonly kubeconfig = join(this.dir, 'kubeconfig');

  constructor(
    private readonly minor: number,
    serverUrl: string,
  ) {
    writeFileSync(
      this.kubeconfig,
      [
        'apiVersion: v1',
        'kind: Config',
        'clusters: [{name: c, cluster: {server: "' + serverUrl + '"}}]',
        'users: [{name: u, user: {token: test}}]',
        'contexts: [{name: x, context: {cluster: c, user: u, namespace: default}}]',
        'current-context: x',
        '',
      ].join('\n'),
    );
  }

  file(name: string, content: string): string {
    const path = join(this.dir, name);
    writeFileSync(path, content);
    return path;
  }

  run(...args: string[]): Promise<KubectlRun> {
    const bin = join(KUBECTL_DIR, `kubectl.1.${this.minor}`);
    const fullArgs = ['--kubeconfig', this.kubeconfig, '--cache-dir', join(this.dir, 'cache'), ...args];
    return new Promise((resolve) => {
      execFile(bin, fullArgs, { timeout: 30_000, env: { PATH: process.env.PATH ?? '', HOME: this.dir } }, (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        resolve({ code, stdout, stderr });
      });
    });
  }

  dispose(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}
