import { Logger, type LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ExpressAdapter } from '@nestjs/platform-express';
import express from 'express';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createBuiltinRegistry, defaulters, HISTORY_GROUP, validators } from '@flotilla/domain';
import { migrations } from '@flotilla/migrations';
import {
  AllocationRepository,
  compactEventLog,
  EventStore,
  HistoryRepository,
  LogTailer,
  openDatabase,
  runMigrations,
  WatchHub,
  type CompactionWindow,
  type Database,
} from '@flotilla/persistence';
import { ApiModule } from './api.module';
import { Authenticator, type TokenEntry } from './auth/authenticator';
import { ensureBootstrapObjects } from './bootstrap/bootstrap-objects';
import { endpointModules } from './endpoint-modules';
import { StatusExceptionFilter } from './errors/status-exception.filter';
import { HistoryModule, withHistoryResources } from './history';
import { RequestMetrics, requestMetricsMiddleware } from './metrics';
import { installResourceRoute } from './resources/resource.route';
import { ResourceService } from './resources/resource.service';
import { ResourceReader } from './resources/resource-reader';
import { ResourceWriter } from './resources/resource-writer';
import { ServiceAllocator } from './resources/service-allocator';
import { WatchStreamer } from './resources/watch-streamer';
import { installWatchSockets, watchSocketAdapter, WatchSocketModule } from './websocket';

export interface ApiServerOptions {
  databaseUrl: string;
  /** 0 picks a free port. */
  port: number;
  host?: string;
  tls?: { keyPem: string; certPem: string };
  /**
   * Also serve plain HTTP on 127.0.0.1 at this port (0 picks one): the same routes, authentication and watch
   * sockets as the main listener, without TLS, for clients on this machine.
   */
  loopbackHttpPort?: number;
  tokens: TokenEntry[];
  compaction?: CompactionWindow;
  compactionIntervalMs?: number;
  logLevels?: LogLevel[];
  /** Watches without timeoutSeconds end after [this, 2×this) seconds (kube-apiserver's --min-request-timeout, 1800). */
  watchMinTimeoutSeconds?: number;
}

export interface ApiServer {
  url: string;
  port: number;
  /** The plaintext loopback listener's URL, when `loopbackHttpPort` was given. */
  loopbackUrl?: string;
  database: Database;
  store: EventStore;
  hub: WatchHub;
  close(): Promise<void>;
}

const BODY_LIMIT = 3 * 1024 * 1024;

/** Builds and starts one API replica: migrations, store, log tailer, watch hub, bootstrap objects, HTTP(S). */
export async function startApiServer(options: ApiServerOptions): Promise<ApiServer> {
  const logger = new Logger('api');
  const database = openDatabase(options.databaseUrl, { max: 20 });
  await runMigrations(database.db, migrations);

  // The store hands each commit to this replica's tailer; no write happens before the tailer exists.
  const store = new EventStore(database.db, database.appends, { onCommitted: (after, events) => tailer.committed(after, events) });
  const tailer = new LogTailer(store, options.databaseUrl, { onError: (e) => logger.warn(`log tailer: ${String(e)}`) });
  await tailer.start();
  const hub = new WatchHub(tailer, store);
  const registry = withHistoryResources(createBuiltinRegistry({ defaulters, validators }));
  const reader = new ResourceReader(store);
  const writer = new ResourceWriter(store, registry, new ServiceAllocator(new AllocationRepository(database.db)));
  let ready = false;
  let watchers = 0;
  let onWatchersChanged = (_n: number) => undefined as void;
  const streamer = new WatchStreamer(hub, reader, {
    onOpen: () => onWatchersChanged(++watchers),
    onClose: () => onWatchersChanged(--watchers),
    minTimeoutSeconds: options.watchMinTimeoutSeconds,
  });

  const authenticator = new Authenticator(options.tokens);
  const server = express();
  const app = await NestFactory.create(
    ApiModule.register({ registry, store, hub, reader, writer, streamer, readiness: { isReady: () => ready } }, [...endpointModules(), WatchSocketModule.register(authenticator), HistoryModule.register(new HistoryRepository(database.db))]),
    new ExpressAdapter(server),
    { bodyParser: false, logger: options.logLevels ?? ['error', 'warn'], httpsOptions: options.tls ? { key: options.tls.keyPem, cert: options.tls.certPem } : undefined },
  );
  const metrics = app.get(RequestMetrics);
  onWatchersChanged = (n) => metrics.setGauge('flotilla_watchers', n);
  const pipeline = [requestMetricsMiddleware(metrics), authenticator.middleware(), express.raw({ type: () => true, limit: BODY_LIMIT })];
  for (const layer of pipeline) app.use(layer);
  app.useGlobalFilters(new StatusExceptionFilter());
  app.useWebSocketAdapter(watchSocketAdapter(app));
  await app.init();
  installWatchSockets(app);
  // HistoryMiddleware (a Nest module middleware) answers the history group itself.
  const skip = [`/apis/${HISTORY_GROUP}/`];
  installResourceRoute(app.getHttpServer() as Server, { resources: app.get(ResourceService), authenticator, metrics, bodyLimit: BODY_LIMIT, skip });

  const port = options.port === 0 ? 0 : options.port;
  await app.listen(port, options.host ?? '0.0.0.0');
  const address = (app.getHttpServer() as Server).address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  const loopback = options.loopbackHttpPort === undefined ? undefined : await listenLoopback(app.getHttpServer() as Server, options.loopbackHttpPort);
  await ensureBootstrapObjects(registry, writer, actualPort);
  ready = true;

  const window = options.compaction ?? { events: 100_000, seconds: 3600 };
  const compactTimer = setInterval(() => {
    compactEventLog(database.db, window).catch((e) => logger.warn(`compaction: ${String(e)}`));
  }, options.compactionIntervalMs ?? 60_000);
  compactTimer.unref();

  const scheme = options.tls ? 'https' : 'http';
  let closing: Promise<void> | undefined;
  return {
    url: `${scheme}://127.0.0.1:${actualPort}`,
    port: actualPort,
    loopbackUrl: loopback && `http://127.0.0.1:${(loopback.address() as AddressInfo).port}`,
    database,
    store,
    hub,
    close() {
      closing ??= (async () => {
        ready = false;
        clearInterval(compactTimer);
        hub.stop();
        await tailer.stop();
        // Watches and keep-alive connections would hold the HTTP server open until they time out.
        (app.getHttpServer() as Server).closeAllConnections();
        loopback?.closeAllConnections();
        loopback?.close();
        await app.close();
        await database.close();
      })();
      return closing;
    },
  };
}

/**
 * A plain HTTP server on 127.0.0.1 that hands every request and upgrade to `main`'s listeners, so both listeners
 * serve exactly the same API (Express, Nest, the watch sockets) from one process.
 */
async function listenLoopback(main: Server, port: number): Promise<Server> {
  const server = createServer({ keepAliveTimeout: main.keepAliveTimeout });
  server.on('request', (req, res) => main.emit('request', req, res));
  server.on('upgrade', (req, socket, head) => main.emit('upgrade', req, socket, head));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  return server;
}
