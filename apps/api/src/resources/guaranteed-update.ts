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
 * Read, compute, write-if-unchanged, retry: the optimistic loop kube-apiserver's GuaranteedUpdate runs. `compute`
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
    const current = await store.get(key);
    const decision = await compute(current);
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
