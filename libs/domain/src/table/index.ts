export * from './table.types';
export * from './to-table';
