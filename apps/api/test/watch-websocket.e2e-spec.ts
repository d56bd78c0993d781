import { compactEventLog } from '@flotilla/persistence';
import { startHarness, type Harness } from '../../../test/support/api-harness';
import { rawRequest } from './support/raw-http';
import { openSocket, refusedUpgrade, type TestSocket } from './support/watch-socket-client';

interface WatchEvent {
  type: string;
  object: { kind: string; apiVersion: string; metadata: { name: string; labels?: Record<string, string>; resourceVersion: string }; code?: number; reason?: string; message?: string };
}

const NS = 'wsw';
const CONFIGMAPS = `/api/v1/namespaces/${NS}/configmaps`;

describe('watch over WebSocket on the watch URLs', () => {
  let harness: Harness;
  const sockets: TestSocket[] = [];

  const create = async (name: string, labels: Record<string, string> = {}, path = CONFIGMAPS, kind = 'ConfigMap') => {
    const res = await rawRequest(harness, {
      method: 'POST',
      path,
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ apiVersion: 'v1', kind, metadata: { name, labels }, data: { k: Buffer.from('v').toString(kind === 'Secret' ? 'base64' : 'utf8') } }),
    });
    expect(res.status).toBe(201);
    return res.json() as WatchEvent['object'];
  };
  const open = async (...args: Parameters<typeof openSocket> extends [unknown, ...infer R] ? R : never) => {
    const s = await openSocket(harness, ...args);
    sockets.push(s);
    return s;
  };
  const named = (type: string, name: string) => (e: WatchEvent) => e.type === type && e.object.metadata?.name === name;

  beforeAll(async () => {
    harness = await startHarness();
    const res = await rawRequest(harness, {
      method: 'POST',
      path: '/api/v1/namespaces',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: NS } }),
    });
    expect(res.status).toBe(201);
    await create('before');
  });

  afterEach(() => {
    for (const s of sockets.splice(0)) s.ws.terminate();
  });

  afterAll(async () => {
    await harness?.stop();
  });

  it('sends one JSON watch event per text message with no subprotocol and the token in the header', async () => {
    const ws = await open(`${CONFIGMAPS}?watch=true`);
    expect(ws.ws.protocol).toBe('');
    // No resourceVersion: the current state first, as synthetic ADDED events.
    await ws.waitFor(named('ADDED', 'before'));
    await create('plain-1');
    const added = await ws.waitFor<WatchEvent>(named('ADDED', 'plain-1'));
    expect(added.object).toMatchObject({ kind: 'ConfigMap', apiVersion: 'v1', metadata: { name: 'plain-1', namespace: NS } });
    expect(ws.frames.every((f) => !f.binary)).toBe(true);
    expect(ws.frames.map((f) => Object.keys(JSON.parse(f.text)))).toEqual(ws.frames.map(() => ['type', 'object']));
  });

  it('honours binary.k8s.io with binary messages', async () => {
    const ws = await open(`${CONFIGMAPS}?watch=true`, { protocols: ['binary.k8s.io'] });
    expect(ws.ws.protocol).toBe('binary.k8s.io');
    await create('binary-1');
    await ws.waitFor(named('ADDED', 'binary-1'));
    expect(ws.frames.length).toBeGreaterThan(1);
    expect(ws.frames.every((f) => f.binary)).toBe(true);
  });

  it('honours base64.binary.k8s.io with base64 text messages, choosing the first protocol it speaks', async () => {
    const ws = await open(`${CONFIGMAPS}?watch=true`, { protocols: ['v9.unknown.example', 'base64.binary.k8s.io', 'binary.k8s.io'], decodeBase64: true });
    expect(ws.ws.protocol).toBe('base64.binary.k8s.io');
    await create('base64-1');
    await ws.waitFor(named('ADDED', 'base64-1'));
    expect(ws.frames.every((f) => !f.binary && /^[A-Za-z0-9+/]+=*$/.test(f.text))).toBe(true);
  });

  it('takes the token from the bearer subprotocol, as browsers send it, and never selects that protocol', async () => {
    const ws = await open(`${CONFIGMAPS}?watch=true`, { auth: 'protocol', protocols: ['base64.binary.k8s.io'], decodeBase64: true });
    expect(ws.ws.protocol).toBe('base64.binary.k8s.io');
    await create('protocol-token-1');
    await ws.waitFor(named('ADDED', 'protocol-token-1'));
  });

  it('serves /api/v1/watch/... URLs and single-object watches', async () => {
    const all = await open(`/api/v1/watch/namespaces/${NS}/configmaps`);
    const one = await open(`/api/v1/watch/namespaces/${NS}/configmaps/single-2`);
    await create('single-1');
    await create('single-2');
    await all.waitFor(named('ADDED', 'single-2'));
    await one.waitFor(named('ADDED', 'single-2'));
    expect(all.messages.some((m) => named('ADDED', 'single-1')(m as WatchEvent))).toBe(true);
    expect(one.messages.map((m) => (m as WatchEvent).object.metadata.name)).toEqual(['single-2']);
  });

  it('applies label and field selectors, with ADDED and DELETED as objects enter and leave the selection', async () => {
    const byLabel = await open(`${CONFIGMAPS}?watch=true&labelSelector=${encodeURIComponent('tier in (front)')}`);
    const byField = await open(`${CONFIGMAPS}?watch=true&fieldSelector=metadata.name%3Dsel-b`);
    await create('sel-a', { tier: 'front' });
    await create('sel-b', { tier: 'back' });
    await byLabel.waitFor(named('ADDED', 'sel-a'));
    await byField.waitFor(named('ADDED', 'sel-b'));
    const patch = await rawRequest(harness, {
      method: 'PATCH',
      path: `${CONFIGMAPS}/sel-a`,
      headers: { 'Content-Type': 'application/merge-patch+json' },
      body: JSON.stringify({ metadata: { labels: { tier: 'back' } } }),
    });
    expect(patch.status).toBe(200);
    const left = await byLabel.waitFor<WatchEvent>(named('DELETED', 'sel-a'));
    expect(left.object.metadata.labels).toEqual({ tier: 'back' });
    expect(byLabel.messages.map((m) => `${(m as WatchEvent).type} ${(m as WatchEvent).object.metadata.name}`)).toEqual(['ADDED sel-a', 'DELETED sel-a']);
    expect(byField.messages.map((m) => `${(m as WatchEvent).type} ${(m as WatchEvent).object.metadata.name}`)).toEqual(['ADDED sel-b']);
  });

  it('resumes from a resourceVersion without the initial state', async () => {
    const first = await create('resume-1');
    await create('resume-2');
    const ws = await open(`${CONFIGMAPS}?watch=true&resourceVersion=${first.metadata.resourceVersion}`);
    await ws.waitFor(named('ADDED', 'resume-2'));
    expect(ws.messages.map((m) => (m as WatchEvent).object.metadata.name)).toEqual(['resume-2']);
  });

  it.each<[string, string, Parameters<typeof refusedUpgrade>[2], number, string, string | RegExp]>([
    ['no credentials', `${CONFIGMAPS}?watch=true`, { auth: 'none' }, 401, 'Unauthorized', 'Unauthorized'],
    ['a wrong token in the header', `${CONFIGMAPS}?watch=true`, { token: 'not-a-token' }, 401, 'Unauthorized', 'Unauthorized'],
    ['a wrong token in the subprotocol', `${CONFIGMAPS}?watch=true`, { auth: 'protocol', token: 'not-a-token', protocols: ['binary.k8s.io'] }, 401, 'Unauthorized', 'Unauthorized'],
    ['an unknown resource', `/api/v1/namespaces/${NS}/widgets?watch=true`, {}, 404, 'NotFound', 'the server could not find the requested resource'],
    ['an unknown group', '/apis/example.com/v1/widgets?watch=true', {}, 404, 'NotFound', 'the server could not find the requested resource'],
    ['a malformed label selector', `${CONFIGMAPS}?watch=true&labelSelector=a%3D%3D%3Db`, {}, 400, 'BadRequest', /unable to parse requirement|found '='|invalid/i],
    [
      'an unsupported field selector',
      `${CONFIGMAPS}?watch=true&fieldSelector=spec.nothing%3Dx`,
      {},
      400,
      'BadRequest',
      '"spec.nothing" is not a known field selector: only "metadata.name", "metadata.namespace"',
    ],
    ['a malformed resourceVersion', `${CONFIGMAPS}?watch=true&resourceVersion=abc`, {}, 400, 'BadRequest', 'resourceVersion: Invalid value: "abc": must be a non-negative integer'],
  ])('answers the upgrade with the Status for %s', async (_name, path, options, code, reason, message) => {
    const refusal = await refusedUpgrade(harness, path, options);
    expect(refusal.status).toBe(code);
    expect(refusal.contentType).toBe('application/json');
    expect(refusal.body).toMatchObject({ kind: 'Status', apiVersion: 'v1', status: 'Failure', code, reason });
    expect(refusal.body.message).toEqual(typeof message === 'string' ? message : expect.stringMatching(message));
    if (code !== 401) {
      // The same Status that plain HTTP answers for that URL.
      const http = await rawRequest(harness, { path });
      expect([http.status, http.json()]).toEqual([code, refusal.body]);
    }
  });

  it('answers a watch from a compacted resourceVersion with 410 Expired before the handshake', async () => {
    const old = await create('compacted-1');
    for (const n of [2, 3, 4]) await create(`compacted-${n}`);
    const result = await compactEventLog(harness.database.db, { events: 1, seconds: 0 });
    expect(result?.compactedResourceVersion).toBeGreaterThan(Number(old.metadata.resourceVersion));
    const refusal = await refusedUpgrade(harness, `${CONFIGMAPS}?watch=true&resourceVersion=${old.metadata.resourceVersion}`);
    expect(refusal.status).toBe(410);
    expect(refusal.body).toMatchObject({
      kind: 'Status',
      status: 'Failure',
      reason: 'Expired',
      code: 410,
      message: `too old resource version: ${old.metadata.resourceVersion} (${result?.compactedResourceVersion})`,
    });
    // Plain HTTP keeps its stream form: 200, then an ERROR event.
    const http = await rawRequest(harness, { path: `${CONFIGMAPS}?watch=true&resourceVersion=${old.metadata.resourceVersion}` });
    expect(http.status).toBe(200);
    expect(JSON.parse(http.body.trim())).toMatchObject({ type: 'ERROR', object: { reason: 'Expired', code: 410 } });
  });

  it('serves a non-watch request that asks for an upgrade as plain HTTP, as kube-apiserver does', async () => {
    const refusal = await refusedUpgrade(harness, CONFIGMAPS);
    expect(refusal.status).toBe(200);
    expect(refusal.body).toMatchObject({ kind: 'ConfigMapList', apiVersion: 'v1' });
    const anonymous = await refusedUpgrade(harness, CONFIGMAPS, { auth: 'none' });
    expect(anonymous.status).toBe(401);
  });

  it('closes the socket when the watch times out', async () => {
    const ws = await open(`${CONFIGMAPS}?watch=true&timeoutSeconds=1`);
    expect(await ws.closed).toEqual({ code: 1000, reason: '' });
  });

  it('ends the server-side watch when the client goes away', async () => {
    const before = await watcherGauge();
    const ws = await open(`${CONFIGMAPS}?watch=true`);
    await ws.waitFor(named('ADDED', 'before'));
    expect(await watcherGauge()).toBe(before + 1);
    ws.close();
    await ws.closed;
    await eventually(async () => expect(await watcherGauge()).toBe(before));
  });

  async function watcherGauge(): Promise<number> {
    const res = await rawRequest(harness, { path: '/metrics' });
    const m = /^flotilla_watchers (\d+)/m.exec(res.body);
    return m ? Number(m[1]) : 0;
  }
});

async function eventually(check: () => Promise<void>, timeoutMs = 5000): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (e) {
      if (Date.now() > until) throw e;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}
