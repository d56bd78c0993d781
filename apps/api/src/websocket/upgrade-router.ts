import { Inject, Injectable } from '@nestjs/common';
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { UnauthorizedError } from '@flotilla/domain';
import { Authenticator } from '../auth/authenticator';
import { serveAsHttp } from './serve-as-http';
import { authenticateUpgrade } from './upgrade-auth';
import { refuseUpgrade } from './upgrade-response';
import { MULTIPLEX_PATH } from './watch-multiplex.gateway';
import { isWatchRequest, requestTarget, WatchUpgradeHandler } from './watch-upgrade.handler';

export const UPGRADE_AUTHENTICATOR = Symbol('UPGRADE_AUTHENTICATOR');

type UpgradeListener = (req: IncomingMessage, socket: Duplex, head: Buffer) => void;

/**
 * Owns the HTTP server's 'upgrade' event. `@nestjs/platform-ws` matches gateway paths exactly and destroys every
 * other upgrade, so watch URLs under /api and /apis go to the watch handler here (other requests there are served
 * as plain HTTP), and everything else goes on to Nest's listeners after authentication.
 */
@Injectable()
export class UpgradeRouter {
  constructor(
    private readonly watch: WatchUpgradeHandler,
    @Inject(UPGRADE_AUTHENTICATOR) private readonly authenticator: Authenticator,
  ) {}

  /** Call after `app.init()`, when Nest's gateways have registered their listener. */
  install(server: Server): void {
    const nest = server.listeners('upgrade') as UpgradeListener[];
    server.removeAllListeners('upgrade');
    server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => this.route(server, nest, req, socket, head));
  }

  private route(server: Server, nest: UpgradeListener[], req: IncomingMessage, socket: Duplex, head: Buffer): void {
    // Node leaves an upgraded socket without an error listener; a reset during the checks must not crash the process.
    socket.on('error', () => socket.destroy());
    const { path } = requestTarget(req);
    if (/^\/apis?(\/|$)/.test(path)) {
      if (!isWatchRequest(req)) return serveAsHttp(server, req, socket, head);
      void this.watch.handle(req, socket, head, authenticateUpgrade(this.authenticator, req));
      return;
    }
    if (path === MULTIPLEX_PATH && !authenticateUpgrade(this.authenticator, req)) {
      return refuseUpgrade(socket, new UnauthorizedError());
    }
    for (const listener of nest) listener.call(server, req, socket, head);
  }
}
