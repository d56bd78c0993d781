export * from './pod.defaults';
export * from './workloads.defaults';
export * from './batch.defaults';
export * from './service.defaults';
export * from './core.defaults';
export * from './other.defaults';
export * from './defaulters';
