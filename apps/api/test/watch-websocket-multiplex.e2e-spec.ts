import { compactEventLog } from '@flotilla/persistence';
import { startHarness, type Harness } from '../../../test/support/api-harness';
import { rawRequest } from './support/raw-http';
import { openSocket, refusedUpgrade, type TestSocket } from './support/watch-socket-client';

const PATH = '/flotilla/v1/watch';
const PROTOCOL = 'v1.watch.flotilla.dev';
const NS = 'mux';

interface Message {
  id?: string;
  type?: string;
  op?: string;
  reason?: string;
  object?: { kind: string; metadata: { name: string; resourceVersion: string }; code?: number; reason?: string; message?: string };
  status?: { kind: string; code: number; reason: string; message: string };
}

describe('multiplexed watch socket', () => {
  let harness: Harness;
  const sockets: TestSocket[] = [];

  const post = async (path: string, body: Record<string, unknown>) => {
    const res = await rawRequest(harness, { method: 'POST', path, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
    expect(res.status).toBe(201);
    return res.json() as { metadata: { resourceVersion: string } };
  };
  const configMap = (name: string, labels: Record<string, string> = {}) =>
    post(`/api/v1/namespaces/${NS}/configmaps`, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, labels }, data: { a: '1' } });
  const secret = (name: string) => post(`/api/v1/namespaces/${NS}/secrets`, { apiVersion: 'v1', kind: 'Secret', metadata: { name }, stringData: { a: '1' } });
  const open = async (options: Parameters<typeof openSocket>[2] = {}) => {
    const s = await openSocket(harness, PATH, options);
    sockets.push(s);
    return s;
  };
  const event = (id: string, type: string, name: string) => (m: Message) => m.id === id && m.type === type && m.object?.metadata?.name === name;
  const control = (id: string, op: string) => (m: Message) => m.id === id && m.op === op;
  const summary = (s: TestSocket, id: string) =>
    (s.messages as Message[]).filter((m) => m.id === id).map((m) => (m.op ? `${m.op}${m.reason ? ` ${m.reason}` : ''}` : `${m.type} ${m.object?.metadata?.name}`));

  beforeAll(async () => {
    harness = await startHarness();
    await post('/api/v1/namespaces', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: NS } });
  });

  afterEach(() => {
    for (const s of sockets.splice(0)) s.ws.terminate();
  });

  afterAll(async () => {
    await harness?.stop();
  });

  it('streams two resources on one socket, each event tagged with its subscription, and stops one on unsubscribe', async () => {
    const ws = await open();
    ws.send({ op: 'subscribe', id: 'cms', resource: 'configmaps', group: '', version: 'v1', namespace: NS, labelSelector: 'app=web' });
    ws.send({ op: 'subscribe', id: 'secrets', resource: 'secrets', namespace: NS });
    await ws.waitFor(control('cms', 'subscribed'));
    await ws.waitFor(control('secrets', 'subscribed'));
    await configMap('web-1', { app: 'web' });
    await configMap('db-1', { app: 'db' });
    await secret('token-1');
    await ws.waitFor(event('cms', 'ADDED', 'web-1'));
    await ws.waitFor(event('secrets', 'ADDED', 'token-1'));

    ws.send({ op: 'unsubscribe', id: 'cms' });
    await ws.waitFor(control('cms', 'ended'));
    await configMap('web-2', { app: 'web' });
    await secret('token-2');
    await ws.waitFor(event('secrets', 'ADDED', 'token-2'));
    expect(summary(ws, 'cms')).toEqual(['subscribed', 'ADDED web-1', 'ended unsubscribed']);
    expect(summary(ws, 'secrets')).toEqual(['subscribed', 'ADDED token-1', 'ADDED token-2']);
    const added = (ws.messages as Message[]).find(event('secrets', 'ADDED', 'token-1'));
    expect(Object.keys(added as object)).toEqual(['id', 'type', 'object']);
    expect(added?.object).toMatchObject({ kind: 'Secret', apiVersion: 'v1', metadata: { name: 'token-1', namespace: NS } });
  });

  it('watches another API group, a single object, and from a resourceVersion', async () => {
    const first = await configMap('rv-1');
    await configMap('rv-2');
    const ws = await open();
    ws.send({ op: 'subscribe', id: 'deploys', group: 'apps', version: 'v1', resource: 'deployments', namespace: NS });
    ws.send({ op: 'subscribe', id: 'one', resource: 'configmaps', namespace: NS, name: 'rv-2' });
    ws.send({ op: 'subscribe', id: 'since', resource: 'configmaps', namespace: NS, resourceVersion: first.metadata.resourceVersion, labelSelector: '!app' });
    await ws.waitFor(control('deploys', 'subscribed'));
    await post(`/apis/apps/v1/namespaces/${NS}/deployments`, {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'd1' },
      spec: { selector: { matchLabels: { app: 'd1' } }, template: { metadata: { labels: { app: 'd1' } }, spec: { containers: [{ name: 'c', image: 'nginx' }] } } },
    });
    await ws.waitFor(event('deploys', 'ADDED', 'd1'));
    await ws.waitFor(event('one', 'ADDED', 'rv-2'));
    await ws.waitFor(event('since', 'ADDED', 'rv-2'));
    expect(summary(ws, 'one')).toEqual(['subscribed', 'ADDED rv-2']);
    expect(summary(ws, 'since')).toEqual(['subscribed', 'ADDED rv-2']);
  });

  it('reports a subscription that cannot start as an ERROR Status for its id, and keeps the others', async () => {
    const old = await configMap('old-1');
    for (const n of [2, 3]) await configMap(`old-${n}`);
    const compacted = await compactEventLog(harness.database.db, { events: 1, seconds: 0 });
    const ws = await open();
    ws.send({ op: 'subscribe', id: 'live', resource: 'configmaps', namespace: NS });
    ws.send({ op: 'subscribe', id: 'widgets', resource: 'widgets', namespace: NS });
    ws.send({ op: 'subscribe', id: 'badsel', resource: 'configmaps', namespace: NS, fieldSelector: 'spec.x=1' });
    ws.send({ op: 'subscribe', id: 'expired', resource: 'configmaps', namespace: NS, resourceVersion: old.metadata.resourceVersion });
    ws.send({ op: 'subscribe', id: 'nodes-in-ns', resource: 'nodes', namespace: NS });
    for (const id of ['widgets', 'badsel', 'expired', 'nodes-in-ns']) await ws.waitFor(control(id, 'ended'));
    const error = (id: string) => (ws.messages as Message[]).find((m) => m.id === id && m.type === 'ERROR')?.object;
    expect(error('widgets')).toMatchObject({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', reason: 'NotFound', code: 404, message: 'the server could not find the requested resource' });
    expect(error('badsel')).toMatchObject({ kind: 'Status', reason: 'BadRequest', code: 400, message: '"spec.x" is not a known field selector: only "metadata.name", "metadata.namespace"' });
    expect(error('expired')).toMatchObject({
      kind: 'Status',
      reason: 'Expired',
      code: 410,
      message: `too old resource version: ${old.metadata.resourceVersion} (${compacted?.compactedResourceVersion})`,
    });
    expect(error('nodes-in-ns')).toMatchObject({ reason: 'NotFound', code: 404 });
    expect(summary(ws, 'expired')).toEqual(['ERROR undefined', 'ended error']);
    await configMap('after-errors');
    await ws.waitFor(event('live', 'ADDED', 'after-errors'));
  });

  it('refuses malformed commands without disturbing the socket', async () => {
    const ws = await open();
    ws.send('{not json');
    ws.send({ op: 'subscribe', resource: 'pods' });
    ws.send({ op: 'watch', id: 'w1' });
    ws.send({ op: 'subscribe', id: 'w2', resource: 'pods', timeoutSeconds: 'soon' });
    ws.send({ op: 'unsubscribe', id: 'nobody' });
    ws.send({ op: 'subscribe', id: 'dup', resource: 'configmaps', namespace: NS });
    ws.send({ op: 'subscribe', id: 'dup', resource: 'configmaps', namespace: NS });
    await ws.waitFor(control('dup', 'rejected'));
    await ws.waitFor(control('nobody', 'rejected'));
    await ws.waitFor(control('w2', 'rejected'));
    const rejected = (ws.messages as Message[]).filter((m) => m.op === 'rejected').map((m) => [m.id, m.status?.code, m.status?.message]);
    expect(rejected).toEqual(
      expect.arrayContaining([
        [undefined, 400, 'message is not valid JSON'],
        [undefined, 400, 'id: Required value: a string of 1 to 128 characters'],
        ['w1', 400, 'op: Unsupported value: "watch": supported values: "subscribe", "unsubscribe"'],
        ['w2', 400, 'timeoutSeconds: Invalid value: must be a non-negative integer'],
        ['nobody', 404, 'subscription "nobody" not found'],
        ['dup', 409, 'subscription "dup" already exists'],
      ]),
    );
    expect(rejected).toHaveLength(6);
    await configMap('after-rejections');
    await ws.waitFor(event('dup', 'ADDED', 'after-rejections'));
    expect(ws.ws.readyState).toBe(ws.ws.OPEN);
  });

  it('ends a subscription at its timeout', async () => {
    const ws = await open();
    ws.send({ op: 'subscribe', id: 't', resource: 'configmaps', namespace: NS, timeoutSeconds: 1 });
    const ended = await ws.waitFor(control('t', 'ended'), 5000);
    expect(ended).toEqual({ id: 't', op: 'ended', reason: 'timeout' });
  });

  it('authenticates with the bearer subprotocol and selects the multiplex protocol', async () => {
    const ws = await open({ auth: 'protocol', protocols: [PROTOCOL] });
    expect(ws.ws.protocol).toBe(PROTOCOL);
    ws.send({ op: 'subscribe', id: 'p', resource: 'configmaps', namespace: NS });
    await ws.waitFor(control('p', 'subscribed'));
  });

  it.each<[string, Parameters<typeof refusedUpgrade>[2]]>([
    ['no credentials', { auth: 'none' }],
    ['a wrong token', { token: 'nope' }],
    ['a wrong token in the subprotocol', { auth: 'protocol', token: 'nope', protocols: [PROTOCOL] }],
  ])('answers %s with 401 before the handshake', async (_name, options) => {
    const refusal = await refusedUpgrade(harness, PATH, options);
    expect(refusal.status).toBe(401);
    expect(refusal.body).toEqual({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', reason: 'Unauthorized', code: 401, message: 'Unauthorized' });
  });
});
