import { connect as netConnect, type Socket } from 'node:net';
import { connect as tlsConnect } from 'node:tls';

export interface LeanReply {
  status: number;
  body: string;
}

export const HEAD_END = Buffer.from('\r\n\r\n');
export const CRLF = Buffer.from('\r\n');

/** A load-generator socket to `host:port`, TLS with `ca` when `tls`, Nagle off; `onConnect` once it can be written. */
export function leanSocket(host: string, port: number, tls: boolean, ca: string | undefined, onConnect: () => void): Socket {
  const socket = tls ? tlsConnect({ host, port, ca, servername: host === '127.0.0.1' ? undefined : host }, onConnect) : netConnect(port, host, onConnect);
  socket.setNoDelay(true);
  return socket;
}

/**
 * The request side of the load generator: keep-alive HTTP/1.1 connections, one request in flight on each, written as
 * one string and read just far enough to find the status and the body (Content-Length or chunked).
 *
 * Node's own client (http.Agent, IncomingMessage streams) costs about three times the CPU per request: on these
 * 2-core machines it held a trivial Node server to 8.7k requests/s where this one reaches 22k/s, so with it the load
 * generator took the cores the servers under test needed (docs/benchmarks.md, "load generator").
 */
export class LeanPool {
  private readonly idle: LeanConnection[] = [];
  private readonly waiting: ((c: LeanConnection) => void)[] = [];
  private open = 0;
  private readonly host: string;
  private readonly port: number;
  private readonly tls: boolean;
  private readonly hostHeader: string;
  private closed = false;

  /** `headers` go with every request, unless a request gives the same header itself. */
  constructor(
    baseUrl: string,
    private readonly maxSockets: number,
    private readonly headers: Record<string, string>,
    private readonly ca?: string,
  ) {
    const url = new URL(baseUrl);
    this.host = url.hostname;
    this.tls = url.protocol === 'https:';
    this.port = Number(url.port) || (this.tls ? 443 : 80);
    this.hostHeader = `Host: ${url.host}\r\n`;
  }

