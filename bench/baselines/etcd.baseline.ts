import type { BaselineModule, BenchContext } from '../bench.types';
import { EtcdGrpcClient } from '../support/etcd/etcd-grpc';
import { b64, prefixEnd } from '../support/etcd-server';
import { closedLoop, type LoadResult } from '../support/load';
import { storedConfigMap } from '../support/objects';
import { runWatchLoad } from '../support/watch-load';

interface Header {
  header: { revision: string };
}
interface TxnReply extends Header {
  succeeded?: boolean;
}

/** HTTP/2 connections the gRPC watchers and puts are spread over (kube-apiserver holds a few to each member). */
const GRPC_CONNECTIONS = 4;

/** A put's value for the JSON gateway (base64): a ~1 KB ConfigMap named `name` as stored, at `revision`. */
function storedValue(ctx: BenchContext, name: string, revision = 0): string {
  return b64(JSON.stringify(storedConfigMap('bench', name, ctx.sizes.configMapBytes, 0, revision)));
}

/** A plain put of `key` (its value names the key too), as the JSON gateway takes it. */
const putOf = (ctx: BenchContext, key: string) => ({ key: b64(key), value: storedValue(ctx, key) });

/**
 * A closed-loop window of 1 KB puts under `prefix` (a new one per window); a violation unless every acknowledged put
 * is stored.
 */
export async function etcdPuts(ctx: BenchContext, prefix: string): Promise<LoadResult> {
  const { sizes } = ctx;
  const client = ctx.etcd.client(sizes.clients);
  let acked = 0;
  try {
    const load = await closedLoop(sizes.clients, sizes.throughputSeconds, async (c, seq) => {
      await client.json<Header>('POST', '/v3/kv/put', putOf(ctx, `${prefix}c-${c}-${seq}`), 200);
      acked++;
    }, sizes.warmupSeconds);
    if (load.failed > 0) ctx.violation('etcd', `${load.failed} puts failed: ${load.firstError}`);
    const count = await client.json<{ count?: string }>('POST', '/v3/kv/range', { key: b64(prefix), range_end: prefixEnd(prefix), count_only: true }, 200);
    if (Number(count.count ?? 0) !== acked) ctx.violation('etcd', `${acked} puts acknowledged, ${count.count ?? 0} stored`);
    return load;
  } finally {
    client.destroy();
  }
}

/**
 * A closed-loop window of updates as kube-apiserver writes them: each client puts its own key `<prefix>u-<client>`
 * in a transaction guarded on the key's mod_revision; a violation unless every guarded put succeeds.
 */
export async function etcdGuardedUpdates(ctx: BenchContext, prefix: string): Promise<LoadResult> {
  const { sizes } = ctx;
  const client = ctx.etcd.client(sizes.clients);
  try {
    const put = async (key: string) => Number((await client.json<Header>('POST', '/v3/kv/put', putOf(ctx, key), 200)).header.revision);
    const lastRv = await Promise.all(Array.from({ length: sizes.clients }, (_, c) => put(`${prefix}u-${c}`)));
    const load = await closedLoop(sizes.clients, sizes.throughputSeconds, async (c, seq) => {
      const key = b64(`${prefix}u-${c}`);
      const reply = await client.json<TxnReply>(
        'POST',
        '/v3/kv/txn',
        {
          compare: [{ key, target: 'MOD', result: 'EQUAL', mod_revision: String(lastRv[c]) }],
          success: [{ request_put: { key, value: storedValue(ctx, `u-${c}`, seq + 1) } }],
        },
        200,
      );
      if (!reply.succeeded) throw new Error(`guarded put of u-${c} at ${lastRv[c]} refused`);
      lastRv[c] = Number(reply.header.revision);
    }, sizes.warmupSeconds);
    if (load.failed > 0) ctx.violation('etcd', `${load.failed} update requests failed: ${load.firstError}`);
    return load;
  } finally {
    client.destroy();
  }
}

/**
 * Bare etcd. Throughput goes through its v3 JSON gateway (HTTP/1.1 keep-alive, as the Flotilla clients use HTTPS):
 * creates are plain puts of ~1 KB values; updates are transactions guarded on the key's mod_revision, as
 * kube-apiserver writes. Watch latency goes through etcd's native gRPC API, as kube-apiserver watches it, under the
 * same load as the Flotilla watch figure: one Watch stream per watcher, puts over gRPC, commit acknowledgement →
 * event received.
 */
export const etcdBaseline: BaselineModule = {
  name: 'etcd',
  title: 'bare etcd',
  async run(ctx: BenchContext) {
    const { sizes } = ctx;
    const create = await etcdPuts(ctx, '/bench/create/');
    ctx.log(`etcd put: ${create.perSecond.toFixed(0)}/s`);

    const update = await etcdGuardedUpdates(ctx, '/bench/update/');
    ctx.log(`etcd guarded update: ${update.perSecond.toFixed(0)}/s`);

    const grpc = new EtcdGrpcClient(ctx.etcd.grpcAddress, GRPC_CONNECTIONS);
    const prefix = (group: number) => `/bench/watch/${group}/`;
    const watch = await runWatchLoad(
      ctx,
      'etcd watch',
      { watchers: sizes.watchers, groups: sizes.watchNamespaces, rate: sizes.watchRate, seconds: sizes.watchSeconds },
      {
        open: (group, log) =>
          grpc.watchPrefix(
            prefix(group),
            (revision) => log.record(revision),
            (reason) => ctx.violation('etcd', `watch on ${prefix(group)} canceled: ${reason}`),
          ),
        write: (group, seq) => grpc.put(`${prefix(group)}w-${seq}`, JSON.stringify(storedConfigMap('bench', `w-${seq}`, sizes.configMapBytes, 0, seq))),
        async expected(writes) {
          // etcd returns each put's revision; an unacknowledged put would show up as an unexpected event.
          const byGroup = new Map<number, number[]>();
          for (let g = 0; g < sizes.watchNamespaces; g++) byGroup.set(g, [...(writes.byGroup.get(g) ?? [])].sort((a, b) => a - b));
          return byGroup;
        },
      },
    ).finally(() => grpc.close());
    ctx.log(`etcd watch (gRPC): p50 ${watch.p50.toFixed(1)} ms, p99 ${watch.p99.toFixed(1)} ms (${watch.delivered} events, ${watch.writesPerSecond.toFixed(0)} writes/s)`);

    return {
      create: { value: create.perSecond, unit: 'objects/s' },
      update: { value: update.perSecond, unit: 'objects/s' },
      'watch.p50': { value: watch.p50, unit: 'ms', lowerIsBetter: true },
      'watch.p99': { value: watch.p99, unit: 'ms', lowerIsBetter: true },
      'watch.fromSend.p99': { value: watch.fromSendP99, unit: 'ms', lowerIsBetter: true },
      'watch.writesPerSecond': { value: watch.writesPerSecond, unit: 'writes/s' },
    };
  },
};
