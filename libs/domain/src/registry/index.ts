export * from './resource-type';