  async request(method: string, path: string, body: string | undefined, headers: Record<string, string>): Promise<LeanReply> {
    let head = `${method} ${path} HTTP/1.1\r\n${this.hostHeader}`;
    const given = new Set(Object.keys(headers).map((h) => h.toLowerCase()));
    for (const name in this.headers) if (!given.has(name.toLowerCase())) head += `${name}: ${this.headers[name]}\r\n`;
    for (const name in headers) head += `${name}: ${headers[name]}\r\n`;
    head += body === undefined ? '\r\n' : `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
    const connection = await this.acquire();
    try {
      const reply = await connection.exchange(head);
      this.release(connection);
      return reply;
    } catch (e) {
      this.discard(connection);
      throw e;
    }
  }

  close(): void {
    this.closed = true;
    for (const c of this.idle.splice(0)) c.close();
  }

  private acquire(): Promise<LeanConnection> {
    // The server closes keep-alive connections that idle past its timeout: those are dropped, not reused.
    for (let ready = this.idle.pop(); ready; ready = this.idle.pop()) {
      if (ready.usable) return Promise.resolve(ready);
      this.open--;
    }
    if (this.open < this.maxSockets) {
      this.open++;
      return LeanConnection.open(this.host, this.port, this.tls, this.ca).catch((e: unknown) => {
        this.open--;
        throw e;
      });
    }
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  private release(connection: LeanConnection): void {
    const next = this.waiting.shift();
    if (next) next(connection);
    else if (this.closed) this.discard(connection);
    else this.idle.push(connection);
  }

  private discard(connection: LeanConnection): void {
    connection.close();
    this.open--;
    // Someone waiting for a connection gets a new one in place of the broken one.
    const next = this.waiting.shift();
    if (next) {
      this.open++;
      LeanConnection.open(this.host, this.port, this.tls, this.ca).then(next, () => {
        this.open--;
      });
    }
  }
}

class LeanConnection {
  private buffer: Buffer = Buffer.alloc(0);
  /** Bytes received after `buffer` and not yet joined to it: a large body is joined once, when it is complete. */
  private arriving: Buffer[] = [];
  private arrivingBytes = 0;
  /** Bytes the reply in progress needs in all, once its head says (Content-Length). */
  private needed = 0;
  private pending?: { resolve: (r: LeanReply) => void; reject: (e: Error) => void };
  private failure?: Error;
  /** When the server will close this connection if it stays idle (its `Keep-Alive: timeout=` hint, less a second). */
  private idleUntil = Number.POSITIVE_INFINITY;

  private constructor(private readonly socket: Socket) {
    socket.on('data', (chunk: Buffer) => {
      this.arriving.push(chunk);
      this.arrivingBytes += chunk.length;
      if (this.buffer.length + this.arrivingBytes < this.needed) return;
      this.buffer = Buffer.concat([this.buffer, ...this.arriving]);
      this.arriving = [];
      this.arrivingBytes = 0;
      this.parse();
    });
    const fail = (e: Error) => {
      this.failure ??= e;
      const pending = this.pending;
      this.pending = undefined;
      pending?.reject(this.failure);
    };
    socket.on('error', fail);
    socket.on('close', () => fail(new Error('connection closed by the server')));
  }

  static open(host: string, port: number, tls: boolean, ca?: string): Promise<LeanConnection> {
    return new Promise((resolve, reject) => {
      const socket = leanSocket(host, port, tls, ca, () => resolve(new LeanConnection(socket)));
      socket.once('error', reject);
    });
  }

  /** Still open, with nothing unread, and not about to be closed by the server: safe to send the next request on. */
  get usable(): boolean {
    return this.failure === undefined && !this.socket.destroyed && this.buffer.length === 0 && Date.now() < this.idleUntil;
  }

  exchange(request: string): Promise<LeanReply> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      this.pending = { resolve, reject };
      this.socket.write(request);
    });
  }

  close(): void {
    this.socket.destroy();
  }

  private parse(): void {
    if (!this.pending) return;
    const headEnd = this.buffer.indexOf(HEAD_END);
    if (headEnd < 0) return;
    const head = this.buffer.toString('latin1', 0, headEnd).toLowerCase();
    const status = Number(head.slice(9, 12));
    const bodyStart = headEnd + 4;
    let body: Buffer | undefined;
    let rest = 0;
    const length = /\r\ncontent-length: *(\d+)/.exec(head);
    if (length) {
      const end = bodyStart + Number(length[1]);
      if (this.buffer.length < end) {
        this.needed = end;
        return;
      }
      body = this.buffer.subarray(bodyStart, end);
      rest = end;
    } else if (/\r\ntransfer-encoding: *chunked/.test(head)) {
      const chunks: Buffer[] = [];
      let at = bodyStart;
      for (;;) {
        const lineEnd = this.buffer.indexOf(CRLF, at);
        if (lineEnd < 0) return;
        const size = parseInt(this.buffer.toString('latin1', at, lineEnd), 16);
        if (size === 0) {
          if (this.buffer.length < lineEnd + 4) return;
          rest = lineEnd + 4;
          break;
        }
        if (this.buffer.length < lineEnd + 2 + size + 2) return;
        chunks.push(this.buffer.subarray(lineEnd + 2, lineEnd + 2 + size));
        at = lineEnd + 2 + size + 2;
      }
      body = Buffer.concat(chunks);
    } else if (status === 204 || status === 304) {
      body = Buffer.alloc(0);
      rest = bodyStart;
    } else {
      this.socket.destroy(new Error(`HTTP ${status} reply with neither Content-Length nor chunked encoding`));
      return;
    }
    const pending = this.pending;
    this.pending = undefined;
    const text = body.toString('utf8');
    this.buffer = this.buffer.subarray(rest);
    this.needed = 0;
    const keepAlive = /\r\nkeep-alive: *timeout=(\d+)/.exec(head);
    this.idleUntil = keepAlive ? Date.now() + Math.max(0, Number(keepAlive[1]) - 1) * 1000 : Number.POSITIVE_INFINITY;
    pending.resolve({ status, body: text });
  }
}
