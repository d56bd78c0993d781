import { compactEventLog } from '@flotilla/persistence';
import { startHarness, type Harness } from '../../../test/support/api-harness';
import { rawRequest } from './support/raw-http';
import { rawWatch } from './support/raw-watch';

/** Watch semantics over chunked HTTP, checked against what kube-apiserver does (issue 4 §1). */
describe('watch semantics', () => {
  let h: Harness;
  const ns = 'watching';
  const base = `/api/v1/namespaces/${ns}/configmaps`;

  const create = async (name: string, labels: Record<string, string> = {}) => {
    const res = await rawRequest(h, {
      method: 'POST',
      path: base,
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, labels }, data: { v: '1' } }),
    });
    expect(res.status).toBe(201);
    return res.json() as { metadata: { resourceVersion: string } };
  };
  const patch = async (name: string, body: unknown) => {
    const res = await rawRequest(h, { method: 'PATCH', path: `${base}/${name}`, headers: { 'Content-Type': 'application/merge-patch+json' }, body: JSON.stringify(body) });
    expect(res.status).toBe(200);
    return res.json() as { metadata: { resourceVersion: string } };
  };
  const remove = async (name: string) => expect((await rawRequest(h, { method: 'DELETE', path: `${base}/${name}` })).status).toBe(200);
  const summary = (events: { type: string; object: { metadata: { name?: string } } }[]) => events.map((e) => `${e.type} ${e.object.metadata.name ?? ''}`.trim());

  beforeAll(async () => {
    h = await startHarness();
    await rawRequest(h, { method: 'POST', path: '/api/v1/namespaces', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ metadata: { name: ns } }) });
  });
  afterAll(() => h.stop());

  it('without a resourceVersion sends the current state as ADDED, then changes', async () => {
    await create('w-a');
    const w = await rawWatch(h, `${base}?watch=true&fieldSelector=metadata.name%3Dw-a`);
    await w.waitForEvents(1);
    await patch('w-a', { data: { v: '2' } });
    await remove('w-a');
    const events = await w.waitForEvents(3);
    w.close();
    expect(summary(events)).toEqual(['ADDED w-a', 'MODIFIED w-a', 'DELETED w-a']);
    expect(events.every((e) => e.object.kind === 'ConfigMap' && e.object.apiVersion === 'v1')).toBe(true);
  });

  it('from an exact resourceVersion replays exactly the later events, none before', async () => {
    const first = await create('w-b');
    await patch('w-b', { data: { v: '2' } });
    await patch('w-b', { data: { v: '3' } });
    const w = await rawWatch(h, `${base}?watch=true&resourceVersion=${first.metadata.resourceVersion}&fieldSelector=metadata.name%3Dw-b`);
    const events = await w.waitForEvents(2);
    w.close();
    expect(events.map((e) => [e.type, (e.object as { data?: { v: string } }).data?.v])).toEqual([
      ['MODIFIED', '2'],
      ['MODIFIED', '3'],
    ]);
  });

  it('turns label-selector transitions into ADDED and DELETED for that watcher', async () => {
    const c = await create('w-c', { tier: 'back' });
    const w = await rawWatch(h, `${base}?watch=true&resourceVersion=${c.metadata.resourceVersion}&labelSelector=tier%3Dfront`);
    await patch('w-c', { metadata: { labels: { tier: 'front' } } });
    await patch('w-c', { data: { v: 'x' } });
    await patch('w-c', { metadata: { labels: { tier: 'back' } } });
    await patch('w-c', { data: { v: 'y' } });
    await create('w-d', { tier: 'front' });
    const events = await w.waitForEvents(4);
    w.close();
    expect(summary(events)).toEqual(['ADDED w-c', 'MODIFIED w-c', 'DELETED w-c', 'ADDED w-d']);
    expect(events[2].object.metadata.labels).toEqual({ tier: 'back' });
  });

  it('sendInitialEvents ends the initial state with the k8s.io/initial-events-end bookmark', async () => {
    await create('w-e', { set: 'initial' });
    await create('w-f', { set: 'initial' });
    const w = await rawWatch(
      h,
      `${base}?watch=true&sendInitialEvents=true&resourceVersionMatch=NotOlderThan&allowWatchBookmarks=true&labelSelector=set%3Dinitial`,
    );
    const events = await w.waitForEvents(3);
    w.close();
    expect(summary(events)).toEqual(['ADDED w-e', 'ADDED w-f', 'BOOKMARK']);
    expect(events[2].object.metadata.annotations).toEqual({ 'k8s.io/initial-events-end': 'true' });
    expect(Number(events[2].object.metadata.resourceVersion)).toBeGreaterThanOrEqual(Number(events[1].object.metadata.resourceVersion));
  });

  it('ends at timeoutSeconds with a last bookmark', async () => {
    const current = await create('w-g');
    const w = await rawWatch(h, `${base}?watch=true&resourceVersion=${current.metadata.resourceVersion}&timeoutSeconds=1&allowWatchBookmarks=true`);
    await w.ended;
    expect(summary(w.events)).toEqual(['BOOKMARK']);
    expect(w.events[0].object).toEqual({ kind: 'ConfigMap', apiVersion: 'v1', metadata: { resourceVersion: current.metadata.resourceVersion } });
  });

  it('answers a compacted resourceVersion with an ERROR event of reason Expired (410), and lists with 410', async () => {
    const old = await create('w-h');
    for (let i = 0; i < 5; i++) await patch('w-h', { data: { v: String(i) } });
    await compactEventLog(h.database.db, { events: 2, seconds: 0 }, new Date(Date.now() + 3_600_000));
    const w = await rawWatch(h, `${base}?watch=true&resourceVersion=${old.metadata.resourceVersion}`);
    await w.ended;
    expect(w.status).toBe(200);
    expect(w.events).toEqual([
      { type: 'ERROR', object: expect.objectContaining({ kind: 'Status', status: 'Failure', reason: 'Expired', code: 410 }) },
    ]);
    const list = await rawRequest(h, { path: `${base}?resourceVersion=${old.metadata.resourceVersion}&resourceVersionMatch=Exact` });
    expect(list.status).toBe(410);
    expect(list.json()).toMatchObject({ kind: 'Status', reason: 'Expired', code: 410 });
  });

  it('refuses a list not older than a future resourceVersion with 504 Too large resource version', async () => {
    const res = await rawRequest(h, { path: `${base}?resourceVersion=999999999&resourceVersionMatch=NotOlderThan` });
    expect(res.status).toBe(504);
    expect(res.json()).toMatchObject({ reason: 'Timeout', message: expect.stringMatching(/^Too large resource version: 999999999, current: \d+$/) });
  });
});
