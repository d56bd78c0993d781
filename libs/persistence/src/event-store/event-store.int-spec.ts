import { Kysely, PostgresDialect, sql } from 'kysely';
import { ConflictError, ForbiddenError, NotFoundError, type KubeObject, type ObjectKey } from '@flotilla/domain';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/test-database';
import { compactEventLog } from '../compaction/compactor';
import { LogTailer } from '../watch/log-tailer';
import { WatchHub } from '../watch/watch-hub';
import type { DB } from '../schema';
import { PipelinedClient } from '../pipelined-client';
import { EventStore, type EventStoreOptions } from './event-store';
import type { StoredEvent, WriteRequest, WriteResult } from './event-store.types';

const key = (name: string, namespace = 'default'): ObjectKey => ({ group: '', resource: 'configmaps', namespace, name });
const configMap = (name: string, data: Record<string, string>, namespace = 'default'): KubeObject => ({
  apiVersion: 'v1',
  kind: 'ConfigMap',
  metadata: { name, namespace, uid: `uid-${namespace}-${name}` },
  data,
});

/** A ConfigMap Postgres refuses to store: a text column (its uid) cannot hold a NUL character. */
const refused = (name: string): KubeObject => ({ ...configMap(name, {}), metadata: { name, namespace: 'default', uid: 'a\u0000b' } });

const put = (obj: KubeObject): WriteRequest => ({
  key: key(obj.metadata.name as string, obj.metadata.namespace),
  decide: () => ({ action: 'put', object: obj }),
});
const remove = (name: string): WriteRequest => ({
  key: key(name),
  decide: (current) => (current ? { action: 'delete', object: current } : { action: 'none', object: null }),
});

