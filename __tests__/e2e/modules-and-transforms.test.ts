/**
 * Consumers whose test files are not plain CommonJS: a `"type": "module"`
 * project running native ES modules (`--experimental-vm-modules`, `.mjs`
 * tests importing rampart's named exports, an environment file written as an
 * ES module), and TypeScript test files through ts-jest and through
 * babel-jest. Each collects the same Results as the CommonJS suite.
 */
import { docSamples } from './support/doc-samples';
import {
  ESM_HELPERS,
  MIXED_SUITE_RESULTS,
  MIXED_SUITE_TESTS,
  TYPESCRIPT_HELPERS,
  mixedSuite,
  mixedSuiteBaseline,
  mixedSuiteView,
} from './support/mixed-suite';
import { JEST_VERSIONS } from './support/paths';
import { type JsonReport, type Scenario, allResults, createScenario } from './support/scenario';

const ESM_ENV = { NODE_OPTIONS: '--experimental-vm-modules' };
const PAGE = 'jest-setups.md';

/** An ES-module Jest config that runs the suite on `environment`. */
const esmConfig = (environment: string) => `export default {
  testEnvironment: ${JSON.stringify(environment)},
  testMatch: ['**/*.test.mjs'],
  transform: {},
  reporters: ['default', ['rampart/reporter', {}]],
};
`;

/**
 * A test file importing names of the layers the root entry point loads on
 * first use (docs/architecture.md, "Layers loaded on first use"): Jest's
 * native ES module support must find them among rampart's named exports.
 */
const LAZY_NAMES_TEST = `import { test } from '@jest/globals';
import { Attacks, LLMJudge, BaseEvaluator, payloadMatrix, recordResult, Result } from 'rampart';
class Never extends BaseEvaluator {
  evaluate() {
    throw new Error('not called');
  }
}
test('names loaded on first use', () => {
  const kinds = [typeof Attacks.xpia, typeof LLMJudge, typeof payloadMatrix, new Never() instanceof BaseEvaluator];
  recordResult(new Result({ status: 'safe', summary: 'lazy names: ' + kinds.join(' '), observabilityLevel: 'tool_only' }));
});
`;

/** A docs config with its testEnvironment replaced (the replacement must happen). */
function withEnvironment(config: string | undefined, environment: string): string {
  const replaced = String(config).replace(
    "testEnvironment: 'rampart/env'",
    `testEnvironment: ${JSON.stringify(environment)}`,
  );
  if (replaced === config) throw new Error(`no testEnvironment to replace in:\n${config}`);
  return replaced;
}

async function expectSuiteCollected(
  scenario: Scenario,
  jest: (typeof JEST_VERSIONS)[number],
  args: string[],
  env: Record<string, string> = {},
  extraTests = 0,
): Promise<JsonReport> {
  const run = await scenario.run(args, { env });
  if (run.code !== 0) throw new Error(`jest exited ${run.code}:\n${run.output}`);
  const report = scenario.report();
  expect(report.metadata).not.toHaveProperty('incomplete');
  expect(report.metadata).not.toHaveProperty('files_without_rampart_env');
  // Each extra test records one Result.
  expect(report.total_runs).toBe(MIXED_SUITE_RESULTS + extraTests);
  expect(report.metadata.worker_count).toBe(args.includes('--runInBand') ? 1 : 2);
  expect(mixedSuiteView(report)).toEqual(await mixedSuiteBaseline(jest));
  const tests = MIXED_SUITE_TESTS + extraTests;
  expect(run.stderr).toMatch(new RegExp(`Tests:\\s+${tests} passed, ${tests} total`));
  return report;
}

describe.each(JEST_VERSIONS)('Jest %i', (jest) => {
  test.each([
    ['in band', ['--runInBand']],
    ['2 workers', ['--maxWorkers=2']],
  ])(
    'native ES modules (%s): .mjs tests import named exports from rampart',
    async (layout, args) => {
      const scenario = createScenario(jest, `esm-${layout}`).write({
        ...docSamples(PAGE, 'esm'),
        'helpers.mjs': ESM_HELPERS,
        ...mixedSuite('esm', 'mjs'),
        'lazy-names.test.mjs': LAZY_NAMES_TEST,
      });
      const report = await expectSuiteCollected(scenario, jest, args, ESM_ENV, 2);
      expect(allResults(report).map((r) => r.summary)).toContain(
        'lazy names: function function function true',
      );
      expect(report.by_harm_category.prompt_injection).toMatchObject([
        {
          summary: 'agent ignored the hidden instruction',
          metadata: {
            _jest_test_id: 'agent.test.mjs::ignores the instruction hidden in the page',
          },
        },
      ]);
    },
  );

  test('native ES modules: an environment file written as an ES module wraps with withRampart()', async () => {
    const scenario = createScenario(jest, 'esm-environment-file').write({
      'package.json': docSamples(PAGE, 'esm')['package.json'] as string,
      'jest.config.js': esmConfig('./rampart-env.js'),
      ...docSamples(PAGE, 'esm-environment'),
      'helpers.mjs': ESM_HELPERS,
      ...mixedSuite('esm', 'mjs'),
    });
    await expectSuiteCollected(scenario, jest, ['--maxWorkers=2'], ESM_ENV);
  });

  test('TypeScript test files through ts-jest (type-checked against the published types)', async () => {
    const scenario = createScenario(jest, 'ts-jest').write({
      ...docSamples(PAGE, 'ts-jest'),
      'helpers.ts': TYPESCRIPT_HELPERS,
      ...mixedSuite('typescript', 'ts'),
    });
    await expectSuiteCollected(scenario, jest, ['--runInBand']);
  });

  test('TypeScript test files through babel-jest (@babel/preset-env + @babel/preset-typescript)', async () => {
    const scenario = createScenario(jest, 'babel-jest').write({
      ...docSamples(PAGE, 'babel-jest'),
      'helpers.ts': TYPESCRIPT_HELPERS,
      ...mixedSuite('typescript', 'ts'),
    });
    await expectSuiteCollected(scenario, jest, ['--runInBand']);
  });

  test('an environment written in TypeScript goes through the transform: ts-jest, 2 workers', async () => {
    const samples = docSamples(PAGE, 'ts-jest');
    const scenario = createScenario(jest, 'ts-jest-environment').write({
      ...samples,
      'jest.config.js': withEnvironment(samples['jest.config.js'], './company-env.ts'),
      ...docSamples(PAGE, 'subclass'),
      'helpers.ts': TYPESCRIPT_HELPERS,
      ...mixedSuite('typescript', 'ts'),
    });
    await expectSuiteCollected(scenario, jest, ['--maxWorkers=2']);
  });
});
