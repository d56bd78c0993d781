import { sql, type Kysely } from 'kysely';
import type { DB } from '../schema';

export interface CompactionWindow {
  /** Keep at least this many of the newest events. */
  events: number;
  /** And at least the events of this many seconds. */
  seconds: number;
}

export interface CompactionResult {
  /** Reads and watches from positions below this one now get 410 Expired. */
  compactedResourceVersion: number;
  deleted: number;
}

const COMPACTION_LOCK = 0x466c6f74; // "Flot": one compactor at a time across replicas
const CHUNK = 10_000;

/**
 * Removes history older than the window while keeping the state at the new compaction point readable: an event below
 * the point survives only if it is the latest one of a live object (and not a deletion). Runs in chunks so that no
 * statement holds locks for long; writers are never blocked.
 */
export async function compactEventLog(db: Kysely<DB>, window: CompactionWindow, now = new Date()): Promise<CompactionResult | null> {
  return db.transaction().execute(async (tx) => {
    const lock = await sql<{ ok: boolean }>`SELECT pg_try_advisory_xact_lock(${COMPACTION_LOCK}) AS ok`.execute(tx);
    if (!lock.rows[0].ok) return null;
    const state = await sql<{ last: string; compacted: string }>`
      SELECT last_resource_version AS last, compacted_resource_version AS compacted FROM log_state WHERE id = 1`.execute(tx);
    const last = Number(state.rows[0].last);
    const compacted = Number(state.rows[0].compacted);
    const since = new Date(now.getTime() - window.seconds * 1000);
    const byTime = await sql<{ rv: string | null }>`
      SELECT min(resource_version) AS rv FROM events WHERE created_at >= ${since}`.execute(tx);
    const timeBound = byTime.rows[0].rv === null ? last + 1 : Number(byTime.rows[0].rv);
    const target = Math.min(last - window.events + 1, timeBound);
    if (target <= compacted + 1) return { compactedResourceVersion: compacted, deleted: 0 };

    let deleted = 0;
    for (let lo = compacted; lo < target; lo += CHUNK) {
      const hi = Math.min(lo + CHUNK, target);
      const res = await sql`
        DELETE FROM events e
        WHERE e.resource_version >= ${lo} AND e.resource_version < ${hi}
          AND (e.event_type = 'DELETED' OR EXISTS (
            SELECT 1 FROM events n
            WHERE n.api_group = e.api_group AND n.resource = e.resource AND n.namespace = e.namespace AND n.name = e.name
              AND n.resource_version > e.resource_version AND n.resource_version < ${target}))`.execute(tx);
      deleted += Number(res.numAffectedRows ?? 0);
    }
    // Reads at `target - 1` are still exact: every key's latest event below target survives.
    const point = target - 1;
    await sql`UPDATE log_state SET compacted_resource_version = ${point} WHERE id = 1`.execute(tx);
    return { compactedResourceVersion: point, deleted };
  });
}
