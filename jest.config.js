const swcOptions = require('./scripts/swc-options.cjs');

const transform = { '^.+\\.ts$': ['@swc/jest', { ...swcOptions(), swcrc: false }] };

/** @type {import('jest').Config} */
module.exports = {
  projects: [
    {
      displayName: 'domain',
      testEnvironment: 'node',
      transform,
      moduleNameMapper: { '^@gatehouse/domain/(.*)$': '<rootDir>/libs/domain/src/$1' },
      testMatch: ['<rootDir>/libs/domain/src/**/*.spec.ts'],
    },
    {
      displayName: 'integration',
      testEnvironment: 'node',
      globalSetup: '<rootDir>/libs/infrastructure/src/testing/global-setup.ts',
      globalTeardown: '<rootDir>/libs/infrastructure/src/testing/global-teardown.ts',
      transform,
      moduleNameMapper: {
        '^@gatehouse/domain/(.*)$': '<rootDir>/libs/domain/src/$1',
        '^@gatehouse/infrastructure/(.*)$': '<rootDir>/libs/infrastructure/src/$1',
      },
      testMatch: ['<rootDir>/libs/infrastructure/src/**/*.spec.ts', '<rootDir>/apps/api/test/**/*.e2e-spec.ts', '<rootDir>/apps/api/src/**/*.spec.ts', '<rootDir>/test/**/*.spec.ts'],
    },
  ],
};
