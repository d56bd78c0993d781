import { createHash, randomBytes } from 'node:crypto';
import type { Socket } from 'node:net';
import type { Stream } from './https-client';
import { CRLF, HEAD_END, leanSocket } from './lean-http';

/**
 * The watch side of the load generator (D17's lean client, for streams): a watch read straight off its socket, as a
 * chunked HTTP body split into lines or as WebSocket text frames, one event each. Node's HTTP client (llhttp, an
 * IncomingMessage stream and a string decoder per chunk) and the `ws` receiver (a Writable stream per socket) cost
 * the load generator most of a core at 20,000 events/s on these 2-core machines, taken from the server it measures.
 */
export interface LeanWatchOptions {
  baseUrl: string;
  /** Sent with the request (the bearer token). */
  headers: Record<string, string>;
  ca?: string;
}

const WEBSOCKET_GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';

/** A chunked HTTP watch: `onLine` gets each newline-terminated line of the body. */
export function leanHttpWatch(options: LeanWatchOptions, path: string, onLine: (line: string) => void): Stream {
  let lineParts: Buffer[] = [];
  let chunkLeft = 0; // bytes of the current chunk still to come, then its CRLF
  const takeBody = (data: Buffer) => {
    let from = 0;
    for (let nl = data.indexOf(10); nl >= 0; nl = data.indexOf(10, from)) {
      const piece = data.subarray(from, nl);
      if (lineParts.length === 0) {
        if (piece.length > 0) onLine(piece.toString('utf8'));
      } else {
        lineParts.push(piece);
        onLine(Buffer.concat(lineParts).toString('utf8'));
        lineParts = [];
      }
      from = nl + 1;
    }
    if (from < data.length) lineParts.push(Buffer.from(data.subarray(from)));
  };
  /** Parses chunk framing from `buf`; returns the bytes not yet parseable, or null when the body ended. */
  const takeChunks = (buf: Buffer): Buffer | null => {
    let at = 0;
    for (;;) {
      if (chunkLeft > 0) {
        const n = Math.min(chunkLeft - 2, buf.length - at);
        if (n > 0) {
          takeBody(buf.subarray(at, at + n));
          at += n;
          chunkLeft -= n;
        }
        if (chunkLeft > 2 || buf.length - at < 2) return buf.subarray(at);
        at += 2; // the chunk's CRLF
        chunkLeft = 0;
      }
      const lineEnd = buf.indexOf(CRLF, at);
      if (lineEnd < 0) return buf.subarray(at);
      const size = parseInt(buf.toString('latin1', at, lineEnd), 16);
      if (!(size >= 0)) throw new Error(`bad chunk size line ${JSON.stringify(buf.toString('latin1', at, lineEnd))}`);
      if (size === 0) return null;
      at = lineEnd + 2;
      chunkLeft = size + 2;
    }
  };
  return openStream(options, path, {}, (status, head) => {
    if (status !== 200) throw new Error(`GET ${path}: HTTP ${status}`);
    if (!/\r\ntransfer-encoding: *chunked/.test(head)) throw new Error(`GET ${path}: the watch answer is not chunked`);
    return takeChunks;
  });
}

