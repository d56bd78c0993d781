import { ServerResponse, type IncomingMessage, type Server } from 'node:http';
import type { Socket } from 'node:net';
import type { Duplex } from 'node:stream';

/**
 * Serves an upgrade request as an ordinary HTTP request, as Node does when a server has no 'upgrade' listener:
 * kube-apiserver answers a list or get that carries `Upgrade: websocket` with its normal response.
 */
export function serveAsHttp(server: Server, req: IncomingMessage, socket: Duplex, head: Buffer): void {
  const res = new ServerResponse(req);
  res.shouldKeepAlive = false;
  res.assignSocket(socket as Socket);
  res.on('finish', () => {
    res.detachSocket(socket as Socket);
    (socket as Socket).destroySoon();
  });
  if (head.length > 0) socket.unshift(head);
  server.emit('request', req, res);
}
