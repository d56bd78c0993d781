import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';

/**
 * A child Node program whose output lines are printed with a name prefix, like docker compose does.
 * `exited` resolves with { code, signal } when it ends.
 */
export function startChild(name, script, env, { width = 8, onLine = () => undefined, nodeFlags = [] } = {}) {
  const child = spawn(process.execPath, [...nodeFlags, script], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  const prefix = `${name.padEnd(width)}| `;
  for (const stream of [child.stdout, child.stderr]) {
    createInterface({ input: stream }).on('line', (line) => {
      process.stdout.write(`${prefix}${line}\n`);
      onLine(line);
    });
  }
  const exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  return { name, child, exited, running: () => child.exitCode === null && child.signalCode === null };
}

/** SIGTERM, then SIGKILL after `graceMs`; resolves when the child has exited. */
export async function stopChild(proc, graceMs = 25_000) {
  if (!proc.running()) return proc.exited;
  proc.child.kill('SIGTERM');
  const timer = setTimeout(() => proc.running() && proc.child.kill('SIGKILL'), graceMs);
  const result = await proc.exited;
  clearTimeout(timer);
  return result;
}

export function describeExit({ code, signal }) {
  return signal ? `signal ${signal}` : `exit code ${code}`;
}
