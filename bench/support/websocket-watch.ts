import { WebSocket } from 'ws';
import type { Stream } from './https-client';

export interface WebSocketWatchOptions {
  /** The API's https URL. */
  baseUrl: string;
  token: string;
  ca: string;
}

/**
 * A watch URL upgraded to a WebSocket, as kubectl's and client-go's WebSocket watch clients open it: the bearer token
 * in the `Authorization` header, no subprotocol, so each text message is one watch event's JSON.
 */
export function openWebSocketWatch(options: WebSocketWatchOptions, path: string, onEvent: (json: string) => void): Stream {
  const ws = new WebSocket(new URL(path, options.baseUrl.replace(/^http/, 'ws')), {
    ca: options.ca,
    headers: { Authorization: `Bearer ${options.token}` },
    // The server never negotiates compression; not offering it keeps the handshake what a plain client sends.
    perMessageDeflate: false,
  });
  const ended = new Promise<void>((resolve) => ws.once('close', () => resolve()));
  const ready = new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('unexpected-response', (_req, res) => reject(new Error(`GET ${path}: upgrade refused with HTTP ${res.statusCode}`)));
    ws.once('error', reject);
  });
  // After the handshake an error also closes the socket; `ended` reports it.
  ws.on('error', () => undefined);
  ws.on('message', (data: Buffer) => onEvent(data.toString('utf8')));
  return { ready, ended, close: () => ws.terminate() };
}