describe(EventStore.name, () => {
  let database: TestDatabase;
  let store: EventStore;
  const pipelines: PipelinedClient[] = [];
  /** A store as a replica has it: its appends pipelined on a connection of its own. */
  const newStore = (options: EventStoreOptions = {}): EventStore => {
    const appends = new PipelinedClient(database.url);
    pipelines.push(appends);
    return new EventStore(database.db, appends, options);
  };

  beforeEach(async () => {
    database = await createTestDatabase();
    store = newStore();
  });
  afterEach(async () => {
    await Promise.all(pipelines.splice(0).map((p) => p.close()));
    await database.drop();
  });

  it('appends ADDED, MODIFIED and DELETED events with consecutive resourceVersions and keeps the projection', async () => {
    const a = await store.write(put(configMap('a', { x: '1' })));
    const b = await store.write(put(configMap('a', { x: '2' })));
    const c = await store.write(remove('a'));
    expect([a.type, b.type, c.type]).toEqual(['ADDED', 'MODIFIED', 'DELETED']);
    expect([a.resourceVersion, b.resourceVersion, c.resourceVersion]).toEqual([1, 2, 3]);
    expect(b.object?.metadata.resourceVersion).toBe('2');
    expect(await store.get(key('a'))).toBeNull();
    const events = await store.readEvents(0);
    expect(events.map((e) => [e.resourceVersion, e.type, e.object.data, e.prevObject?.data ?? null])).toEqual([
      [1, 'ADDED', { x: '1' }, null],
      [2, 'MODIFIED', { x: '2' }, { x: '1' }],
      [3, 'DELETED', { x: '2' }, { x: '2' }],
    ]);
    await store.write(put(configMap('a', { x: 'again' })));
    expect((await store.readEvents(3))[0].prevObject).toBeNull();
  });

  it('rejects only the write whose decision throws, even inside a shared batch', async () => {
    await store.write(put(configMap('a', { x: '1' })));
    const conflicting: WriteRequest = {
      key: key('a'),
      decide: (current) => {
        if (current?.metadata.resourceVersion !== '999') throw new ConflictError('', 'configmaps', 'a', 'stale');
        return { action: 'put', object: current };
      },
    };
    const results = await Promise.allSettled([store.write(put(configMap('b', {}))), store.write(conflicting), store.write(put(configMap('c', {})))]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((results[1] as PromiseRejectedResult).reason).toBeInstanceOf(ConflictError);
    expect(await store.currentResourceVersion()).toBe(3);
  });

  it("checks a write's requirement in the batch's own state, after the writes before it", async () => {
    const nsKey: ObjectKey = { group: '', resource: 'namespaces', namespace: '', name: 'ns' };
    const namespace = (terminating: boolean): KubeObject => ({
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name: 'ns', uid: 'uid-ns', ...(terminating ? { deletionTimestamp: '2026-01-01T00:00:00Z' } : {}) },
    });
    const inNamespace = (name: string): WriteRequest => ({
      ...put(configMap(name, {}, 'ns')),
      requires: {
        key: nsKey,
        check: (ns) => {
          if (!ns) throw new NotFoundError('', 'namespaces', 'ns');
          if (ns.metadata.deletionTimestamp) throw new ForbiddenError('ns is being terminated');
        },
      },
    });
    const putNamespace = (terminating: boolean): WriteRequest => ({ key: nsKey, decide: () => ({ action: 'put', object: namespace(terminating) }) });

    await expect(store.write(inNamespace('early'))).rejects.toBeInstanceOf(NotFoundError);
    await expect(store.dryRun(inNamespace('early'))).rejects.toBeInstanceOf(NotFoundError);
    const created = await Promise.allSettled([store.write(putNamespace(false)), store.write(inNamespace('a'))]);
    expect(created.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled']);
    expect((await store.dryRun(inNamespace('b'))).type).toBe('ADDED');
    const refused = await Promise.allSettled([store.write(putNamespace(true)), store.write(inNamespace('b'))]);
    expect(refused.map((r) => r.status)).toEqual(['fulfilled', 'rejected']);
    expect((refused[1] as PromiseRejectedResult).reason).toBeInstanceOf(ForbiddenError);
    expect(await store.get(key('b', 'ns'))).toBeNull();
    expect((await store.readEvents(0)).map((e) => e.name)).toEqual(['ns', 'a', 'ns']);
  });

  describe('writes decided without reading (expects)', () => {
    const nsKey: ObjectKey = { group: '', resource: 'namespaces', namespace: '', name: 'ns' };
    const namespace = (terminating: boolean): KubeObject => ({
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name: 'ns', uid: 'uid-ns', ...(terminating ? { deletionTimestamp: '2026-01-01T00:00:00Z' } : {}) },
    });
    const putNamespace = (terminating: boolean): WriteRequest => ({ key: nsKey, decide: () => ({ action: 'put', object: namespace(terminating) }) });
    /** As the API's create: refuses any stored object, requires a live namespace. */
    const create = (name: string): WriteRequest => ({
      key: key(name, 'ns'),
      expects: null,
      decide: (current) => {
        if (current) throw new ConflictError('', 'configmaps', name, 'already exists');
        return { action: 'put', object: configMap(name, { n: name }, 'ns') };
      },
      requires: {
        key: nsKey,
        check: (ns) => {
          if (!ns) throw new NotFoundError('', 'namespaces', 'ns');
          if (ns.metadata.deletionTimestamp) throw new ForbiddenError('ns is being terminated');
        },
      },
    });
    const reads = (s: EventStore) => jest.spyOn(s as unknown as { loadCurrent: () => unknown }, 'loadCurrent');

    it('reads once to learn the namespace, then appends creates without reading', async () => {
      await store.write(putNamespace(false));
      const loads = reads(store);
      await store.write(create('first'));
      expect(loads).toHaveBeenCalledTimes(1);
      const results = await Promise.all(Array.from({ length: 20 }, (_, i) => store.write(create(`c${i}`))));
      expect(loads).toHaveBeenCalledTimes(1);
      expect(results.map((r) => r.type)).toEqual(Array(20).fill('ADDED'));
      const events = await store.readEvents(0);
      expect(events.map((e) => e.resourceVersion)).toEqual(range(1, 22));
      expect(events.slice(2).map((e) => [e.type, e.prevObject, e.object.data])).toEqual(results.map((_, i) => ['ADDED', null, { n: `c${i}` }]));
      expect((await store.get(key('c7', 'ns')))?.data).toEqual({ n: 'c7' });
    });

    it('sends the next batch of creates while the one ahead of it commits', async () => {
      const chained = newStore({ maxBatch: 4 });
      await chained.write(putNamespace(false));
      await chained.write(create('first'));
      const internals = chained as unknown as { append(...args: unknown[]): Promise<number | null> };
      const append = internals.append.bind(chained);
      let outstanding = 0;
      let most = 0;
      jest.spyOn(internals, 'append').mockImplementation(async (...args) => {
        most = Math.max(most, ++outstanding);
        try {
          return await append(...args);
        } finally {
          outstanding--;
        }
      });
      const results = await Promise.all(Array.from({ length: 40 }, (_, i) => chained.write(create(`c${i}`))));
      expect(results.map((r) => r.resourceVersion)).toEqual(range(3, 42));
      expect(most).toBe(2);
    });

    it('refuses a create whose key another store created meanwhile, and lands its neighbours', async () => {
      await store.write(putNamespace(false));
      await store.write(create('known'));
      const other = newStore();
      await other.write(create('taken'));
      const results = await Promise.allSettled([store.write(create('x')), store.write(create('taken')), store.write(create('y'))]);
      expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
      expect((results[1] as PromiseRejectedResult).reason).toBeInstanceOf(ConflictError);
      expect((await store.get(key('taken', 'ns')))?.metadata.uid).toBe('uid-ns-taken');
      expect((await store.readEvents(0)).filter((e) => e.name === 'taken')).toHaveLength(1);
    });

    it('refuses creates in a namespace another store began terminating since it was read', async () => {
      await store.write(putNamespace(false));
      await store.write(create('before'));
      await newStore().write(putNamespace(true));
      await expect(store.write(create('after'))).rejects.toBeInstanceOf(ForbiddenError);
      expect(await store.get(key('after', 'ns'))).toBeNull();
    });

    it('has Postgres refuse what it assumed when it no longer holds: a key it wrote itself, a namespace changed before its last read', async () => {
      await store.write(putNamespace(false));
      await store.write(create('dup'));
      await expect(store.write(create('dup'))).rejects.toBeInstanceOf(ConflictError);
      // Another store terminates the namespace; this store then reads (for another key) and so knows the log moved.
      await newStore().write(putNamespace(true));
      await store.write(put(configMap('elsewhere', {})));
      await expect(store.write(create('after'))).rejects.toBeInstanceOf(ForbiddenError);
      expect(await store.get(key('after', 'ns'))).toBeNull();
      expect((await store.readEvents(0)).map((e) => e.name)).toEqual(['ns', 'dup', 'ns', 'elsewhere']);
    });

    it('lets two stores create side by side: a blind batch lands at the log end as it finds it, resourceVersions moved', async () => {
      const other = newStore();
      await store.write(putNamespace(false));
      await Promise.all([store.write(create('learn-1')), other.write(create('learn-2'))]);
      const locked = [store, other].map((s) => jest.spyOn(s as unknown as { commitLocked: () => unknown }, 'commitLocked'));
      const results: WriteResult[] = [];
      for (let i = 0; i < 10; i++) results.push(...(await Promise.all([store.write(create(`a${i}`)), other.write(create(`b${i}`))])));
      for (const spy of locked) expect(spy).not.toHaveBeenCalled();
      const events = await store.readEvents(0);
      expect(events.map((e) => e.resourceVersion)).toEqual(range(1, events.length));
      for (const e of events) expect(e.object.metadata.resourceVersion).toBe(String(e.resourceVersion));
      for (const r of results) {
        expect(r.object?.metadata.resourceVersion).toBe(String(r.resourceVersion));
        expect((await store.get(key(r.object?.metadata.name as string, 'ns')))?.metadata.resourceVersion).toBe(String(r.resourceVersion));
      }
      const rows = await database.db.selectFrom('objects').select(['name', 'resource_version', 'object']).execute();
      for (const row of rows) expect((JSON.parse(row.object) as KubeObject).metadata.resourceVersion).toBe(String(row.resource_version));
    });

    it('keeps creating without the lock while another store appends between its chained batches', async () => {
      const [mine, other] = [newStore({ maxBatch: 4 }), newStore({ maxBatch: 4 })];
      await mine.write(putNamespace(false));
      await Promise.all([mine.write(create('learn-1')), other.write(create('learn-2'))]);
      const locked = [mine, other].map((s) => jest.spyOn(s as unknown as { commitLocked: () => unknown }, 'commitLocked'));
      // Eight writers per store, each creating back to back: each store chains its batches, the other's land between
      // them, and a refused batch is decided again: floating, one at a time, while the other goes on writing.
      const writer = async (s: EventStore, prefix: string) => {
        const results: WriteResult[] = [];
        for (let i = 0; i < 15; i++) results.push(await s.write(create(`${prefix}-${i}`)));
        return results;
      };
      const results = (await Promise.all([mine, other].flatMap((s, n) => Array.from({ length: 8 }, (_, w) => writer(s, `s${n}w${w}`))))).flat();
      for (const spy of locked) expect(spy).not.toHaveBeenCalled();
      expect(results.map((r) => r.type)).toEqual(Array(240).fill('ADDED'));
      const events = await mine.readEvents(0);
      expect(events.map((e) => e.resourceVersion)).toEqual(range(1, 243));
      for (const e of events) expect(e.object.metadata.resourceVersion).toBe(String(e.resourceVersion));
      const stored = new Map((await database.db.selectFrom('objects').select(['name', 'resource_version']).execute()).map((r) => [r.name, Number(r.resource_version)]));
      for (const r of results) expect(stored.get(r.object?.metadata.name as string)).toBe(r.resourceVersion);
    });

    it('updates an object as the writer read it without reading it again, and refuses when it changed meanwhile', async () => {
      await store.write(putNamespace(false));
      await store.write(create('u'));
      const read = await store.get(key('u', 'ns'));
      const update = (expects: KubeObject | null, value: string): WriteRequest => ({
        key: key('u', 'ns'),
        expects,
        decide: (current) => {
          if (current?.metadata.resourceVersion !== expects?.metadata.resourceVersion) throw new ConflictError('', 'configmaps', 'u', 'changed');
          return { action: 'put', object: configMap('u', { v: value }, 'ns') };
        },
      });
      const loads = reads(store);
      const first = await store.write(update(read, 'one'));
      expect(loads).not.toHaveBeenCalled();
      expect([first.type, first.object?.data]).toEqual(['MODIFIED', { v: 'one' }]);
      const events = await store.readEvents(0);
      expect(events.at(-1)?.prevObject?.data).toEqual({ n: 'u' });
      // The writer's copy is now stale: Postgres refuses the blind batch, and on read state decide refuses the write.
      await expect(store.write(update(read, 'two'))).rejects.toBeInstanceOf(ConflictError);
      expect((await store.get(key('u', 'ns')))?.data).toEqual({ v: 'one' });
    });

    it('reads when the namespace is unknown or absent, so a refusal is always decided on stored state', async () => {
      const loads = reads(store);
      await expect(store.write(create('early'))).rejects.toBeInstanceOf(NotFoundError);
      await expect(store.write(create('early'))).rejects.toBeInstanceOf(NotFoundError);
      expect(loads).toHaveBeenCalledTimes(2);
    });
  });

  it('sends the reads of one turn of the event loop as one statement, each answered with its own object', async () => {
    for (const name of ['a', 'b', 'c']) await store.write(put(configMap(name, { name })));
    let statements = 0;
    const counted = new Kysely<DB>({ dialect: new PostgresDialect({ pool: database.pool }), log: () => void statements++ });
    const appends = new PipelinedClient(database.url);
    pipelines.push(appends);
    const reader = new EventStore(counted, appends);
    const names = ['a', 'b', 'missing', 'c', 'a'];
    const objects = await Promise.all(names.map((name) => reader.get(key(name))));
    expect(objects.map((o) => o?.data ?? null)).toEqual([{ name: 'a' }, { name: 'b' }, null, { name: 'c' }, { name: 'a' }]);
    expect(statements).toBe(1);
    // A read asked after a write was answered sees it.
    await reader.write(put(configMap('b', { name: 'b2' })));
    expect((await reader.get(key('b')))?.data).toEqual({ name: 'b2' });
  });

  it('appends nothing unless the log still ends where the batch was decided (position and batch)', async () => {
    await store.write(put(configMap('a', { x: '1' })));
    const lastBatch = async () => (await sql<{ b: string }>`SELECT last_batch AS b FROM log_state WHERE id = 1`.execute(database.db)).rows[0].b;
    const append = (expectedLast: number, expectedBatch: string, name: string) => {
      const object = Buffer.from(`{"metadata":{"name":"${name}"}}`);
      return sql<{ last: string | null }>`
      SELECT flotilla_append_batch(${expectedLast}::bigint, ${expectedBatch}::text, ${`batch-${name}`}::text, ${['ADDED']}::text[], ${['']}::text[],
        ${['configmaps']}::text[], ${['default']}::text[], ${[name]}::text[], ${[`uid-${name}`]}::text[], ${object}::bytea, ${[0]}::integer[],
        ${[object.length]}::integer[], ${[null]}::text[], ${[null]}::text[], ${[null]}::bigint[], ${[expectedLast + 1]}::bigint[], ${[]}::bigint[],
        'unused', NULL) AS last`.execute(database.db);
    };
    const first = await lastBatch();
    expect(first).not.toBe('');
    // Behind the log: refused.
    expect((await append(0, '', 'late')).rows[0].last).toBeNull();
    // At the right resourceVersion but after another batch than the one it was decided after: refused.
    expect((await append(1, 'some-other-batch', 'late')).rows[0].last).toBeNull();
    expect(await store.currentResourceVersion()).toBe(1);
    expect(await store.get(key('late'))).toBeNull();
    expect((await append(1, first, 'late')).rows[0].last).toBe('2');
    expect((await store.get(key('late')))?.metadata.name).toBe('late');
    expect(await lastBatch()).toBe('batch-late');
  });

  it('chains batches without losing an update: read-modify-write increments of one key from two stores', async () => {
    // Small batches, so several are in flight at once on each store and every batch is decided against its
    // predecessors' uncommitted writes; the other store's batches break the chains now and then.
    const counterOf = (obj: KubeObject | null) => (obj as unknown as { data: { n: string } }).data.n;
    const local = newStore({ maxBatch: 3, maxInFlight: 4 });
    const other = newStore({ maxBatch: 2, maxInFlight: 4 });
    await local.write(put(configMap('counter', { n: '0' })));
    const increment = (): WriteRequest => ({
      key: key('counter'),
      decide: (current) => {
        if (!current) throw new NotFoundError('', 'configmaps', 'counter');
        return { action: 'put', object: { ...current, data: { n: String(Number(counterOf(current)) + 1) } } };
      },
    });
    const results = await Promise.all(Array.from({ length: 90 }, (_, i) => (i % 3 === 0 ? other : local).write(increment())));
    expect(counterOf(await local.get(key('counter')))).toBe('90');
    // Each increment has its own resourceVersion, and the log holds exactly those, consecutive, each one more.
    const rvs = results.map((r) => r.resourceVersion).sort((a, b) => a - b);
    expect(rvs).toEqual(Array.from({ length: 90 }, (_, i) => i + 2));
    const events = await local.readEvents(1);
    expect(events.map((e) => counterOf(e.object))).toEqual(Array.from({ length: 90 }, (_, i) => String(i + 1)));
    expect(events.map((e) => e.prevObject?.metadata.resourceVersion)).toEqual(Array.from({ length: 90 }, (_, i) => String(i + 1)));
  });

  it('fails only the refused write when a chained batch ahead of others errors', async () => {
    const chained = newStore({ maxBatch: 2, maxInFlight: 4 });
    const writes = ['c1', 'c2', 'bad', 'c3', 'c4', 'c5', 'c6'].map((n) => chained.write(put(n === 'bad' ? refused(n) : configMap(n, { v: n }))));
    const results = await Promise.allSettled(writes);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled', 'fulfilled', 'fulfilled', 'fulfilled']);
    const events = await chained.readEvents(0);
    expect(events.map((e) => e.name).sort()).toEqual(['c1', 'c2', 'c3', 'c4', 'c5', 'c6']);
    expect(events.map((e) => e.resourceVersion)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('isolates a write that Postgres refuses from its batch neighbours', async () => {
    const bad = refused('bad');
    const results = await Promise.allSettled([store.write(put(configMap('ok1', {}))), store.write(put(bad)), store.write(put(configMap('ok2', {})))]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(await store.get(key('ok2'))).not.toBeNull();
    expect(await store.get(key('bad'))).toBeNull();
  });

  it('stores and returns strings holding NUL characters (the stored JSON text escapes them)', async () => {
    const written = await store.write(put(configMap('nul', { v: 'a\u0000b' })));
    expect(written.object?.data).toEqual({ v: 'a\u0000b' });
    expect((await store.get(key('nul')))?.data).toEqual({ v: 'a\u0000b' });
    expect((await store.readEvents(0)).map((e) => e.object.data)).toEqual([{ v: 'a\u0000b' }]);
  });

  it('cuts each object of a batch out of the bytes sent at its own offset, whatever characters the ones before hold', async () => {
    // Multi-byte characters make byte offsets differ from string offsets: a wrong cut would break the objects after them.
    const values = ['plain', 'Grüße, Zürich', '日本語のテキスト', 'emoji 🚀🛰️ and \u0000 and "quotes" \\ too', 'plain again'];
    await Promise.all(values.map((v, i) => store.write(put(configMap(`mb-${i}`, { v })))));
    // Asked in one turn, they went to Postgres as one batch: one transaction, so one commit time.
    expect(new Set((await store.readEvents(0)).map((e) => e.time.getTime())).size).toBe(1);
    const v = (o: KubeObject | null) => (o?.data as { v?: string } | undefined)?.v;
    expect((await Promise.all(values.map((_, i) => store.get(key(`mb-${i}`))))).map(v)).toEqual(values);
    expect((await store.list({ group: '', resource: 'configmaps', limit: 10 })).items.map(v)).toEqual(values);
    expect((await store.readEvents(0)).map((e) => v(e.object))).toEqual(values);
  });

  it('pages the current state and rebuilds past states from the log', async () => {
    for (const n of ['a', 'b', 'c', 'd']) await store.write(put(configMap(n, { v: '1' })));
    const first = await store.list({ group: '', resource: 'configmaps', limit: 3 });
    expect(first.items.map((o) => o.metadata.name)).toEqual(['a', 'b', 'c']);
    expect(first.resourceVersion).toBe(4);
    await store.write(remove('d'));
    await store.write(put(configMap('b', { v: '2' })));
    const rest = await store.listAt({ group: '', resource: 'configmaps', limit: 3, after: first.next }, first.resourceVersion);
    expect(rest.items.map((o) => o.metadata.name)).toEqual(['d']);
    expect(rest.next).toBeUndefined();
    expect((await store.getAt(key('b'), 4))?.data).toEqual({ v: '1' });
    expect((await store.get(key('b')))?.data).toEqual({ v: '2' });
  });

  it('reads a past position from the projection while the resource has not changed since, from the log once it has', async () => {
    for (const n of ['a', 'b', 'c']) await store.write(put(configMap(n, { v: '1' })));
    const first = await store.list({ group: '', resource: 'configmaps', limit: 1 });
    // A write to another resource or another namespace leaves the listed state as it was.
    await store.write({ key: { group: '', resource: 'secrets', namespace: 'default', name: 's' }, decide: () => ({ action: 'put', object: { ...configMap('s', {}), kind: 'Secret' } }) });
    await store.write(put(configMap('x', { v: '1' }, 'other')));
    const unchanged = await store.listAt({ group: '', resource: 'configmaps', namespace: 'default', limit: 1, after: first.next }, first.resourceVersion);
    expect(unchanged.items.map((o) => o.metadata.name)).toEqual(['b']);
    expect(unchanged.next).toEqual({ namespace: 'default', name: 'b' });
    const text = await store.listTextAt({ group: '', resource: 'configmaps', namespace: 'default', limit: 5, after: first.next }, first.resourceVersion);
    expect(text.items.map((t) => JSON.parse(t) as KubeObject).map((o) => [o.metadata.name, o.data])).toEqual([['b', { v: '1' }], ['c', { v: '1' }]]);
    expect(text.resourceVersion).toBe(first.resourceVersion);
    expect(text.next).toBeUndefined();
    // Once the listed resource changed after the position, the page is the state at the position, not the current one.
    await store.write(put(configMap('b', { v: '2' })));
    await store.write(put(configMap('bb', { v: '1' })));
    const moved = await store.listTextAt({ group: '', resource: 'configmaps', namespace: 'default', limit: 5, after: first.next }, first.resourceVersion);
    expect(moved.items.map((t) => JSON.parse(t) as KubeObject).map((o) => [o.metadata.name, o.data])).toEqual([['b', { v: '1' }], ['c', { v: '1' }]]);
    expect((await store.listAt({ group: '', resource: 'configmaps', limit: 5 }, first.resourceVersion)).items.map((o) => o.metadata.name)).toEqual(['a', 'b', 'c']);
    const now = await store.listText({ group: '', resource: 'configmaps', namespace: 'default', limit: 5 });
    expect(now.items.map((t) => (JSON.parse(t) as KubeObject).metadata.name)).toEqual(['a', 'b', 'bb', 'c']);
    expect(now.resourceVersion).toBe(await store.currentResourceVersion());
    await expect(store.listTextAt({ group: '', resource: 'configmaps', limit: 5 }, now.resourceVersion + 1)).rejects.toMatchObject({ code: 504 });
  });

  it('compacts history outside the window but keeps live objects readable at the compaction point', async () => {
    for (let i = 0; i < 10; i++) await store.write(put(configMap('hot', { i: String(i) })));
    await store.write(put(configMap('cold', {})));
    await store.write(put(configMap('gone', {})));
    await store.write(remove('gone'));
    for (let i = 0; i < 5; i++) await store.write(put(configMap('tail', { i: String(i) })));
    const result = await compactEventLog(database.db, { events: 3, seconds: 0 }, new Date(Date.now() + 60_000));
    expect(result?.compactedResourceVersion).toBe(15);
    await expect(store.getAt(key('hot'), 14)).rejects.toMatchObject({ code: 410, reason: 'Expired' });
    const page = await store.listAt({ group: '', resource: 'configmaps', limit: 10 }, 15);
    expect(page.items.map((o) => [o.metadata.name, o.data])).toEqual([
      ['cold', {}],
      ['hot', { i: '9' }],
      ['tail', { i: '1' }],
    ]);
    const remaining = await store.readEvents(0, { limit: 100 });
    expect(remaining.map((e) => e.resourceVersion)).toEqual([10, 11, 15, 16, 17, 18]);
    // The previous state of every event above the compaction point is still in the log.
    expect(remaining.filter((e) => e.resourceVersion > 15).map((e) => e.prevObject?.data)).toEqual([{ i: '1' }, { i: '2' }, { i: '3' }]);
  });

  it('delivers every event exactly once and in order to tailers and watchers while 16 writers run on two stores', async () => {
    // As in two API replicas: each store hands its commits to its own process's tailers, which read the rest back.
    const localTailers: LogTailer[][] = [[], []];
    const stores = [0, 1].map((i) => newStore({ onCommitted: (after, events) => localTailers[i].forEach((t) => t.committed(after, events)) }));
    const writers = 16;
    const writesEach = 60;
    const tailers = await Promise.all(Array.from({ length: 4 }, () => startTailer(database.url, store)));
    localTailers[0].push(tailers[0], tailers[1]);
    localTailers[1].push(tailers[2]);
    const seen: StoredEvent[][] = tailers.map(() => []);
    tailers.forEach((t, i) => t.onEvents((events) => seen[i].push(...events)));

    const hubTailer = await startTailer(database.url, store);
    localTailers[0].push(hubTailer);
    const hub = new WatchHub(hubTailer, store);
    const watched: { from: number; namespace?: string; events: StoredEvent[] }[] = [];
    const watch = (from: number, namespace?: string) => {
      const w = { from, namespace, events: [] as StoredEvent[] };
      watched.push(w);
      hub.subscribe({ group: '', resource: 'configmaps', namespace, fromResourceVersion: from, onEvent: (e) => w.events.push(e), onError: (e) => { throw e; } });
    };
    watch(0);
    watch(0, 'ns-3');

    let midWatches = 0;
    await Promise.all(
      Array.from({ length: writers }, async (_, w) => {
        const namespace = `ns-${w}`;
        for (let i = 0; i < writesEach; i++) {
          const name = `obj-${i % 7}`;
          const s = stores[(w + i) % 2];
          const req =
            i % 5 === 4
              ? { key: key(name, namespace), decide: (c: KubeObject | null) => (c ? { action: 'delete' as const, object: c } : { action: 'none' as const, object: null }) }
              : { key: key(name, namespace), decide: () => ({ action: 'put' as const, object: configMap(name, { w: String(w), i: String(i) }, namespace) }) };
          await s.write(req);
          if (w === 0 && i % 4 === 1 && midWatches < 12) {
            midWatches++;
            watch(Math.max(0, hubTailer.resourceVersion - 20 * midWatches));
          }
        }
      }),
    );

    const last = await store.currentResourceVersion();
    for (const t of [...tailers, hubTailer]) await t.waitFor(last);
    await new Promise((r) => setTimeout(r, 200)); // let replays finish

    const all = await store.readEvents(0, { limit: 100_000 });
    expect(all.map((e) => e.resourceVersion)).toEqual(range(1, last));
    for (const s of seen) expect(s.map((e) => e.resourceVersion)).toEqual(range(1, last));
    // Delivered from memory or read back, an event is the same.
    const content = (e: StoredEvent) => [e.type, e.namespace, e.name, e.uid, e.object, e.prevObject, e.actor, e.fieldManager];
    for (const s of seen) expect(s.map(content)).toEqual(all.map(content));
    expect(watched.length).toBeGreaterThanOrEqual(14);
    for (const w of watched) {
      const expected = all.filter((e) => e.resourceVersion > w.from && (w.namespace === undefined || e.namespace === w.namespace));
      expect(w.events.map((e) => e.resourceVersion)).toEqual(expected.map((e) => e.resourceVersion));
    }

    // The projection is exactly the log replayed.
    const replayed = new Map<string, string>();
    for (const e of all) {
      const k = `${e.namespace}/${e.name}`;
      if (e.type === 'DELETED') replayed.delete(k);
      else replayed.set(k, e.object.metadata.resourceVersion as string);
    }
    const rows = await database.db.selectFrom('objects').select(['namespace', 'name', 'resource_version']).execute();
    expect(new Map(rows.map((r) => [`${r.namespace}/${r.name}`, String(r.resource_version)]))).toEqual(replayed);

    hub.stop();
    await Promise.all([...tailers, hubTailer].map((t) => t.stop()));
  });

  it("delivers its own store's commits from memory and reads back only what other stores wrote", async () => {
    const local: LogTailer[] = [];
    const own = newStore({ onCommitted: (after, events) => local.forEach((t) => t.committed(after, events)) });
    const other = newStore();
    const tailer = await startTailer(database.url, own, 60_000);
    local.push(tailer);
    const got: number[] = [];
    tailer.onEvents((events) => got.push(...events.map((e) => e.resourceVersion)));
    await tailer.waitFor(0);
    const reads = jest.spyOn(own, 'readEvents');
    for (let i = 0; i < 5; i++) await own.write(put(configMap(`own-${i}`, {})));
    await tailer.waitFor(5);
    await new Promise((r) => setTimeout(r, 100)); // the NOTIFYs of its own batches arrive and are passed over
    expect(reads).not.toHaveBeenCalled();
    await other.write(put(configMap('other', {})));
    await own.write(put(configMap('own-after', {})));
    await tailer.waitFor(7);
    expect(reads).toHaveBeenCalled();
    expect(got).toEqual([1, 2, 3, 4, 5, 6, 7]);
    await tailer.stop();
  });

  it('resumes a tailer after its LISTEN connection is killed, without gaps', async () => {
    const tailer = await startTailer(database.url, store, 60_000);
    const got: number[] = [];
    tailer.onEvents((events) => got.push(...events.map((e) => e.resourceVersion)));
    await store.write(put(configMap('a', {})));
    await tailer.waitFor(1);
    await database.pool.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE query LIKE 'LISTEN%' AND datname = current_database()`);
    for (let i = 0; i < 5; i++) await store.write(put(configMap(`b${i}`, {})));
    await tailer.waitFor(6);
    expect(got).toEqual([1, 2, 3, 4, 5, 6]);
    await tailer.stop();
  });
});

async function startTailer(url: string, store: EventStore, pollIntervalMs = 50): Promise<LogTailer> {
  const t = new LogTailer(store, url, { pollIntervalMs });
  await t.start(0);
  return t;
}

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

describe(`${EventStore.name} on a database whose default collation is not bytewise`, () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase('flotilla_test', { icuLocale: 'en-US' });
  });
  afterAll(() => database.drop());

  it('lists and pages keys in byte order, as etcd orders them', async () => {
    const store = new EventStore(database.db, database.appends);
    const names = ['ab', 'a.b', 'a-c', 'a1', 'B', 'a'];
    for (const n of names) await store.write(put(configMap(n, {})));
    const bytewise = [...names].sort((x, y) => Buffer.compare(Buffer.from(x), Buffer.from(y)));
    expect(bytewise).toEqual(['B', 'a', 'a-c', 'a.b', 'a1', 'ab']);
    // The database itself would sort them otherwise: en-US puts 'B' last and ignores punctuation first.
    const collated = await sql<{ n: string }>`SELECT n FROM unnest(${names}::text[]) n ORDER BY n`.execute(database.db);
    expect(collated.rows.map((r) => r.n)).not.toEqual(bytewise);
    const all = await store.list({ group: '', resource: 'configmaps', limit: 100 });
    expect(all.items.map((o) => o.metadata.name)).toEqual(bytewise);
    const first = await store.list({ group: '', resource: 'configmaps', limit: 3 });
    await store.write(put(configMap('a', { changed: 'yes' })));
    const rest = await store.listAt({ group: '', resource: 'configmaps', limit: 100, after: first.next }, first.resourceVersion);
    expect([...first.items, ...rest.items].map((o) => o.metadata.name)).toEqual(bytewise);
  });
});
