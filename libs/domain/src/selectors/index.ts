export * from './label-selector';
export { parseLabelSelector } from './label-selector.parser';
export * from './field-selector';
