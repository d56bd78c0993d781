// Runs the TypeScript sources directly (no build step): a require hook that compiles .ts with @swc/core, using the
// options jest uses too (scripts/lib/swc-options.cjs), and resolves the @flotilla/* workspace packages to their sources.
const fs = require('node:fs');
const path = require('node:path');
const Module = require('node:module');
const swc = require('@swc/core');

const root = path.resolve(__dirname, '../..');
const sources = {
  '@flotilla/domain': path.join(root, 'libs/domain/src/index.ts'),
  '@flotilla/persistence': path.join(root, 'libs/persistence/src/index.ts'),
  '@flotilla/migrations': path.join(root, 'migrations/index.ts'),
};
const options = require('../../scripts/lib/swc-options.cjs');

const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  return resolve.call(this, sources[request] ?? request, ...rest);
};
Module._extensions['.ts'] = function (module, filename) {
  const { code } = swc.transformSync(fs.readFileSync(filename, 'utf8'), { ...options, filename });
  module._compile(code, filename);
};
