import { ConflictError, type KubeObject, type ObjectKey } from '@flotilla/domain';
import { EventStore, PipelinedClient, type WriteDecision } from '@flotilla/persistence';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/test-database';
import { guaranteedUpdate } from './guaranteed-update';

const key: ObjectKey = { group: '', resource: 'configmaps', namespace: 'default', name: 'counter' };
const counter = (n: number): KubeObject => ({
  apiVersion: 'v1',
  kind: 'ConfigMap',
  metadata: { name: 'counter', namespace: 'default', uid: 'uid-counter' },
  data: { n: String(n) },
});
const valueOf = (o: KubeObject | null) => Number((o?.data as Record<string, string>).n);
const increment = (current: KubeObject | null): Promise<WriteDecision> => Promise.resolve({ action: 'put', object: counter(valueOf(current) + 1) });

describe(guaranteedUpdate.name, () => {
  let database: TestDatabase;
  let replica: EventStore;
  let other: EventStore;
  /** The other replica's own connection for its appends, as each replica has one. */
  let otherAppends: PipelinedClient;
  const reads = (s: EventStore) => jest.spyOn(s as unknown as { loadCurrent: () => unknown }, 'loadCurrent');

  beforeEach(async () => {
    database = await createTestDatabase();
    replica = new EventStore(database.db, database.appends);
    otherAppends = new PipelinedClient(database.url);
    other = new EventStore(database.db, otherAppends);
    await replica.write({ key, decide: () => ({ action: 'put', object: counter(1) }) });
  });
  afterEach(async () => {
    await otherAppends.close();
    await database.drop();
  });

  it('decides an update against the object as this replica last wrote it, without reading it first', async () => {
    const loads = reads(replica);
    const { result, current } = await guaranteedUpdate(replica, key, increment);
    expect(loads).not.toHaveBeenCalled();
    expect(valueOf(current)).toBe(1);
    expect([result.type, result.resourceVersion, valueOf(result.object)]).toEqual(['MODIFIED', 2, 2]);
    expect(valueOf(await replica.get(key))).toBe(2);
  });

  it('reads and decides again when another replica changed the object since: no update is lost', async () => {
    await guaranteedUpdate(other, key, increment); // 2, unknown to `replica`
    const seen: number[] = [];
    const { result } = await guaranteedUpdate(replica, key, (current) => {
      seen.push(valueOf(current));
      return increment(current);
    });
    expect(seen).toEqual([1, 2]);
    expect([result.resourceVersion, valueOf(result.object)]).toEqual([3, 3]);
    expect((await replica.readEvents(0)).map((e) => valueOf(e.object))).toEqual([1, 2, 3]);
  });

  it('answers a refusal from the stored object, never from a remembered one', async () => {
    const { result: changed } = await guaranteedUpdate(other, key, increment);
    const expected = changed.object?.metadata.resourceVersion;
    // As a PUT carrying the resourceVersion its client last saw: the remembered object is older and fails the check.
    const { result } = await guaranteedUpdate(replica, key, (current) => {
      if (current?.metadata.resourceVersion !== expected) throw new ConflictError('', 'configmaps', 'counter', 'the object has been modified');
      return increment(current);
    });
    expect(valueOf(result.object)).toBe(3);
    await expect(
      guaranteedUpdate(replica, key, () => {
        throw new ConflictError('', 'configmaps', 'counter', 'always');
      }),
    ).rejects.toThrow(ConflictError);
  });

  it('hands out copies of what it remembers, so a decision cannot change it', async () => {
    const first = replica.lastWritten(key);
    (first?.data as Record<string, string>).n = '99';
    expect(valueOf(replica.lastWritten(key) ?? null)).toBe(1);
    expect(replica.lastWritten({ ...key, name: 'never-written' })).toBeUndefined();
  });

  it('reads on a dry run', async () => {
    const loads = reads(replica);
    await guaranteedUpdate(replica, key, increment, { dryRun: true });
    expect(loads).toHaveBeenCalledTimes(1);
  });
});
