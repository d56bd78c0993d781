import type { KubeObject, ObjectKey } from '@flotilla/domain';
import { InternalError } from '@flotilla/domain';
import type { EventStore, WriteDecision, WriteResult } from '@flotilla/persistence';

class ChangedUnderneath extends Error {}

export interface GuaranteedUpdateOptions {
  actor?: string;
  fieldManager?: string;
  dryRun?: boolean;
  attempts?: number;
}

/**
 * Read, compute, write-if-unchanged, retry: the optimistic loop kube-apiserver's GuaranteedUpdate runs. The first
 * attempt may start from the object as this replica last wrote it instead of a read (D22). `compute`
 * may be async (admission, allocation); the write itself only checks that the object is still the one read, so
 * it can share a group-committed batch with other writes.
 */
export async function guaranteedUpdate(
  store: EventStore,
  key: ObjectKey,
  compute: (current: KubeObject | null) => Promise<WriteDecision>,
  options: GuaranteedUpdateOptions = {},
): Promise<{ result: WriteResult; current: KubeObject | null }> {
  const attempts = options.attempts ?? 16;
  for (let i = 0; i < attempts; i++) {
    // First try the object as this replica last wrote it, without reading (D22): if it is stale, the write below is
    // refused and the next attempt reads. Every answer other than success comes from a read object.
    const remembered = i === 0 && !options.dryRun ? store.lastWritten(key) : undefined;
    const current = remembered ?? (await store.get(key));
    let decision: WriteDecision;
    try {
      decision = await compute(current);
    } catch (e) {
      if (remembered) continue;
      throw e;
    }
    if (options.dryRun) return { result: await dryRunResult(decision, current), current };
    const expected = current?.metadata.resourceVersion ?? null;
    try {
      const result = await store.write({
        key,
        expects: current,
        actor: options.actor,
        fieldManager: options.fieldManager,
        decide: (now) => {
          if ((now?.metadata.resourceVersion ?? null) !== expected) throw new ChangedUnderneath();
          return decision;
        },
      });
      return { result, current };
    } catch (e) {
      if (e instanceof ChangedUnderneath) continue;
      throw e;
    }
  }
  throw new InternalError(`the object ${key.name} kept changing; gave up after ${attempts} attempts`);
}

async function dryRunResult(decision: WriteDecision, current: KubeObject | null): Promise<WriteResult> {
  const rv = Number(current?.metadata.resourceVersion ?? 0);
  if (decision.action === 'none') return { type: 'NONE', object: decision.object, resourceVersion: rv };
  return { type: decision.action === 'delete' ? 'DELETED' : current ? 'MODIFIED' : 'ADDED', object: decision.object, resourceVersion: rv };
}
