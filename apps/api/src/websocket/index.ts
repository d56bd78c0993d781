export { installWatchSockets, watchSocketAdapter, WatchSocketModule } from './watch-socket.module';
export { MULTIPLEX_PATH } from './watch-multiplex.gateway';
export { MULTIPLEX_PROTOCOL, TOKEN_PROTOCOL_PREFIX, WATCH_PROTOCOLS } from './watch-subprotocols';
export { SLOW_CONSUMER_REASON } from './socket-close';
