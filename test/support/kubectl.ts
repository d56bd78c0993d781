import { execFileSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * Path of a real versioned kubectl (`kubectl.1.33` …). The `kubectl` on PATH of the project's machines
 * is a dispatcher that picks a version from the server's /version, so tests call the versioned binary.
 */
export function kubectlBinary(version = '1.33'): string {
  const name = `kubectl.${version}`;
  const candidates: string[] = [];
  try {
    const dispatcher = execFileSync('sh', ['-c', 'readlink -f "$(command -v kubectl)"'], { encoding: 'utf8' }).trim();
    if (dispatcher) candidates.push(join(dirname(dispatcher), name));
  } catch {
    // no kubectl on PATH: fall through to the known install folder
  }
  candidates.push(join('/usr/lib/google-cloud-sdk/bin', name));
  const found = candidates.find((c) => existsSync(c));
  if (!found) throw new Error(`${name} not found (looked in ${candidates.join(', ')})`);
  return found;
}

export interface KubectlResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs kubectl asynchronously, so an in-process test server can answer it. */
export function runKubectl(args: string[], options: { version?: string; timeoutMs?: number } = {}): Promise<KubectlResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(kubectlBinary(options.version), args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 30_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}
