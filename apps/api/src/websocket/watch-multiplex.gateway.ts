import { Inject, Logger } from '@nestjs/common';
import { ConnectedSocket, MessageBody, SubscribeMessage, WebSocketGateway, type OnGatewayConnection, type OnGatewayDisconnect } from '@nestjs/websockets';
import type { IncomingMessage } from 'node:http';
import type { EventStore } from '@flotilla/persistence';
import type { WebSocket } from 'ws';
import { ResourceService } from '../resources/resource.service';
import { WatchStreamer } from '../resources/watch-streamer';
import { CloseCode } from './socket-close';
import { upgradeUser } from './upgrade-auth';
import type { InvalidMessage, SubscribeMessage as Subscribe, UnsubscribeMessage } from './watch-multiplex.messages';
import { MultiplexSession } from './watch-multiplex.session';
import { MULTIPLEX_PROTOCOL, selectProtocol } from './watch-subprotocols';

/** The multiplexed watch endpoint (docs/websocket-watch.md). */
export const MULTIPLEX_PATH = '/flotilla/v1/watch';
/** Client messages are small commands; anything larger is refused by ws with close code 1009. */
const MAX_CLIENT_MESSAGE_BYTES = 64 * 1024;

@WebSocketGateway({
  path: MULTIPLEX_PATH,
  perMessageDeflate: false,
  maxPayload: MAX_CLIENT_MESSAGE_BYTES,
  handleProtocols: (offered: Set<string>) => selectProtocol(offered, (p) => p === MULTIPLEX_PROTOCOL),
})
export class WatchMultiplexGateway implements OnGatewayConnection<WebSocket>, OnGatewayDisconnect<WebSocket> {
  private readonly logger = new Logger('api');
  private readonly sessions = new WeakMap<WebSocket, MultiplexSession>();

  constructor(
    private readonly resources: ResourceService,
    private readonly streamer: WatchStreamer,
    @Inject('EVENT_STORE') private readonly store: EventStore,
  ) {}

  handleConnection(client: WebSocket, req: IncomingMessage): void {
    // The upgrade router authenticated the request before handing it to Nest; this is a second lock on the door.
    const user = upgradeUser(req);
    if (!user) return client.close(CloseCode.policyViolation, 'Unauthorized');
    this.sessions.set(client, new MultiplexSession(client, user, { resources: this.resources, streamer: this.streamer, store: this.store }));
  }

  handleDisconnect(client: WebSocket): void {
    this.sessions.get(client)?.close();
    this.sessions.delete(client);
  }

  @SubscribeMessage('subscribe')
  async subscribe(@ConnectedSocket() client: WebSocket, @MessageBody() message: Subscribe): Promise<void> {
    await this.sessions.get(client)?.subscribe(message).catch((e: unknown) => this.logger.warn(`watch subscription: ${String(e)}`));
  }

  @SubscribeMessage('unsubscribe')
  unsubscribe(@ConnectedSocket() client: WebSocket, @MessageBody() message: UnsubscribeMessage): void {
    this.sessions.get(client)?.unsubscribe(message.id);
  }

  @SubscribeMessage('invalid')
  invalid(@ConnectedSocket() client: WebSocket, @MessageBody() message: InvalidMessage): void {
    this.sessions.get(client)?.invalid(message);
  }
}
