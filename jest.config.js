// Two projects: fast unit tests on the TypeScript sources, and end-to-end
// tests that pack the built package into consumer projects and run real Jest.
const os = require('node:os');

const tsJest = ['ts-jest', { tsconfig: 'tsconfig.json' }];

/** @type {import('jest').Config} */
module.exports = {
  projects: [
    {
      displayName: 'unit',
      testEnvironment: 'node',
      roots: ['<rootDir>/__tests__/unit'],
      transform: { '^.+\\.ts$': tsJest },
    },
    {
      displayName: 'e2e',
      testEnvironment: 'node',
      roots: ['<rootDir>/__tests__/e2e'],
      testMatch: ['**/*.test.ts'],
      transform: { '^.+\\.ts$': tsJest },
      globalSetup: '<rootDir>/__tests__/e2e/support/global-setup.ts',
      slowTestThreshold: 60,
    },
  ],
  testTimeout: 240000,
  // An end-to-end test mostly waits for the consumer Jest it started (one
  // process, one core) or for npm: Jest's default of cores - 1 would run the
  // suites in band on a two-core machine and leave a core idle (CONTRIBUTING.md).
  maxWorkers: Math.max(2, os.availableParallelism() - 1),
};
