import type { IncomingMessage } from 'node:http';
import type { Authenticator } from '../auth/authenticator';
import type { UserInfo } from '../resources/request-context';
import { bearerTokenFromProtocols, offeredProtocols } from './watch-subprotocols';

const users = new WeakMap<IncomingMessage, UserInfo>();

/**
 * Authenticates a WebSocket upgrade from its `Authorization: Bearer` header, or else from the bearer subprotocol
 * that browsers use, and remembers the user for the gateway that takes the connection.
 */
export function authenticateUpgrade(authenticator: Authenticator, req: IncomingMessage): UserInfo | undefined {
  let user = authenticator.authenticate(req.headers.authorization);
  if (!user) {
    const token = bearerTokenFromProtocols(offeredProtocols(req.headers['sec-websocket-protocol']));
    if (token !== undefined) user = authenticator.authenticate(`Bearer ${token}`);
  }
  if (user) users.set(req, user);
  return user;
}

/** The user `authenticateUpgrade` found for this request. */
export function upgradeUser(req: IncomingMessage): UserInfo | undefined {
  return users.get(req);
}
