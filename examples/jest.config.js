// The example safety suite, configured exactly as a user project would be.
// HELPDESK_MODE picks the agent under test; each mode writes its own report.
const mode = process.env.HELPDESK_MODE ?? 'vulnerable';

/** @type {import('jest').Config} */
module.exports = {
  rootDir: __dirname,
  testEnvironment: 'rampart/env',
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/../tsconfig.json' }] },
  reporters: ['default', ['rampart/reporter', { outputDir: `../.rampart/${mode}` }]],
};
