// Two projects: fast unit tests on the TypeScript sources, and end-to-end
// tests that pack the built package into consumer projects and run real Jest.
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
};
