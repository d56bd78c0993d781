// One jest config for every tier. Tests import libraries from source, so no build is needed to run them;
// the end-to-end tests that spawn `node` processes rely on `npm test` having built dist/ first.
const swc = require('./scripts/lib/swc-options.cjs');

module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/apps', '<rootDir>/libs', '<rootDir>/test'],
  testRegex: '\\.(spec|int-spec|e2e-spec)\\.ts$',
  transform: { '^.+\\.ts$': ['@swc/jest', swc] },
  moduleNameMapper: {
    '^@flotilla/(domain|persistence)$': '<rootDir>/libs/$1/src/index.ts',
    '^@flotilla/migrations$': '<rootDir>/migrations/index.ts',
  },
  modulePathIgnorePatterns: ['<rootDir>/.*/dist/'],
  testTimeout: 60000,
};
