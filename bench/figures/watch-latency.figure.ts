import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { BenchContext, FigureModule, FigureResult, Metric } from '../bench.types';
import { compare, createObject, currentResourceVersion, ensureNamespace } from '../support/flotilla-ops';
import { configMap } from '../support/objects';
import { summarizeProfile } from '../support/profile-summary';
import { leanHttpWatch, leanWebSocketWatch, type LeanWatchOptions } from '../support/lean-watch';
import { runWatchLoad, type LatencySummary, type WatchLoadResult, type WatchLoadSpec, type WatchSide } from '../support/watch-load';
import type { WatcherLog } from '../support/watch-log';
import type { Transport } from '../support/flotilla-target';

const ns = (group: number) => `bench-watch-${group}`;
const HTTP = 'HTTP';
const WEBSOCKET = 'WebSocket';

interface WatchEvent {
  type: string;
  object: { metadata?: { resourceVersion?: string } };
}

/**
 * Watch delivery latency: N watchers spread over namespaces, half of them chunked HTTP and half WebSocket (the same
 * watch URL upgraded), creates at a steady rate, latency from each create's acknowledgement to each watcher's
 * receipt. Each stream must be exactly its namespace's log. With profiling on, a second, shorter run of the same
 * load is profiled on the API process.
 */
export const watchLatency: FigureModule = {
  id: 'watch',
  title: 'watch delivery',
  async run(ctx: BenchContext) {
    const { sizes } = ctx;
    const client = ctx.flotilla.client(sizes.clients);
    for (let g = 0; g < sizes.watchNamespaces; g++) await ensureNamespace(client, ns(g));
    const spec: WatchLoadSpec = {
      watchers: sizes.watchers,
      groups: sizes.watchNamespaces,
      rate: sizes.watchRate,
      seconds: sizes.watchSeconds,
      transports: [HTTP, WEBSOCKET],
    };
    const result = await runWatchLoad(ctx, 'watch', spec, await flotillaSide(ctx, 'http'));
    const http = result.byTransport[HTTP];
    const websocket = result.byTransport[WEBSOCKET];
    ctx.log(
      `watch: p50 ${result.p50.toFixed(1)} ms, p99 ${result.p99.toFixed(1)} ms (${result.delivered} events, ${result.writesPerSecond.toFixed(0)} writes/s); ` +
        `HTTP p99 ${http.p99.toFixed(1)} ms, WebSocket p99 ${websocket.p99.toFixed(1)} ms`,
    );

    if (ctx.options.profile) {
      await runWatchLoad(ctx, 'watch (profiled)', { ...spec, seconds: sizes.profileSeconds }, await flotillaSide(ctx, 'http'), {
        async around(phase) {
          const { profile } = await ctx.flotilla.profile(phase);
          const file = join(ctx.options.resultsDir, `watch-profile${ctx.options.quick ? '.quick' : ''}.txt`);
          await writeFile(file, summarizeProfile(profile));
          ctx.log(`watch delivery profile written to ${file}`);
        },
      });
    }

    const tls = await runWatchLoad(ctx, 'watch over TLS', spec, await flotillaSide(ctx, 'https'));
    ctx.log(`watch over TLS: p50 ${tls.p50.toFixed(1)} ms, p99 ${tls.p99.toFixed(1)} ms (${tls.writesPerSecond.toFixed(0)} writes/s)`);
    return [...watchRows(ctx, result), tlsRow(ctx, tls)];
  },
};

/**
 * The figure's table rows: acknowledgement → event p99 for all watchers (the target's figure) and for each transport's
 * half, then the p99 from each write's sending for all watchers. The last row exists because etcd notifies its
 * watchers before its put's answer arrives, so most of its acknowledgement-based latencies are 0 ms; from the send,
 * both systems' figures include their write latency.
 */
export function watchRows(ctx: Pick<BenchContext, 'sizes' | 'baselines'>, result: WatchLoadResult): FigureResult[] {
  const { sizes } = ctx;
  const where = `half HTTP, half WebSocket; ${sizes.watchNamespaces} namespaces; ${result.writesPerSecond.toFixed(0)} of ${sizes.watchRate} writes/s reached`;
  const row = (id: string, title: string, s: LatencySummary, withTarget: boolean): FigureResult => {
    const flotilla: Metric = { value: s.p99, unit: 'ms', lowerIsBetter: true };
    return {
      id,
      title,
      flotilla,
      detail: `p50 ${s.p50.toFixed(1)} ms`,
      comparisons: [compare(ctx, 'etcd gRPC watch', flotilla, 'etcd', 'watch.p99')],
      targets: withTarget ? [{ text: 'p99 ≤ 25 ms', met: s.p99 <= 25 }] : [],
      extra: { p50: s.p50, p99: s.p99, fromSendP50: s.fromSendP50, fromSendP99: s.fromSendP99, delivered: s.delivered },
    };
  };
  const all = row('watch', `watch p99, ${sizes.watchers} watchers, ${sizes.watchRate} writes/s`, result, true);
  all.detail = `p50 ${result.p50.toFixed(1)} ms; ${where}`;
  all.extra.writesPerSecond = result.writesPerSecond;
  const fromSend: Metric = { value: result.fromSendP99, unit: 'ms', lowerIsBetter: true };
  return [
    all,
    row('watch-http', `watch p99, the ${sizes.watchers / 2} HTTP watchers`, result.byTransport[HTTP], false),
    row('watch-websocket', `watch p99, the ${sizes.watchers / 2} WebSocket watchers`, result.byTransport[WEBSOCKET], false),
    {
      id: 'watch-from-send',
      title: `watch p99 from write sent, ${sizes.watchers} watchers`,
      flotilla: fromSend,
      detail: `p50 ${result.fromSendP50.toFixed(1)} ms; includes each write's own latency`,
      comparisons: [compare(ctx, 'etcd gRPC watch from put sent', fromSend, 'etcd', 'watch.fromSend.p99')],
      targets: [],
      extra: { p50: result.fromSendP50, p99: result.fromSendP99 },
    },
  ];
}