/** A watch upgraded to a WebSocket (no subprotocol): `onEvent` gets each text message. */
export function leanWebSocketWatch(options: LeanWatchOptions, path: string, onEvent: (json: string) => void): Stream {
  const key = randomBytes(16).toString('base64');
  const accept = createHash('sha1').update(key + WEBSOCKET_GUID).digest('base64');
  let fragments: Buffer[] = [];
  let socket!: Socket;
  const takeFrames = (buf: Buffer): Buffer | null => {
    let at = 0;
    for (;;) {
      if (buf.length - at < 2) return buf.subarray(at);
      const fin = (buf[at] & 0x80) !== 0;
      const opcode = buf[at] & 0x0f;
      if (buf[at + 1] & 0x80) throw new Error('the server masked a frame');
      let length = buf[at + 1] & 0x7f;
      let header = 2;
      if (length === 126) {
        if (buf.length - at < 4) return buf.subarray(at);
        length = buf.readUInt16BE(at + 2);
        header = 4;
      } else if (length === 127) {
        if (buf.length - at < 10) return buf.subarray(at);
        length = Number(buf.readBigUInt64BE(at + 2));
        header = 10;
      }
      if (buf.length - at < header + length) return buf.subarray(at);
      const payload = buf.subarray(at + header, at + header + length);
      at += header + length;
      switch (opcode) {
        case 0x0: // continuation
        case 0x1: // text
          if (fin && fragments.length === 0) onEvent(payload.toString('utf8'));
          else {
            fragments.push(Buffer.from(payload));
            if (fin) {
              onEvent(Buffer.concat(fragments).toString('utf8'));
              fragments = [];
            }
          }
          break;
        case 0x8: // close
          return null;
        case 0x9: // ping: answer with a pong carrying the same data, masked as a client must
          socket.write(clientFrame(0xa, payload));
          break;
        default: // pong, binary: not part of a watch
          break;
      }
    }
  };
  const headers = { Upgrade: 'websocket', Connection: 'Upgrade', 'Sec-WebSocket-Key': key, 'Sec-WebSocket-Version': '13' };
  return openStream(options, path, headers, (status, head, s) => {
    socket = s;
    if (status !== 101) throw new Error(`GET ${path}: upgrade refused with HTTP ${status}`);
    if (!head.includes(`\r\nsec-websocket-accept: ${accept.toLowerCase()}`)) throw new Error(`GET ${path}: wrong Sec-WebSocket-Accept`);
    return takeFrames;
  });
}

/** A client frame (FIN set), masked with a random key. */
function clientFrame(opcode: number, payload: Buffer): Buffer {
  if (payload.length > 125) throw new Error('control frames carry at most 125 bytes');
  const mask = randomBytes(4);
  const frame = Buffer.alloc(6 + payload.length);
  frame[0] = 0x80 | opcode;
  frame[1] = 0x80 | payload.length;
  mask.copy(frame, 2);
  for (let i = 0; i < payload.length; i++) frame[6 + i] = payload[i] ^ mask[i % 4];
  return frame;
}

/**
 * Opens a connection, sends a GET for `path`, and once the answer's head is in hands it to `accept`, which checks it
 * and returns the body parser. The parser gets the unparsed bytes and returns those it could not parse yet, or null
 * when the stream ended; a throw ends the stream.
 */
function openStream(
  options: LeanWatchOptions,
  path: string,
  extra: Record<string, string>,
  accept: (status: number, head: string, socket: Socket) => (buf: Buffer) => Buffer | null,
): Stream {
  const url = new URL(options.baseUrl);
  const tls = url.protocol === 'https:' || url.protocol === 'wss:';
  const port = Number(url.port) || (tls ? 443 : 80);
  let request = `GET ${path} HTTP/1.1\r\nHost: ${url.host}\r\nAccept: application/json\r\n`;
  for (const [name, value] of Object.entries({ ...options.headers, ...extra })) request += `${name}: ${value}\r\n`;
  request += '\r\n';

  let endedResolve!: () => void;
  const ended = new Promise<void>((r) => (endedResolve = r));
  let readyResolve!: () => void;
  let readyReject!: (e: Error) => void;
  const ready = new Promise<void>((resolve, reject) => {
    readyResolve = resolve;
    readyReject = reject;
  });
  const socket = leanSocket(url.hostname, port, tls, options.ca, () => socket.write(request));

  let parse: ((buf: Buffer) => Buffer | null) | undefined;
  let pending: Buffer | null = null;
  const finish = (error?: Error) => {
    if (error) readyReject(error);
    socket.destroy();
    endedResolve();
  };
  socket.on('data', (data: Buffer) => {
    let buf = pending && pending.length > 0 ? Buffer.concat([pending, data]) : data;
    try {
      if (!parse) {
        const headEnd = buf.indexOf(HEAD_END);
        if (headEnd < 0) {
          pending = buf;
          return;
        }
        const head = buf.toString('latin1', 0, headEnd).toLowerCase();
        parse = accept(Number(head.slice(9, 12)), head, socket);
        readyResolve();
        buf = buf.subarray(headEnd + 4);
      }
      pending = parse(buf);
      if (pending === null) finish();
      else if (pending.length > 0 && pending.buffer === data.buffer) pending = Buffer.from(pending); // the socket may reuse its buffer
    } catch (e) {
      finish(e instanceof Error ? e : new Error(String(e)));
    }
  });
  socket.on('error', (e) => finish(e));
  socket.on('close', () => finish(new Error(`GET ${path}: connection closed`)));
  return { ready, ended, close: () => socket.destroy() };
}
