import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { compactEventLog } from '@flotilla/persistence';
import { startHarness, type Harness } from '../../../test/support/api-harness';
import { writeKubeconfig } from '../src/security';
import type { ApiServer } from '../src/api-server';
import { rawRequest } from './support/raw-http';

interface Dump {
  objects: Record<string, string>;
  errors: number;
  connects: number;
}

/**
 * Issue 4: a client-node informer must end with exactly the store's state across an API-replica restart and across
 * a forced 410 (its resume point compacted away while its watch was between two requests).
 */
describe('client-node informer', () => {
  const ns = 'informed';
  let h: Harness;
  let replica: ApiServer;
  let child: ChildProcessWithoutNullStreams;
  const lines: string[] = [];
  const waiters: (() => void)[] = [];

  const nextLine = (timeoutMs = 10_000) =>
    new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('informer process said nothing')), timeoutMs);
      const take = () => {
        if (lines.length === 0) return false;
        clearTimeout(timer);
        resolve(lines.shift() as string);
        return true;
      };
      if (!take()) waiters.push(() => void take());
    });
  const dump = async (): Promise<Dump> => {
    child.stdin.write('dump\n');
    return JSON.parse(await nextLine()) as Dump;
  };
  const storeState = async () => {
    const list = (await rawRequest(h, { path: `/api/v1/namespaces/${ns}/configmaps` })).json() as { items: { metadata: { name: string; resourceVersion: string } }[] };
    return Object.fromEntries(list.items.map((o) => [o.metadata.name, o.metadata.resourceVersion]));
  };
  /** Polls the informer's cache until it equals the store's state. */
  const converged = async (timeoutMs = 20_000): Promise<Dump> => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const [d, want] = [await dump(), await storeState()];
      if (JSON.stringify(Object.entries(d.objects).sort()) === JSON.stringify(Object.entries(want).sort())) return d;
      if (Date.now() > deadline) throw new Error(`informer cache ${JSON.stringify(d)} never matched the store ${JSON.stringify(want)}`);
      await new Promise((r) => setTimeout(r, 200));
    }
  };
  const write = async (method: string, name: string, data?: Record<string, string>) => {
    const path = `/api/v1/namespaces/${ns}/configmaps${method === 'POST' ? '' : `/${name}`}`;
    const body = method === 'POST' ? JSON.stringify({ metadata: { name }, data }) : method === 'PATCH' ? JSON.stringify({ data }) : undefined;
    const headers: Record<string, string> = { 'Content-Type': method === 'PATCH' ? 'application/merge-patch+json' : 'application/json' };
    const res = await rawRequest(h, { method, path, body, headers });
    expect(res.status).toBeLessThan(300);
  };

  beforeAll(async () => {
    h = await startHarness();
    replica = await h.startReplica(0, { watchMinTimeoutSeconds: 1 });
    await rawRequest(h, { method: 'POST', path: '/api/v1/namespaces', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ metadata: { name: ns } }) });
    await write('POST', 'before', { v: '0' });
    const dir = await mkdtemp(join(tmpdir(), 'flotilla-informer-'));
    const kubeconfig = await writeKubeconfig(dir, { server: replica.url, caCertPem: h.caCertPem, token: h.token });
    child = spawn(process.execPath, [join(__dirname, 'support', 'client-node.informer.mjs'), kubeconfig, ns], { stdio: ['pipe', 'pipe', 'pipe'] });
    createInterface({ input: child.stdout }).on('line', (line) => {
      lines.push(line);
      waiters.splice(0).forEach((w) => w());
    });
    child.stderr.resume();
    expect(JSON.parse(await nextLine(20_000))).toEqual({ synced: true });
  });
  afterAll(async () => {
    child?.kill();
    await h.stop();
  });

  it('follows live changes through the replica it watches', async () => {
    await write('POST', 'a', { v: '1' });
    await write('PATCH', 'before', { v: '1' });
    expect(Object.keys((await converged()).objects).sort()).toEqual(['a', 'before']);
  });

  it('relists after a 410 when its resume point was compacted while its watch was being renewed', async () => {
    // The informer's resume point is its last configmap event in this namespace. Writes elsewhere move the log on;
    // compacting past them expires that point, so when the replica ends the watch (after 1–2 s) the informer's next
    // watch gets 410 Expired and it must list again. The replica's own request metrics show the relist.
    const lists = async () => {
      const text = (await rawRequest(h, { path: '/metrics' }, replica.url)).body;
      return text
        .split('\n')
        .filter((l) => l.startsWith('apiserver_request_total{') && l.includes('verb="LIST"') && l.includes('resource="configmaps"'))
        .reduce((n, l) => n + Number(l.split(' ').pop()), 0);
    };
    const listsBefore = await lists();
    await rawRequest(h, { method: 'POST', path: '/api/v1/namespaces', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ metadata: { name: 'elsewhere' } }) });
    for (let i = 0; i < 5; i++) {
      await rawRequest(h, { method: 'POST', path: '/api/v1/namespaces/elsewhere/configmaps', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ metadata: { name: `x${i}` } }) });
    }
    await compactEventLog(h.database.db, { events: 1, seconds: 0 }, new Date(Date.now() + 3_600_000));
    await new Promise((r) => setTimeout(r, 4500));
    await write('DELETE', 'before');
    await write('POST', 'b', { v: '1' });
    expect(Object.keys((await converged()).objects).sort()).toEqual(['a', 'b']);
    expect(await lists()).toBeGreaterThan(listsBefore);
  });

  it('recovers across a restart of the API replica and ends with exactly the store state', async () => {
    const port = replica.port;
    await replica.close();
    await write('POST', 'during-outage', { v: '1' });
    await write('DELETE', 'a');
    await write('PATCH', 'b', { v: '2' });
    replica = await h.startReplica(port, { watchMinTimeoutSeconds: 1 });
    const after = await converged(30_000);
    expect(Object.keys(after.objects).sort()).toEqual(['b', 'during-outage']);
    expect(after.errors).toBeGreaterThan(0);
  });
});
