export * from './flotilla-settings';
export * from './load-settings';
export * from './settings.error';
export * from './settings.types';
