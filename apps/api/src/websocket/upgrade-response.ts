import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import { InternalError, isStatusError, type Status } from '@flotilla/domain';

export function statusOf(error: unknown): Status {
  if (isStatusError(error)) return error.toStatus();
  return new InternalError(error instanceof Error ? error.message : String(error)).toStatus();
}

/**
 * Refuses a WebSocket upgrade with a plain HTTP error response carrying the `Status`, so a client that cannot
 * start the stream (401, 404, 410, a bad selector) learns why, as with kube-apiserver.
 */
export function refuseUpgrade(socket: Duplex, error: unknown): void {
  if (socket.destroyed || !socket.writable) return;
  const status = statusOf(error);
  const body = JSON.stringify(status);
  socket.end(
    `HTTP/1.1 ${status.code} ${STATUS_CODES[status.code] ?? 'Error'}\r\n` +
      'Content-Type: application/json\r\n' +
      'Cache-Control: no-cache, private\r\n' +
      `Content-Length: ${Buffer.byteLength(body)}\r\n` +
      'Connection: close\r\n\r\n' +
      body,
  );
}
