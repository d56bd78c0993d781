/**
 * One serialised watch event (`{"type":…,"object":…}` JSON, no newline). Every watcher that sends the same event in
 * the same form shares one message, and each wire encoding (an HTTP chunk, a WebSocket frame) is built once, on
 * first use, then written as is to every socket: at 1 000 watchers the per-watcher cost is one socket write.
 */
export class WatchMessage {
  private line?: Buffer;
  private readonly encodings = new Map<string, Buffer>();

  constructor(readonly json: string) {}

  /** The newline-terminated JSON as UTF-8 bytes: one line of a chunked HTTP watch body. */
  bytes(): Buffer {
    return (this.line ??= Buffer.from(`${this.json}\n`, 'utf8'));
  }

  /** The bytes of `encoding`, built by `build` the first time a transport asks for them. */
  encoded(encoding: string, build: (message: WatchMessage) => Buffer): Buffer {
    let bytes = this.encodings.get(encoding);
    if (bytes === undefined) this.encodings.set(encoding, (bytes = build(this)));
    return bytes;
  }
}

const CRLF = Buffer.from('\r\n', 'latin1');

/** Lines as one HTTP/1.1 chunk (RFC 9112 §7.1): `<size in hex>\r\n<data>\r\n`. */
export function httpChunk(lines: Buffer[]): Buffer {
  const size = lines.reduce((n, b) => n + b.length, 0);
  return Buffer.concat([Buffer.from(`${size.toString(16)}\r\n`, 'latin1'), ...lines, CRLF]);
}

/** The message alone as one HTTP chunk, shared by every HTTP watcher that sends it. */
export function httpChunkOf(message: WatchMessage): Buffer {
  return message.encoded('http-chunk', (m) => httpChunk([m.bytes()]));
}
