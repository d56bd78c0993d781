import { readFileSync } from 'node:fs';
import { request } from 'node:https';

/** One GET /readyz over TLS verified against the cluster CA; resolves to the status code or undefined. */
function probe(port, caFile) {
  let ca;
  try {
    ca = readFileSync(caFile, 'utf8');
  } catch {
    return Promise.resolve(undefined); // the API has not written its CA yet
  }
  return new Promise((resolve) => {
    const req = request({ host: '127.0.0.1', port, path: '/readyz', ca, timeout: 2000 }, (res) => {
      res.resume();
      resolve(res.statusCode);
    });
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve(undefined));
    req.end();
  });
}

/** Polls /readyz until it answers 200; `alive()` false or the deadline ends the wait with an error. */
export async function waitForReady(port, caFile, { alive, timeoutMs = 120_000, intervalMs = 250 }) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!alive()) return false;
    if ((await probe(port, caFile)) === 200) return true;
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
  throw new Error(`the API did not answer GET /readyz with 200 on port ${port} within ${timeoutMs / 1000} s`);
}
