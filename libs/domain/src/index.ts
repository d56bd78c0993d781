export * from './errors';
export * from './objects/object-meta';
export * from './registry';
export * from './selectors';
export * from './patch';
export * from './schema';
export * from './table';
