/** The subprotocol that carries a bearer token for clients that cannot set headers (browsers), as kube-apiserver reads it. */
export const TOKEN_PROTOCOL_PREFIX = 'base64url.bearer.authorization.k8s.io.';
/** The subprotocol of the multiplexed watch endpoint: JSON text messages both ways. */
export const MULTIPLEX_PROTOCOL = 'v1.watch.flotilla.dev';

/** How one watch event travels in a WebSocket message. */
export type WatchFraming = 'text' | 'binary' | 'base64';

/** The data subprotocols of a per-URL watch socket, as kube-apiserver's streams name them. */
export const WATCH_PROTOCOLS: ReadonlyMap<string, WatchFraming> = new Map([
  ['binary.k8s.io', 'binary'],
  ['base64.binary.k8s.io', 'base64'],
]);

/** The subprotocols a client offered, in its order (`Sec-WebSocket-Protocol` may repeat and holds comma lists). */
export function offeredProtocols(header: string | string[] | undefined): string[] {
  return ([] as string[])
    .concat(header ?? [])
    .flatMap((h) => h.split(','))
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
}

/**
 * The token of the first bearer subprotocol, or undefined when none is offered or its encoding is not unpadded
 * base64url of UTF-8 text (kube-apiserver then refuses the credentials as well).
 */
export function bearerTokenFromProtocols(protocols: readonly string[]): string | undefined {
  const offered = protocols.find((p) => p.startsWith(TOKEN_PROTOCOL_PREFIX));
  if (offered === undefined) return undefined;
  const encoded = offered.slice(TOKEN_PROTOCOL_PREFIX.length);
  if (!/^[A-Za-z0-9_-]+$/.test(encoded)) return undefined;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(Buffer.from(encoded, 'base64url'));
  } catch {
    return undefined;
  }
}

/** The first offered subprotocol the server speaks; the bearer subprotocol is never selected (it would echo the token). */
export function selectProtocol(offered: Iterable<string>, supported: (protocol: string) => boolean): string | false {
  for (const p of offered) {
    if (!p.startsWith(TOKEN_PROTOCOL_PREFIX) && supported(p)) return p;
  }
  return false;
}

export function framingOf(protocol: string | undefined): WatchFraming {
  return (protocol && WATCH_PROTOCOLS.get(protocol)) || 'text';
}

/**
 * One server-to-client WebSocket frame (RFC 6455 §5.2): final, unmasked, text (opcode 1) or binary (opcode 2),
 * with the 7-bit, 16-bit or 64-bit payload length.
 */
export function serverFrame(payload: Buffer, binary: boolean): Buffer {
  const n = payload.length;
  const headerLength = n < 126 ? 2 : n < 65536 ? 4 : 10;
  const frame = Buffer.allocUnsafe(headerLength + n);
  frame[0] = 0x80 | (binary ? 0x2 : 0x1);
  if (n < 126) frame[1] = n;
  else if (n < 65536) {
    frame[1] = 126;
    frame.writeUInt16BE(n, 2);
  } else {
    frame[1] = 127;
    frame.writeBigUInt64BE(BigInt(n), 2);
  }
  payload.copy(frame, headerLength);
  return frame;
}

/** One watch event (`{"type":…,"object":…}` JSON) as the message its framing sends. */
export function encodeWatchMessage(json: string, framing: WatchFraming): { data: string | Buffer; binary: boolean } {
  switch (framing) {
    case 'binary':
      return { data: Buffer.from(json, 'utf8'), binary: true };
    case 'base64':
      return { data: Buffer.from(json, 'utf8').toString('base64'), binary: false };
    default:
      return { data: json, binary: false };
  }
}
