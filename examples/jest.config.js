// The example safety suite, configured as a user project would be, except
// for the quiet test-list reporter in place of Jest's 'default' (see
// test-list-reporter.js).
// HELPDESK_MODE picks the agent's mode, HELPDESK_AGENT which agent runs
// (`helpdesk`, the rule-based one, or `helpdesk-ai-sdk`, built on the Vercel
// AI SDK); each writes its own report.
const mode = process.env.HELPDESK_MODE ?? 'vulnerable';
const agent = process.env.HELPDESK_AGENT ?? 'helpdesk';
const outputDir = agent === 'helpdesk' ? `../.rampart/${mode}` : `../.rampart/${agent}/${mode}`;

/** @type {import('jest').Config} */
module.exports = {
  rootDir: __dirname,
  roots: [`<rootDir>/${agent}`],
  testEnvironment: 'rampart/env',
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/../tsconfig.json' }] },
  reporters: ['<rootDir>/test-list-reporter.js', ['rampart/reporter', { outputDir }]],
};
