import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import type { Request } from 'express';
import type { IncomingMessage } from 'node:http';
import { parse as parseQuery } from 'node:querystring';
import type { Duplex } from 'node:stream';
import { UnauthorizedError } from '@flotilla/domain';
import type { EventStore } from '@flotilla/persistence';
import { WebSocketServer } from 'ws';
import { negotiate } from '../request/content-negotiation';
import { parseRequestInfo } from '../request/request-info';
import { parseListOptions } from '../resources/list-options';
import type { UserInfo } from '../resources/request-context';
import { ResourceNotFoundError, ResourceService } from '../resources/resource.service';
import { WatchStreamer } from '../resources/watch-streamer';
import { UpgradeWatchSink } from './upgrade-watch.sink';
import { refuseUpgrade } from './upgrade-response';
import { assertWatchable } from './watch-preflight';
import { selectProtocol, WATCH_PROTOCOLS } from './watch-subprotocols';

/** The parts of a request URL that resource handling reads, shaped as Express 5 parses them. */
export function requestTarget(req: IncomingMessage): { path: string; query: Record<string, unknown> } {
  const url = req.url ?? '/';
  const q = url.indexOf('?');
  return { path: q < 0 ? url : url.slice(0, q), query: q < 0 ? {} : { ...parseQuery(url.slice(q + 1)) } };
}

/** True when an upgrade request addresses a watch (`?watch=true` or `/watch/` URLs) under /api or /apis. */
export function isWatchRequest(req: IncomingMessage): boolean {
  const { path, query } = requestTarget(req);
  return parseRequestInfo(req.method ?? 'GET', path, query)?.verb === 'watch';
}

/**
 * Serves the watch URLs over WebSocket, as kube-apiserver does: authentication, the request's resource, options
 * and (for an explicit resourceVersion) its presence in the log are checked before the handshake, and any failure
 * is the HTTP answer to the upgrade; then the watch runs on the socket through the same streamer as HTTP.
 */
@Injectable()
export class WatchUpgradeHandler implements OnModuleDestroy {
  private readonly logger = new Logger('api');
  private readonly wss = new WebSocketServer({
    noServer: true,
    perMessageDeflate: false,
    handleProtocols: (offered) => selectProtocol(offered, (p) => WATCH_PROTOCOLS.has(p)),
  });

  constructor(
    private readonly resources: ResourceService,
    private readonly streamer: WatchStreamer,
    @Inject('EVENT_STORE') private readonly store: EventStore,
  ) {}

  async handle(req: IncomingMessage, socket: Duplex, head: Buffer, user: UserInfo | undefined): Promise<void> {
    const sink = new UpgradeWatchSink((attach) => this.wss.handleUpgrade(req, socket, head, attach), socket);
    try {
      if (!user) throw new UnauthorizedError();
      const { path, query } = requestTarget(req);
      const like = { method: req.method ?? 'GET', path, query, headers: req.headers, body: undefined } as unknown as Request;
      const ctx = this.resources.context(like, user);
      if (!ctx) throw new ResourceNotFoundError();
      const options = parseListOptions(ctx.rt, ctx.query, ctx.info.name);
      const form = negotiate(ctx.accept, false);
      await assertWatchable(this.store, options);
      if (socket.destroyed) return;
      await this.streamer.open(ctx, options, form, sink);
    } catch (error) {
      if (!sink.accepted) refuseUpgrade(socket, error);
      else this.logger.warn(`watch socket: ${String(error)}`);
    }
  }

  onModuleDestroy(): void {
    // An open upgraded socket would keep the HTTP server from closing.
    for (const ws of this.wss.clients) ws.terminate();
    this.wss.close();
  }
}
