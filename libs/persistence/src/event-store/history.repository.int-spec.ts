import type { KubeObject, ObjectKey } from '@flotilla/domain';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/test-database';
import { compactEventLog } from '../compaction/compactor';
import { EventStore } from './event-store';
import type { WriteRequest } from './event-store.types';
import { HistoryRepository } from './history.repository';

const key = (name: string, namespace = 'default'): ObjectKey => ({ group: '', resource: 'configmaps', namespace, name });
const configMap = (name: string, data: Record<string, string>, namespace = 'default'): KubeObject => ({
  apiVersion: 'v1',
  kind: 'ConfigMap',
  metadata: { name, namespace, uid: `uid-${namespace}-${name}` },
  data,
});
const put = (obj: KubeObject, actor?: string, fieldManager?: string): WriteRequest => ({
  key: key(obj.metadata.name as string, obj.metadata.namespace),
  actor,
  fieldManager,
  decide: () => ({ action: 'put', object: obj }),
});
const remove = (name: string): WriteRequest => ({
  key: key(name),
  decide: (current) => (current ? { action: 'delete', object: current } : { action: 'none', object: null }),
});

describe(HistoryRepository.name, () => {
  let database: TestDatabase;
  let store: EventStore;
  let history: HistoryRepository;

  beforeEach(async () => {
    database = await createTestDatabase();
    store = new EventStore(database.db, database.appends);
    history = new HistoryRepository(database.db);
  });
  afterEach(() => database.drop());

  it("lists one object's events oldest first, each with its predecessor, who wrote it and the log position", async () => {
    await store.write(put(configMap('a', { x: '1' }), 'alice', 'kubectl-create'));
    await store.write(put(configMap('other', { y: '1' })));
    await store.write(put(configMap('a', { x: '2' }), 'bob', 'kubectl-edit'));
    await store.write(put(configMap('a', { x: '1' }, 'elsewhere')));
    await store.write(remove('a'));
    await store.write(put(configMap('a', { x: 'again' })));

    const page = await history.list({ group: '', resource: 'configmaps', namespace: 'default', name: 'a', limit: 100 });
    expect(page.resourceVersion).toBe(6);
    expect(page.events.map((e) => [e.resourceVersion, e.type, e.object.data, e.prevResourceVersion, e.prevObject?.data ?? null, e.actor, e.fieldManager])).toEqual([
      [1, 'ADDED', { x: '1' }, null, null, 'alice', 'kubectl-create'],
      [3, 'MODIFIED', { x: '2' }, 1, { x: '1' }, 'bob', 'kubectl-edit'],
      [5, 'DELETED', { x: '2' }, 3, { x: '2' }, null, null],
      [6, 'ADDED', { x: 'again' }, null, null, null, null],
    ]);
    expect(page.events[0].time).toBeInstanceOf(Date);
  });

  it('pages with after/upto and filters by namespace alone', async () => {
    for (let i = 0; i < 5; i++) await store.write(put(configMap('a', { i: String(i) })));
    await store.write(put(configMap('b', {}, 'elsewhere')));
    const first = await history.list({ namespace: 'default', limit: 2 });
    expect(first.events.map((e) => e.resourceVersion)).toEqual([1, 2]);
    const next = await history.list({ namespace: 'default', after: 2, upto: 4, limit: 10 });
    expect(next.events.map((e) => e.resourceVersion)).toEqual([3, 4]);
    expect((await history.list({ namespace: 'elsewhere', limit: 10 })).events.map((e) => e.name)).toEqual(['b']);
  });

  it('reads one event by position, and reports a compacted predecessor as missing', async () => {
    await store.write(put(configMap('a', { x: '1' })));
    await store.write(put(configMap('a', { x: '2' })));
    await store.write(put(configMap('b', {})));
    expect((await history.at(2))?.prevObject?.data).toEqual({ x: '1' });
    expect(await history.at(99)).toBeNull();

    await compactEventLog(database.db, { events: 1, seconds: 0 });
    expect(await history.at(1)).toBeNull();
    const kept = await history.at(2);
    expect([kept?.prevResourceVersion, kept?.prevObject]).toEqual([1, null]);
  });

  it('answers an empty page with the log position on an empty log', async () => {
    expect(await history.list({ limit: 10 })).toEqual({ events: [], resourceVersion: 0 });
  });
});
