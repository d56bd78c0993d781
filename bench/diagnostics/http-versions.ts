import { fork, type ChildProcess } from 'node:child_process';
import { connect, type ClientHttp2Session } from 'node:http2';
import { join } from 'node:path';
import { LeanPool } from '../support/lean-http';
import { closedLoop } from '../support/load';
import type { DiagnosticOptions } from './diagnostic';

interface Sample {
  cpuMicros: number;
  requests: number;
}

const BODY = JSON.stringify({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'n' }, data: { value: 'v'.repeat(1000) } });
const PATH = '/api/v1/namespaces/ns/configmaps';

/**
 * Would HTTP/2 make a create cheaper? A trivial Node server (trivial-server.ts) answering ~1 KB JSON POSTs, measured
 * over HTTP/1.1 with the bench's lean client, one request in flight per connection, and over cleartext HTTP/2 with
 * Node's client, all clients' streams multiplexed on one connection and on four. It prints the rate and each side's
 * CPU per request. With HTTP/2 one write could carry several answers; on these machines Node's HTTP/2 server spent
 * about 1.5× the CPU per request of its HTTP/1.1 server instead (docs/benchmarks.md).
 */
export async function httpVersions(options: DiagnosticOptions): Promise<void> {
  const clients = options.clients[0];
  await measure('HTTP/1.1, lean client', 'h1', async (port) => {
    const pool = new LeanPool(`http://127.0.0.1:${port}`, clients, { 'Content-Type': 'application/json' });
    return { send: () => pool.request('POST', PATH, BODY, {}).then(() => undefined), close: () => pool.close() };
  });
  for (const connections of [1, 4]) {
    await measure(`HTTP/2, Node's client, ${connections} connection${connections === 1 ? '' : 's'}`, 'h2', async (port) => {
      const sessions = Array.from({ length: connections }, () => connect(`http://127.0.0.1:${port}`));
      let next = 0;
      return {
        send: () => post(sessions[next++ % connections]),
        close: () => sessions.forEach((s) => s.close()),
      };
    });
  }

  async function measure(label: string, version: 'h1' | 'h2', open: (port: number) => Promise<{ send: () => Promise<void>; close: () => void }>) {
    const server = fork(join(__dirname, 'trivial-server.ts'), [version], { execArgv: ['-r', join(__dirname, '../support/register.cjs')] });
    try {
      const { port } = await reply<{ port: number }>(server, { type: 'ready' });
      const client = await open(port);
      try {
        await closedLoop(clients, options.warmupSeconds, client.send);
        const serverBefore = await sample(server);
        const clientBefore = process.cpuUsage();
        const load = await closedLoop(clients, options.seconds, client.send);
        const serverAfter = await sample(server);
        const clientCpu = process.cpuUsage(clientBefore);
        const requests = serverAfter.requests - serverBefore.requests;
        const serverPer = (serverAfter.cpuMicros - serverBefore.cpuMicros) / Math.max(1, requests);
        const clientPer = (clientCpu.user + clientCpu.system) / Math.max(1, load.completed);
        options.log(`${label}, ${clients} clients: ${load.perSecond.toFixed(0)} requests/s; server ${serverPer.toFixed(1)} µs, client ${clientPer.toFixed(1)} µs of CPU per request`);
      } finally {
        client.close();
      }
    } finally {
      server.send({ type: 'stop' });
    }
  }
}

function post(session: ClientHttp2Session): Promise<void> {
  return new Promise((resolve, reject) => {
    const stream = session.request({ ':method': 'POST', ':path': PATH, 'content-type': 'application/json' });
    stream.on('data', () => undefined);
    stream.on('end', () => resolve());
    stream.on('error', reject);
    stream.end(BODY);
  });
}

/** The child's next message of `expect`'s type (sending `expect` first unless it is `ready`). */
function reply<T>(child: ChildProcess, expect: { type: string }): Promise<T> {
  return new Promise((resolve, reject) => {
    const onMessage = (message: { type: string } & T) => {
      if (message.type !== expect.type) return;
      child.off('message', onMessage);
      child.off('exit', onExit);
      resolve(message);
    };
    const onExit = (code: number | null) => reject(new Error(`the trivial server exited (${code}) before answering`));
    child.on('message', onMessage);
    child.once('exit', onExit);
    if (expect.type !== 'ready') child.send(expect);
  });
}

const sample = (child: ChildProcess) => reply<Sample>(child, { type: 'sample' });
