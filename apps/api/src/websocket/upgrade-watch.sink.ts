import type { Duplex } from 'node:stream';
import { WebSocket } from 'ws';
import type { WatchSink } from '../resources/watch-streamer';
import { closeSlowConsumer, CloseCode, sendIfOpen } from './socket-close';
import { encodeWatchMessage, framingOf, type WatchFraming } from './watch-subprotocols';

/**
 * A watch served on its own WebSocket (a `?watch=true` URL that was upgraded): one event per message, framed by
 * the negotiated subprotocol. The upgrade is completed only in `begin()`, so errors raised before the stream
 * starts can still be answered as HTTP.
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

  write(json: string): void {
    if (!this.ws) return;
    // The hub hands a watcher a whole batch in one tick: cork the socket so its frames leave in one write.
    if (!this.corked && !this.socket.destroyed) {
      this.corked = true;
      this.socket.cork();
      process.nextTick(() => {
        this.corked = false;
        this.socket.uncork();
      });
    }
    const { data, binary } = encodeWatchMessage(json, this.framing);
    sendIfOpen(this.ws, data, binary);
  }

  buffered(): number {
    return this.ws?.bufferedAmount ?? 0;
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
