import { join } from 'node:path';
import { credentials, loadPackageDefinition, type ClientDuplexStream, type GrpcObject, type ServiceClientConstructor } from '@grpc/grpc-js';
import { loadSync } from '@grpc/proto-loader';
import type { Stream } from '../https-client';

interface PutResponse {
  header: { revision: number };
}
interface WatchResponse {
  watch_id: number;
  created: boolean;
  canceled: boolean;
  cancel_reason: string;
  events: { kv: { mod_revision: number } }[];
}
type WatchCall = ClientDuplexStream<object, WatchResponse>;
interface KvClient {
  Put(request: { key: Buffer; value: Buffer }, callback: (error: Error | null, reply: PutResponse) => void): void;
  close(): void;
}
interface WatchClient {
  Watch(): WatchCall;
  close(): void;
}

interface Watcher {
  onRevision(revision: number): void;
  onCanceled(reason: string): void;
  created(): void;
  failed(error: Error): void;
  ended(): void;
  closed: boolean;
}

function services(): { KV: ServiceClientConstructor; Watch: ServiceClientConstructor } {
  const definition = loadSync(join(__dirname, 'etcd-rpc.proto'), { keepCase: true, longs: Number, defaults: true, oneofs: false });
  const pkg = loadPackageDefinition(definition).etcdserverpb as GrpcObject;
  return { KV: pkg.KV as ServiceClientConstructor, Watch: pkg.Watch as ServiceClientConstructor };
}

/**
 * One Watch RPC carrying many watchers, as clientv3 multiplexes the watchers of a client onto one stream. etcd
 * answers the create requests of a stream in the order it received them, so the k-th `created` is the k-th watcher.
 */
class WatchStream {
  private readonly call: WatchCall;
  private readonly pending: Watcher[] = [];
  private readonly byId = new Map<number, Watcher>();
  private open = 0;

  constructor(client: WatchClient) {
    this.call = client.Watch();
    this.call.on('data', (m: WatchResponse) => {
      if (m.created) {
        const w = this.pending.shift();
        if (w) {
          this.byId.set(m.watch_id, w);
          w.created();
        }
      }
      const w = this.byId.get(m.watch_id);
      if (!w || w.closed) return;
      if (m.canceled) w.onCanceled(m.cancel_reason || 'canceled');
      for (const e of m.events) w.onRevision(e.kv.mod_revision);
    });
    const end = (error?: Error) => {
      for (const w of [...this.pending, ...this.byId.values()]) {
        if (error) w.failed(error);
        w.ended();
      }
    };
    this.call.on('error', end);
    this.call.on('end', () => end());
  }

  add(prefix: string, watcher: Watcher): void {
    this.pending.push(watcher);
    this.open++;
    this.call.write({ create_request: { key: Buffer.from(prefix), range_end: prefixEnd(prefix) } });
  }

  /** The stream ends when its last watcher closes; cancelling it is expected then, not an error. */
  release(): void {
    if (--this.open > 0) return;
    this.call.removeAllListeners('error');
    this.call.on('error', () => undefined);
    this.call.cancel();
  }
}

/**
 * etcd's native gRPC API (as kube-apiserver's clientv3 talks to it), over `connections` HTTP/2 connections, each
 * with one Watch stream that carries its share of the watchers.
 */
export class EtcdGrpcClient {
  private readonly kv: KvClient[];
  private readonly watchClients: WatchClient[];
  private readonly streams: WatchStream[];
  private nextKv = 0;
  private nextWatch = 0;

  constructor(address: string, connections: number) {
    const { KV, Watch } = services();
    // A local subchannel pool per client: otherwise grpc-js shares one connection among all of them. Node's HTTP/2
    // windows default to 64 KiB, which busy streams exhaust between two WINDOW_UPDATEs; Go's gRPC client (clientv3)
    // grows its windows by BDP estimation up to 16 MiB, so start there.
    const options = {
      'grpc.use_local_subchannel_pool': 1,
      'grpc.max_receive_message_length': 16 * 1024 * 1024,
      'grpc-node.flow_control_window': 16 * 1024 * 1024,
    };
    const make = <T>(ctor: ServiceClientConstructor) => Array.from({ length: connections }, () => new ctor(address, credentials.createInsecure(), options) as unknown as T);
    this.kv = make<KvClient>(KV);
    this.watchClients = make<WatchClient>(Watch);
    this.streams = this.watchClients.map((c) => new WatchStream(c));
  }

  /** Puts `value` at `key`; resolves with the revision of the commit. */
  put(key: string, value: string): Promise<number> {
    const client = this.kv[this.nextKv++ % this.kv.length];
    return new Promise((resolve, reject) =>
      client.Put({ key: Buffer.from(key), value: Buffer.from(value) }, (error, reply) => (error ? reject(error) : resolve(reply.header.revision))),
    );
  }

  /** Watches every key under `prefix` from now on; `onRevision` gets each event's mod_revision in order. */
  watchPrefix(prefix: string, onRevision: (revision: number) => void, onCanceled: (reason: string) => void): Stream {
    const stream = this.streams[this.nextWatch++ % this.streams.length];
    let endedResolve!: () => void;
    const ended = new Promise<void>((r) => (endedResolve = r));
    let created!: () => void;
    let failed!: (e: Error) => void;
    const ready = new Promise<void>((resolve, reject) => ((created = resolve), (failed = reject)));
    const watcher: Watcher = { onRevision, onCanceled, created, failed, ended: endedResolve, closed: false };
    stream.add(prefix, watcher);
    return {
      ready,
      ended,
      close: () => {
        if (watcher.closed) return;
        watcher.closed = true;
        endedResolve();
        stream.release();
      },
    };
  }

  close(): void {
    [...this.kv, ...this.watchClients].forEach((c) => c.close());
  }
}

function prefixEnd(prefix: string): Buffer {
  const bytes = Buffer.from(prefix, 'utf8');
  bytes[bytes.length - 1] += 1;
  return bytes;
}
