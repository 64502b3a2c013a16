/**
 * Consumers whose test files are not plain CommonJS: a `"type": "module"`
 * project running native ES modules (`--experimental-vm-modules`, `.mjs`
 * tests importing rampart's named exports, an environment file written as an
 * ES module), and TypeScript test files through ts-jest and through
 * babel-jest. Each collects the same Results as the CommonJS suite.
 */
import {
  ESM_HELPERS,
  MIXED_SUITE_RESULTS,
  TYPESCRIPT_HELPERS,
  mixedSuite,
  mixedSuiteBaseline,
  mixedSuiteView,
} from './support/mixed-suite';
import { JEST_VERSIONS } from './support/paths';
import { type Scenario, createScenario } from './support/scenario';

const ESM_ENV = { NODE_OPTIONS: '--experimental-vm-modules' };

/** An ES-module Jest config using rampart/env (or `environment`) and rampart/reporter. */
const esmConfig = (environment = 'rampart/env') => `export default {
  testEnvironment: ${JSON.stringify(environment)},
  testMatch: ['**/*.test.mjs'],
  transform: {},
  reporters: ['default', ['rampart/reporter', {}]],
};
`;

// An environment file as an ES module: the named exports of rampart/env and
// jest-environment-node (the default import of a CommonJS module is its whole exports object).
const ESM_ENVIRONMENT_FILE = `import { withRampart } from 'rampart/env';
import { TestEnvironment } from 'jest-environment-node';

export default withRampart(TestEnvironment);
`;

const TSCONFIG = JSON.stringify({
  compilerOptions: {
    target: 'ES2022',
    module: 'commonjs',
    strict: true,
    esModuleInterop: true,
    skipLibCheck: false,
    types: ['node'],
  },
  include: ['*.ts'],
});

const BABEL_CONFIG = `module.exports = {
  presets: [['@babel/preset-env', { targets: { node: 'current' } }], '@babel/preset-typescript'],
};
`;

async function expectSuiteCollected(
  scenario: Scenario,
  jest: (typeof JEST_VERSIONS)[number],
  args: string[],
  env: Record<string, string> = {},
): Promise<void> {
  const run = await scenario.run(args, { env });
  if (run.code !== 0) throw new Error(`jest exited ${run.code}:\n${run.output}`);
  const report = scenario.report();
  expect(report.metadata).not.toHaveProperty('incomplete');
  expect(report.total_runs).toBe(MIXED_SUITE_RESULTS);
  expect(report.metadata.worker_count).toBe(args.includes('--runInBand') ? 1 : 2);
  expect(mixedSuiteView(report)).toEqual(await mixedSuiteBaseline(jest));
  expect(run.stderr).toMatch(/Tests:\s+18 passed, 18 total/);
}

describe.each(JEST_VERSIONS)('Jest %i', (jest) => {
  test.each([
    ['in band', ['--runInBand']],
    ['2 workers', ['--maxWorkers=2']],
  ])(
    'native ES modules (%s): .mjs tests import named exports from rampart',
    async (layout, args) => {
      const scenario = createScenario(jest, `esm-${layout}`).write({
        'package.json': JSON.stringify({ type: 'module' }),
        'jest.config.js': esmConfig(),
        'helpers.mjs': ESM_HELPERS,
        ...mixedSuite('esm', 'mjs'),
      });
      await expectSuiteCollected(scenario, jest, args, ESM_ENV);
    },
  );

  test('native ES modules: an environment file written as an ES module wraps with withRampart()', async () => {
    const scenario = createScenario(jest, 'esm-environment-file').write({
      'package.json': JSON.stringify({ type: 'module' }),
      'jest.config.js': esmConfig('./rampart-env.js'),
      'rampart-env.js': ESM_ENVIRONMENT_FILE,
      'helpers.mjs': ESM_HELPERS,
      ...mixedSuite('esm', 'mjs'),
    });
    await expectSuiteCollected(scenario, jest, ['--maxWorkers=2'], ESM_ENV);
  });

  test('TypeScript test files through ts-jest (type-checked against the published types)', async () => {
    const scenario = createScenario(jest, 'ts-jest').write({
      'tsconfig.json': TSCONFIG,
      'jest.config.js': `module.exports = {
  testEnvironment: 'rampart/env',
  transform: { '^.+\\\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json' }] },
  reporters: ['default', ['rampart/reporter', {}]],
};
`,
      'helpers.ts': TYPESCRIPT_HELPERS,
      ...mixedSuite('typescript', 'ts'),
    });
    await expectSuiteCollected(scenario, jest, ['--runInBand']);
  });

  test('TypeScript test files through babel-jest (@babel/preset-env + @babel/preset-typescript)', async () => {
    const scenario = createScenario(jest, 'babel-jest').write({
      'babel.config.js': BABEL_CONFIG,
      'jest.config.js': `module.exports = {
  testEnvironment: 'rampart/env',
  transform: { '^.+\\\\.ts$': 'babel-jest' },
  reporters: ['default', ['rampart/reporter', {}]],
};
`,
      'helpers.ts': TYPESCRIPT_HELPERS,
      ...mixedSuite('typescript', 'ts'),
    });
    await expectSuiteCollected(scenario, jest, ['--runInBand']);
  });
});
