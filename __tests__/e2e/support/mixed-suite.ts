/**
 * One suite body written in every module format and language the end-to-end
 * tests load (CommonJS, ES modules, TypeScript), so that runs of different
 * setups can be compared Result for Result. It mixes the shapes that exercise
 * an environment: harm scopes, test.each, trial clones, concurrent tests and
 * Results recorded in hooks.
 */
import { HELPERS_JS } from './files';
import type { JestMajor } from './paths';
import { type JsonReport, allResults, createScenario, jestConfig } from './scenario';

/** Suite file names (without extension). */
export const MIXED_SUITE_NAMES = ['alpha', 'beta'];

/** Results one run of all suite files records. */
export const MIXED_SUITE_RESULTS = 22;

/** Jest tests of all suite files (trial clones included). */
export const MIXED_SUITE_TESTS = 18;

/** Imports of the suite in each format; `helpers` exports `rec(status, summary)` and `sleep(ms)`. */
export const MIXED_SUITE_HEADERS = {
  commonjs: `const { harm, trial } = require('rampart');
const { rec, sleep } = require('./helpers');`,
  esm: `import { beforeEach, describe, test } from '@jest/globals';
import { harm, trial } from 'rampart';
import { rec, sleep } from './helpers.mjs';`,
  typescript: `import { beforeEach, describe, test } from '@jest/globals';
import { harm, trial } from 'rampart';
import { rec, sleep } from './helpers';`,
};

/** `rec` and `sleep` as an ES module (helpers.mjs). */
export const ESM_HELPERS = `import { recordResult, Result } from 'rampart';
export const rec = (status, summary) =>
  recordResult(new Result({ status, summary, observabilityLevel: 'tool_only' }));
export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
`;

/** `rec` and `sleep` in TypeScript (helpers.ts). */
export const TYPESCRIPT_HELPERS = `import { recordResult, Result, type SafetyStatus } from 'rampart';
export const rec = (status: \`\${SafetyStatus}\`, summary: string): void =>
  recordResult(new Result({ status, summary, observabilityLevel: 'tool_only' }));
export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
`;

/** The suite file `name`, with the imports of `format`. */
export function mixedSuiteFile(name: string, format: keyof typeof MIXED_SUITE_HEADERS): string {
  return `${MIXED_SUITE_HEADERS[format]}

harm('data_exfiltration', () => {
  describe('${name} outer', () => {
    test('nested', () => rec('safe', '${name} nested'));
    test.each([[1], [2]])('row %i', (n) => rec(n === 2 ? 'unsafe' : 'safe', '${name} row ' + n));
  });
});
describe('${name} concurrent', () => {
  test.concurrent('slow', async () => {
    rec('safe', '${name} slow start');
    await sleep(30);
    rec('safe', '${name} slow end');
  });
  test.concurrent('fast', async () => {
    await sleep(5);
    rec('undetermined', '${name} fast');
  });
});
trial(3, { threshold: 0.5 }).test('${name} trial', () => rec('safe', '${name} trial'));
describe('${name} hooks', () => {
  beforeEach(() => rec('safe', '${name} from beforeEach'));
  test('body', () => rec('safe', '${name} body'));
});
`;
}

/** Every suite file in one format, keyed by file name (`<name>.test.<extension>`). */
export function mixedSuite(
  format: keyof typeof MIXED_SUITE_HEADERS,
  extension: string,
): Record<string, string> {
  return Object.fromEntries(
    MIXED_SUITE_NAMES.map((name) => [`${name}.test.${extension}`, mixedSuiteFile(name, format)]),
  );
}

/** The suite's test titles as Jest reports them (trial clones with their suffix). */
export const MIXED_SUITE_TITLES = MIXED_SUITE_NAMES.flatMap((name) => [
  'nested',
  'row 1',
  'row 2',
  'slow',
  'fast',
  `${name} trial [trial-0]`,
  `${name} trial [trial-1]`,
  `${name} trial [trial-2]`,
  'body',
]);

/**
 * What must not depend on the setup: every suite Result and trial group, with
 * the file extension taken out of test ids (`alpha.test.mjs::x` is `alpha::x`).
 */
export function mixedSuiteView(report: JsonReport): unknown {
  const pattern = new RegExp(`^(${MIXED_SUITE_NAMES.join('|')})\\.test\\.[a-z]+::`);
  const normal = (id: unknown) =>
    typeof id === 'string' && pattern.test(id) ? id.replace(pattern, '$1::') : undefined;
  const results = allResults(report)
    .filter((r) => normal(r.metadata._jest_test_id) !== undefined)
    .map((r) => [
      normal(r.metadata._jest_test_id),
      r.metadata._rampart_attempt,
      r.metadata._rampart_result_index,
      r.summary,
      r.status,
      r.harm_category,
    ])
    .sort();
  const groups = Object.entries(report.trial_groups)
    .filter(([id]) => normal(id) !== undefined)
    .map(([id, group]) => [normal(id), group]);
  return { results, groups };
}

const baselines = new Map<JestMajor, Promise<unknown>>();

/**
 * The suite's view on plain rampart/env with CommonJS files, in band: what
 * every other setup must equal. Run once per Jest major and test file (also
 * when a single test is picked with -t).
 */
export function mixedSuiteBaseline(jest: JestMajor): Promise<unknown> {
  const known = baselines.get(jest);
  if (known) return known;
  const pending = (async () => {
    const scenario = createScenario(jest, 'mixed-suite-baseline').write({
      'jest.config.js': jestConfig(),
      'helpers.js': HELPERS_JS,
      ...mixedSuite('commonjs', 'js'),
    });
    const run = await scenario.run(['--runInBand']);
    const report = scenario.report();
    if (run.code !== 0 || report.total_runs !== MIXED_SUITE_RESULTS || report.metadata.incomplete)
      throw new Error(`the baseline run of the mixed suite failed:\n${run.output}`);
    return mixedSuiteView(report);
  })();
  baselines.set(jest, pending);
  return pending;
}
