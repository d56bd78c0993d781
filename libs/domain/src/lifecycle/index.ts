export * from './object-lifecycle';
