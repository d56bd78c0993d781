import { machineCpu, nowMs, type MachineCpu } from './stats';

export interface LoadResult {
  completed: number;
  failed: number;
  elapsedMs: number;
  perSecond: number;
  firstError?: string;
  /**
   * The whole machine during the measured window (closed loops only): the share of both cores' time that was busy,
   * and the busy CPU time per completed operation in µs (servers, load generator and kernel together). Sampled from
   * /proc/stat when the window starts and when its last operation ends, so anything else running on the machine counts
   * too.
   */
  machine?: { busyShare: number; cpuMicrosPerOp: number };
}

/**
 * Closed loop: `clients` workers each call `op` back to back until `seconds` have passed. The first
 * `warmupSeconds` run the same load untimed (JIT compilation, pools and caches settle), then the measured window
 * starts: only operations completed in it count. A failure is counted (warm-up included) and never retried.
 */
export async function closedLoop(clients: number, seconds: number, op: (client: number, seq: number) => Promise<void>, warmupSeconds = 0): Promise<LoadResult> {
  const start = nowMs() + warmupSeconds * 1000;
  const end = start + seconds * 1000;
  let completed = 0;
  let failed = 0;
  let firstError: string | undefined;
  let first: MachineCpu | undefined;
  const windowStarts = setTimeout(() => (first = machineCpu()), start - nowMs());
  const worker = async (client: number) => {
    for (let seq = 0; nowMs() < end; seq++) {
      try {
        await op(client, seq);
        if (nowMs() >= start) completed++;
      } catch (e) {
        failed++;
        firstError ??= e instanceof Error ? e.message : String(e);
      }
    }
  };
  await Promise.all(Array.from({ length: clients }, (_, c) => worker(c)));
  clearTimeout(windowStarts);
  // Sampled when the last operation ends, like `elapsedMs`: operations that end after `end` count in `completed` too.
  const last = machineCpu();
  const elapsedMs = nowMs() - start;
  const machine =
    first && last.total > first.total
      ? { busyShare: (last.busy - first.busy) / (last.total - first.total), cpuMicrosPerOp: ((last.busy - first.busy) * 1e6) / Math.max(1, completed) }
      : undefined;
  return { completed, failed, elapsedMs, perSecond: (completed * 1000) / elapsedMs, firstError, machine };
}

/**
 * Open loop at a steady rate: the i-th call starts at start + i/rate whether or not earlier calls finished, so a
 * slow server shows up as latency rather than as a lower request rate (no coordinated omission).
 */
export async function atRate(rate: number, seconds: number, op: (seq: number) => Promise<void>): Promise<LoadResult> {
  const total = Math.round(rate * seconds);
  const start = nowMs();
  const running: Promise<void>[] = [];
  let completed = 0;
  let failed = 0;
  let firstError: string | undefined;
  for (let seq = 0; seq < total; seq++) {
    const due = start + (seq * 1000) / rate;
    const wait = due - nowMs();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    running.push(
      op(seq).then(
        () => void completed++,
        (e: unknown) => {
          failed++;
          firstError ??= e instanceof Error ? e.message : String(e);
        },
      ),
    );
  }
  await Promise.all(running);
  const elapsedMs = nowMs() - start;
  return { completed, failed, elapsedMs, perSecond: (completed * 1000) / elapsedMs, firstError };
}

/** Runs `op` over `items` with at most `concurrency` in flight. */
export async function forEachLimited<T>(items: T[], concurrency: number, op: (item: T, index: number) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      await op(items[i], i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
}
