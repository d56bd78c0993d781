export * from './schema';
export * from './database';
export * from './event-store/event-store';
export * from './event-store/event-store.types';
export * from './watch/log-tailer';
export * from './watch/watch-hub';
export * from './compaction/compactor';
