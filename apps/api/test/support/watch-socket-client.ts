import WebSocket from 'ws';
import type { Harness } from '../../../../test/support/api-harness';

export interface SocketOptions {
  /** How the admin token travels: the Authorization header (default), the bearer subprotocol, or not at all. */
  auth?: 'header' | 'protocol' | 'none';
  /** Subprotocols offered besides the bearer one. */
  protocols?: string[];
  /** A token to send instead of the harness's. */
  token?: string;
  /** Another replica's URL instead of the harness's first one. */
  server?: string;
}

export interface Frame {
  binary: boolean;
  text: string;
}

export interface TestSocket {
  ws: WebSocket;
  frames: Frame[];
  /** Every message parsed as JSON (base64 text frames decoded first when `decodeBase64`). */
  messages: unknown[];
  /** Resolves with the first message (from the start) that satisfies `test`. */
  waitFor<T = Record<string, unknown>>(test: (m: T) => boolean, timeoutMs?: number): Promise<T>;
  closed: Promise<{ code: number; reason: string }>;
  send(message: unknown): void;
  close(): void;
}

export interface Refusal {
  status: number;
  contentType: string | undefined;
  body: Record<string, unknown>;
}

export function bearerProtocol(token: string): string {
  return `base64url.bearer.authorization.k8s.io.${Buffer.from(token).toString('base64url')}`;
}

function connect(harness: Harness, path: string, options: SocketOptions): WebSocket {
  const token = options.token ?? harness.token;
  const auth = options.auth ?? 'header';
  const protocols = [...(options.protocols ?? []), ...(auth === 'protocol' ? [bearerProtocol(token)] : [])];
  const url = new URL(path, (options.server ?? harness.server.url).replace(/^http/, 'ws'));
  return new WebSocket(url, protocols, {
    ca: harness.caCertPem,
    headers: auth === 'header' ? { Authorization: `Bearer ${token}` } : {},
  });
}

/** Opens a WebSocket to the harness's replica; rejects if the upgrade is refused. */
export function openSocket(harness: Harness, path: string, options: SocketOptions & { decodeBase64?: boolean } = {}): Promise<TestSocket> {
  const ws = connect(harness, path, options);
  const frames: Frame[] = [];
  const messages: unknown[] = [];
  const waiters = new Set<() => void>();
  ws.on('message', (data: Buffer, binary: boolean) => {
    const text = data.toString('utf8');
    frames.push({ binary, text });
    messages.push(JSON.parse(options.decodeBase64 ? Buffer.from(text, 'base64').toString('utf8') : text));
    for (const w of waiters) w();
  });
  const closed = new Promise<{ code: number; reason: string }>((resolve) => ws.on('close', (code, reason) => resolve({ code, reason: reason.toString() })));
  const socket: TestSocket = {
    ws,
    frames,
    messages,
    closed,
    waitFor<T>(test: (m: T) => boolean, timeoutMs = 10_000) {
      return new Promise<T>((resolve, reject) => {
        const check = () => {
          const found = (messages as T[]).find((m) => test(m));
          if (found === undefined) return;
          done();
          resolve(found);
        };
        const timer = setTimeout(() => {
          done();
          reject(new Error(`no matching message in ${timeoutMs} ms; got:\n${messages.map((m) => JSON.stringify(m).slice(0, 300)).join('\n')}`));
        }, timeoutMs);
        const done = () => {
          clearTimeout(timer);
          waiters.delete(check);
        };
        waiters.add(check);
        check();
      });
    },
    send: (message) => ws.send(typeof message === 'string' ? message : JSON.stringify(message)),
    close: () => ws.close(),
  };
  return new Promise((resolve, reject) => {
    ws.once('open', () => resolve(socket));
    ws.once('unexpected-response', (_req, res) => reject(new Error(`upgrade refused with ${res.statusCode}`)));
    ws.once('error', reject);
  });
}

/** Attempts an upgrade that the server must refuse; resolves with its HTTP answer. */
export function refusedUpgrade(harness: Harness, path: string, options: SocketOptions = {}): Promise<Refusal> {
  const ws = connect(harness, path, options);
  return new Promise((resolve, reject) => {
    ws.once('open', () => {
      ws.terminate();
      reject(new Error('the upgrade was accepted'));
    });
    ws.once('error', (e) => reject(e));
    ws.once('unexpected-response', (_req, res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        resolve({ status: res.statusCode ?? 0, contentType: res.headers['content-type'], body: JSON.parse(text) as Record<string, unknown> });
      });
    });
  });
}