/** The same load with every watcher and the writer on the TLS listener, as kubectl and client-go connect. */
function tlsRow(ctx: Pick<BenchContext, 'sizes' | 'baselines'>, tls: WatchLoadResult): FigureResult {
  const { sizes } = ctx;
  const flotilla: Metric = { value: tls.p99, unit: 'ms', lowerIsBetter: true };
  return {
    id: 'watch-tls',
    title: `watch p99 over TLS, ${sizes.watchers} watchers, ${sizes.watchRate} writes/s`,
    flotilla,
    detail: `p50 ${tls.p50.toFixed(1)} ms; HTTP p99 ${tls.byTransport[HTTP].p99.toFixed(1)} ms, WebSocket p99 ${tls.byTransport[WEBSOCKET].p99.toFixed(1)} ms; ${tls.writesPerSecond.toFixed(0)} of ${sizes.watchRate} writes/s reached`,
    comparisons: [compare(ctx, 'etcd gRPC watch', flotilla, 'etcd', 'watch.p99')],
    targets: [],
    extra: { p50: tls.p50, p99: tls.p99, delivered: tls.delivered, writesPerSecond: tls.writesPerSecond },
  };
}

/** Flotilla's side of the watch load on one listener, watching from the current resourceVersion. */
async function flotillaSide(ctx: BenchContext, transport: Transport): Promise<WatchSide> {
  const { sizes } = ctx;
  const client = ctx.flotilla.client(sizes.clients, transport);
  // Watchers are spread over the replicas in turn, as a load balancer would.
  const urls = ctx.flotilla.urlsOf(transport);
  let opened = 0;
  const watchOptions = (): LeanWatchOptions => ({ baseUrl: urls[opened++ % urls.length], headers: { Authorization: `Bearer ${ctx.flotilla.token}` }, ca: ctx.flotilla.caCertPem });
  const from = await currentResourceVersion(client);
  let seen = 0;
  const onEvent = (log: WatcherLog) => (json: string) => {
    const { type, resourceVersion } = readWatchLine(json);
    // The fast read above is checked against a full parse on a sample of lines, so a drift in either fails the run.
    if (seen++ % 64 === 0) {
      const event = JSON.parse(json) as WatchEvent;
      if (event.type !== type || (type !== 'ERROR' && Number(event.object.metadata?.resourceVersion) !== resourceVersion)) {
        ctx.violation('watch', `fast read of a watch line disagrees with JSON.parse: ${json.slice(0, 200)}`);
      }
    }
    if (type === 'ERROR') ctx.violation('watch', `watch error (${log.transport}): ${json.slice(0, 200)}`);
    else if (type !== 'BOOKMARK') log.record(resourceVersion);
  };
  return {
    open(group, log) {
      const path = `/api/v1/namespaces/${ns(group)}/configmaps?watch=true&resourceVersion=${from}`;
      return log.transport === WEBSOCKET ? leanWebSocketWatch(watchOptions(), path, onEvent(log)) : leanHttpWatch(watchOptions(), path, onEvent(log));
    },
    write: (group, seq) => createObject(client, `/api/v1/namespaces/${ns(group)}/configmaps`, configMap(ns(group), `w-${from}-${seq}`, sizes.configMapBytes)),
    async expected() {
      // From the log itself: a committed write whose acknowledgement was lost must still reach every watcher.
      const rows = await ctx.flotilla.database.pool.query<{ rv: string; namespace: string }>(
        `SELECT resource_version AS rv, namespace FROM events
         WHERE resource = 'configmaps' AND namespace LIKE 'bench-watch-%' AND resource_version > $1 ORDER BY resource_version`,
        [from],
      );
      const byGroup = new Map<number, number[]>();
      for (let g = 0; g < sizes.watchNamespaces; g++) byGroup.set(g, []);
      for (const r of rows.rows) byGroup.get(Number(r.namespace.slice('bench-watch-'.length)))?.push(Number(r.rv));
      return byGroup;
    },
  };
}

const TYPE_PREFIX = '{"type":"';
const RV_KEY = '"resourceVersion":"';

/**
 * The type and object resourceVersion of one watch line, without parsing the ~1 KB object: 20 000 lines/s pass
 * through this single load-generating process, and a full `JSON.parse` of each made the harness, not the server,
 * the bottleneck. The server writes `type` first and the only `resourceVersion` key is the object's metadata one
 * (the bench's ConfigMaps carry no other), which the sampled full parse in `flotillaSide` confirms.
 */
function readWatchLine(json: string): { type: string; resourceVersion: number } {
  if (!json.startsWith(TYPE_PREFIX)) return fullRead(json);
  const type = json.slice(TYPE_PREFIX.length, json.indexOf('"', TYPE_PREFIX.length));
  if (type === 'ERROR') return { type, resourceVersion: NaN };
  const at = json.indexOf(RV_KEY);
  if (at < 0) return fullRead(json);
  const from = at + RV_KEY.length;
  return { type, resourceVersion: Number(json.slice(from, json.indexOf('"', from))) };
}

function fullRead(json: string): { type: string; resourceVersion: number } {
  const event = JSON.parse(json) as WatchEvent;
  return { type: event.type, resourceVersion: Number(event.object?.metadata?.resourceVersion) };
}
