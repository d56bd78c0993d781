import { WebSocket } from 'ws';
import { MAX_BUFFERED_BYTES } from '../resources/watch-streamer';

/** Close codes (RFC 6455 §7.4.1) this API uses on watch sockets. */
export const CloseCode = {
  normal: 1000,
  goingAway: 1001,
  policyViolation: 1008,
} as const;

export const SLOW_CONSUMER_REASON = `slow consumer: more than ${MAX_BUFFERED_BYTES} bytes queued`;

/** Sends one message unless the socket is closing; watch output after a close has nowhere to go. */
export function sendIfOpen(ws: WebSocket, data: string | Buffer, binary = false): void {
  if (ws.readyState === WebSocket.OPEN) ws.send(data, { binary });
}

/**
 * Drops a peer that does not read fast enough. The close frame queues behind what is already buffered, so a peer
 * that resumes reading still learns why; ws destroys the socket if the close handshake does not finish in 30 s.
 */
export function closeSlowConsumer(ws: WebSocket): void {
  if (ws.readyState === WebSocket.OPEN) ws.close(CloseCode.policyViolation, SLOW_CONSUMER_REASON);
}
