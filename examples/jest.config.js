// The example safety suite, configured exactly as a user project would be.
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
  reporters: ['default', ['rampart/reporter', { outputDir }]],
};
