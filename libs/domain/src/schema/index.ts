export * from './type-schema';
