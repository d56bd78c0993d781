import { Module, type DynamicModule, type INestApplication } from '@nestjs/common';
import { WsAdapter } from '@nestjs/platform-ws';
import type { Server } from 'node:http';
import type { Authenticator } from '../auth/authenticator';
import { ResourceService } from '../resources/resource.service';
import { UPGRADE_AUTHENTICATOR, UpgradeRouter } from './upgrade-router';
import { isInvalid, parseClientMessage } from './watch-multiplex.messages';
import { WatchMultiplexGateway } from './watch-multiplex.gateway';
import { WatchUpgradeHandler } from './watch-upgrade.handler';

/** Watch over WebSocket: the upgraded watch URLs and the multiplexed gateway. */
@Module({})
export class WatchSocketModule {
  static register(authenticator: Authenticator): DynamicModule {
    return {
      module: WatchSocketModule,
      providers: [
        { provide: UPGRADE_AUTHENTICATOR, useValue: authenticator },
        ResourceService,
        WatchUpgradeHandler,
        UpgradeRouter,
        WatchMultiplexGateway,
      ],
    };
  }
}

/**
 * The WebSocket adapter for Nest's gateways. Multiplexed clients send `{"op":…}` commands rather than Nest's
 * `{"event","data"}` shape, and a malformed one must be answered, not dropped, so every message maps to a handler.
 */
export function watchSocketAdapter(app: INestApplication): WsAdapter {
  return new WsAdapter(app, {
    messageParser: (data) => {
      const message = parseClientMessage(data as string | Buffer);
      return isInvalid(message) ? { event: 'invalid', data: message } : { event: message.op, data: message };
    },
  });
}

/** Takes over the server's upgrades; call after `app.init()`. */
export function installWatchSockets(app: INestApplication): void {
  app.get(UpgradeRouter).install(app.getHttpServer() as Server);
}
