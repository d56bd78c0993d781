export * from './resource-type';
export * from './resource-registry';
export * from './builtin.registry';
export * from './field-selector';
export { humanDuration } from './cells/age.format';
