// How TypeScript sources are compiled when they run without a build: by jest (@swc/jest) and by the bench's
// require hook (bench/support/register.cjs). Decorator metadata is on because Nest's injection reads it.
module.exports = {
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true },
    target: 'es2022',
  },
  module: { type: 'commonjs' },
  sourceMaps: 'inline',
};
