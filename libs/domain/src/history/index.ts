export * from './json-diff';
export * from './revision';
export * from './revision.resource';
