import type { BenchContext } from '../bench.types';
import type { Stream } from './https-client';
import { atRate, forEachLimited } from './load';
import { nowMs, quantile } from './stats';
import { checkStreams, deliveryLatencies, drain, WatcherLog, WriteLog } from './watch-log';

export interface WatchLoadSpec {
  watchers: number;
  /** Watchers and writes are spread round-robin over this many groups (namespaces, key prefixes). */
  groups: number;
  rate: number;
  seconds: number;
  /**
   * Transports the watchers are split over, in equal parts; `WatchSide.open` reads the watcher's from its log. Each
   * group gets the same number of watchers of each transport. Default: one unnamed transport.
   */
  transports?: string[];
}

/** One system's side of the watch load: how to open a watcher on a group and how to write into a group. */
export interface WatchSide {
  open(group: number, log: WatcherLog): Stream;
  /** Writes one object into `group` and returns the revision the server acknowledged. */
  write(group: number, seq: number): Promise<number>;
  /** Every revision each group's watchers must receive (from the store itself when it can tell). */
  expected(writes: WriteLog): Promise<Map<number, number[]>>;
}

export interface LatencySummary {
  p50: number;
  p99: number;
  fromSendP50: number;
  fromSendP99: number;
  delivered: number;
}

export interface WatchLoadResult extends LatencySummary {
  writesPerSecond: number;
  /** The same figures for each transport's watchers alone. */
  byTransport: Record<string, LatencySummary>;
}

export interface WatchLoadOptions {
  /** Wraps the write phase and the drain after it (not the opening of watchers), e.g. to profile the server. */
  around?: (phase: () => Promise<void>) => Promise<void>;
}

const DRAIN_MS = 60_000;

/**
 * Opens the watchers, writes at a steady rate, waits for every watcher to catch up, then checks each stream
 * (complete, ordered, no duplicates) and measures delivery latency from each write's acknowledgement.
 */
export async function runWatchLoad(ctx: BenchContext, label: string, spec: WatchLoadSpec, side: WatchSide, options: WatchLoadOptions = {}): Promise<WatchLoadResult> {
  const transports = spec.transports ?? [''];
  // Transport by block of `groups` watchers, so that every group has watchers of every transport.
  const logs = Array.from({ length: spec.watchers }, (_, i) => new WatcherLog(i % spec.groups, transports[Math.floor(i / spec.groups) % transports.length]));
  const streams: Stream[] = [];
  const t0 = nowMs();
  await forEachLimited(logs, 50, async (log) => {
    const stream = side.open(log.group, log);
    streams.push(stream);
    void stream.ended.then(() => (log.ended = true));
    await stream.ready;
  });
  ctx.log(`${label}: ${spec.watchers} watchers open in ${((nowMs() - t0) / 1000).toFixed(1)} s`);

  const writes = new WriteLog();
  let expected = new Map<number, number[]>();
  let writesPerSecond = 0;
  const phase = async () => {
    const load = await atRate(spec.rate, spec.seconds, async (seq) => {
      const group = seq % spec.groups;
      const sent = nowMs();
      const revision = await side.write(group, seq);
      writes.acknowledge(revision, group, sent);
    });
    writesPerSecond = load.perSecond;
    if (load.failed > 0) ctx.violation(label, `${load.failed} writes failed: ${load.firstError}`);
    expected = await side.expected(writes);
    const lastByGroup = new Map([...expected].map(([g, revs]) => [g, revs.length > 0 ? revs[revs.length - 1] : 0]));
    const caughtUp = await drain(logs, lastByGroup, DRAIN_MS);
    if (!caughtUp) ctx.log(`${label}: some watchers had not caught up ${DRAIN_MS / 1000} s after the last write`);
  };
  await (options.around ? options.around(phase) : phase());
  const ended = logs.filter((l) => l.ended).length;
  if (ended > 0) ctx.violation(label, `${ended} watch streams ended before the test closed them`);
  streams.forEach((s) => s.close());

  for (const problem of checkStreams(logs, expected)) ctx.violation(label, problem);
  const byTransport: Record<string, LatencySummary> = {};
  if (transports.length > 1) for (const t of transports) byTransport[t] = summarise(logs.filter((l) => l.transport === t), writes);
  return { ...summarise(logs, writes), writesPerSecond, byTransport };
}

function summarise(logs: WatcherLog[], writes: WriteLog): LatencySummary {
  const { fromAck, fromSend } = deliveryLatencies(logs, writes);
  return {
    p50: quantile(fromAck, 0.5),
    p99: quantile(fromAck, 0.99),
    fromSendP50: quantile(fromSend, 0.5),
    fromSendP99: quantile(fromSend, 0.99),
    delivered: fromAck.length,
  };
}
