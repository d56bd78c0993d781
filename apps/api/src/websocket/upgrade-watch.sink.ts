import type { Duplex } from 'node:stream';
import { WebSocket } from 'ws';
import type { WatchMessage } from '../resources/watch-message';
import type { WatchSink } from '../resources/watch-streamer';
import { closeSlowConsumer, CloseCode } from './socket-close';
import { encodeWatchMessage, framingOf, serverFrame, type WatchFraming } from './watch-subprotocols';

/**
 * A watch served on its own WebSocket (a `?watch=true` URL that was upgraded): one event per message, framed by
 * the negotiated subprotocol. The upgrade is completed only in `begin()`, so errors raised before the stream
 * starts can still be answered as HTTP.
 *
 * Events go out as frames built once per message and framing (`frameOf`) and written straight to the socket: the
 * server never negotiates compression, so ws's sender holds nothing back and a frame written here lands in order
 * with ws's own control frames. Nothing is written once ws leaves the OPEN state (closing handshake).
 */
export class UpgradeWatchSink implements WatchSink {
  private ws?: WebSocket;
  private framing: WatchFraming = 'text';
  private corked = false;

  constructor(
    private readonly accept: (attach: (ws: WebSocket) => void) => void,
    private readonly socket: Duplex,
  ) {}

  get accepted(): boolean {
    return this.ws !== undefined;
  }

  begin(): void {
    // ws completes a valid handshake synchronously; an invalid one is answered 400 and the socket closes.
    this.accept((ws) => {
      this.ws = ws;
      this.framing = framingOf(ws.protocol);
      // kube-apiserver ignores what a watch client sends; so does this socket.
      ws.on('message', () => undefined);
    });
  }

  write(message: WatchMessage): void {
    if (!this.ws || this.ws.readyState !== WebSocket.OPEN) return;
    // The hub hands a watcher a whole batch in one tick: cork the socket so its frames leave in one write.
    if (!this.corked && !this.socket.destroyed) {
      this.corked = true;
      this.socket.cork();
      process.nextTick(() => {
        this.corked = false;
        this.socket.uncork();
      });
    }
    this.socket.write(frameOf(message, this.framing));
  }

  buffered(): number {
    return this.socket.writableLength;
  }

  end(reason?: 'slow-consumer' | 'timeout' | 'error' | 'done'): void {
    if (!this.ws) {
      this.socket.destroy();
      return;
    }
    if (reason === 'slow-consumer') closeSlowConsumer(this.ws);
    else if (this.ws.readyState === WebSocket.OPEN) this.ws.close(CloseCode.normal);
  }

  onPeerClose(handler: () => void): void {
    // The raw socket closes in every case: a peer that leaves, a refused handshake, or our own close.
    if (this.socket.destroyed) queueMicrotask(handler);
    else this.socket.once('close', handler);
  }
}

/** The message as one WebSocket frame in `framing`, shared by every socket with that framing. */
function frameOf(message: WatchMessage, framing: WatchFraming): Buffer {
  return message.encoded(`ws-${framing}`, (m) => {
    const { data, binary } = encodeWatchMessage(m.json, framing);
    return serverFrame(typeof data === 'string' ? Buffer.from(data, 'utf8') : data, binary);
  });
}
