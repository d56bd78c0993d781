import { nowMs } from './stats';

/** What one watcher received: the revisions in arrival order and when each arrived. */
export class WatcherLog {
  readonly revisions: number[] = [];
  readonly times: number[] = [];
  ended = false;

  constructor(
    readonly group: number,
    /** How this watcher is connected (e.g. "HTTP", "WebSocket"), for latency by transport. */
    readonly transport = '',
  ) {}

  record(revision: number): void {
    this.revisions.push(revision);
    this.times.push(nowMs());
  }

  get last(): number {
    return this.revisions.length > 0 ? this.revisions[this.revisions.length - 1] : 0;
  }
}

/** When each write was sent and acknowledged, by the revision the server gave it. */
export class WriteLog {
  readonly sentAt = new Map<number, number>();
  readonly ackedAt = new Map<number, number>();
  readonly byGroup = new Map<number, number[]>();

  acknowledge(revision: number, group: number, sentAt: number): void {
    this.sentAt.set(revision, sentAt);
    this.ackedAt.set(revision, nowMs());
    const list = this.byGroup.get(group) ?? [];
    list.push(revision);
    this.byGroup.set(group, list);
  }
}

/** Waits until every watcher has received the last revision expected in its group, or `timeoutMs` passed. */
export async function drain(watchers: WatcherLog[], lastByGroup: Map<number, number>, timeoutMs: number): Promise<boolean> {
  const deadline = nowMs() + timeoutMs;
  for (;;) {
    const behind = watchers.filter((w) => !w.ended && w.last < (lastByGroup.get(w.group) ?? 0));
    if (behind.length === 0) return true;
    if (nowMs() > deadline) return false;
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * Each watcher's stream must be exactly the expected revisions of its group: complete, in order, no duplicates.
 * Returns one message per broken watcher (at most `max`).
 */
export function checkStreams(watchers: WatcherLog[], expectedByGroup: Map<number, number[]>, max = 5): string[] {
  const problems: string[] = [];
  let broken = 0;
  watchers.forEach((w, i) => {
    const expected = expectedByGroup.get(w.group) ?? [];
    const got = w.revisions;
    let problem: string | undefined;
    const seen = new Set<number>();
    for (let k = 0; k < got.length && !problem; k++) {
      if (seen.has(got[k])) problem = `duplicate revision ${got[k]}`;
      else if (k > 0 && got[k] < got[k - 1]) problem = `revision ${got[k]} after ${got[k - 1]}`;
      seen.add(got[k]);
    }
    if (!problem) {
      const missing = expected.filter((r) => !seen.has(r));
      const wanted = new Set(expected);
      const extra = got.filter((r) => !wanted.has(r));
      if (missing.length > 0) problem = `${missing.length} of ${expected.length} events missing (first ${missing[0]})`;
      else if (extra.length > 0) problem = `${extra.length} unexpected events (first ${extra[0]})`;
    }
    if (problem) {
      broken++;
      if (problems.length < max) problems.push(`watcher ${i} (group ${w.group}): ${problem}`);
    }
  });
  if (broken > problems.length) problems.push(`… ${broken} broken watchers in all`);
  return problems;
}

/** Delivery latency of every received event: from the write's acknowledgement (≥ 0) and from its sending. */
export function deliveryLatencies(watchers: WatcherLog[], writes: WriteLog): { fromAck: number[]; fromSend: number[] } {
  const fromAck: number[] = [];
  const fromSend: number[] = [];
  for (const w of watchers) {
    w.revisions.forEach((rev, k) => {
      const acked = writes.ackedAt.get(rev);
      const sent = writes.sentAt.get(rev);
      if (acked !== undefined) fromAck.push(Math.max(0, w.times[k] - acked));
      if (sent !== undefined) fromSend.push(w.times[k] - sent);
    });
  }
  return { fromAck, fromSend };
}
