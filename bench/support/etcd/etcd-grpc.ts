import { join } from 'node:path';
import { credentials, loadPackageDefinition, type ClientDuplexStream, type GrpcObject, type ServiceClientConstructor } from '@grpc/grpc-js';
import { loadSync } from '@grpc/proto-loader';
import type { Stream } from '../https-client';

interface PutResponse {
  header: { revision: number };
}
interface WatchResponse {
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

function services(): { KV: ServiceClientConstructor; Watch: ServiceClientConstructor } {
  const definition = loadSync(join(__dirname, 'etcd-rpc.proto'), { keepCase: true, longs: Number, defaults: true, oneofs: false });
  const pkg = loadPackageDefinition(definition).etcdserverpb as GrpcObject;
  return { KV: pkg.KV as ServiceClientConstructor, Watch: pkg.Watch as ServiceClientConstructor };
}

/**
 * etcd's native gRPC API (as kube-apiserver's clientv3 talks to it), over `connections` HTTP/2 connections.
 * Each watcher is its own Watch stream, the connections taken in turn.
 */
export class EtcdGrpcClient {
  private readonly kv: KvClient[];
  private readonly watch: WatchClient[];
  private nextKv = 0;
  private nextWatch = 0;

  constructor(address: string, connections: number) {
    const { KV, Watch } = services();
    // A local subchannel pool per client: otherwise grpc-js shares one connection among all of them.
    const options = { 'grpc.use_local_subchannel_pool': 1, 'grpc.max_receive_message_length': 16 * 1024 * 1024 };
    const make = <T>(ctor: ServiceClientConstructor) => Array.from({ length: connections }, () => new ctor(address, credentials.createInsecure(), options) as unknown as T);
    this.kv = make<KvClient>(KV);
    this.watch = make<WatchClient>(Watch);
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
    const call = this.watch[this.nextWatch++ % this.watch.length].Watch();
    let endedResolve!: () => void;
    const ended = new Promise<void>((r) => (endedResolve = r));
    const ready = new Promise<void>((resolve, reject) => {
      call.on('data', (m: WatchResponse) => {
        if (m.created) resolve();
        if (m.canceled) onCanceled(m.cancel_reason || 'canceled');
        for (const e of m.events) onRevision(e.kv.mod_revision);
      });
      call.on('error', (e: Error & { code?: number }) => {
        reject(e);
        endedResolve();
      });
      call.on('end', endedResolve);
      call.on('close', endedResolve);
    });
    call.write({ create_request: { key: Buffer.from(prefix), range_end: prefixEnd(prefix) } });
    return {
      ready,
      ended,
      close: () => {
        // Cancelling ends the stream with a CANCELLED status, which is expected here and not an error.
        call.removeAllListeners('error');
        call.on('error', () => undefined);
        call.cancel();
      },
    };
  }

  close(): void {
    [...this.kv, ...this.watch].forEach((c) => c.close());
  }
}

function prefixEnd(prefix: string): Buffer {
  const bytes = Buffer.from(prefix, 'utf8');
  bytes[bytes.length - 1] += 1;
  return bytes;
}
