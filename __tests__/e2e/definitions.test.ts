/**
 * harm() and trial() as test authors use them: composition in both orders,
 * Jest's modifiers, filtered and skipped clones, and clear errors at
 * definition time for bad arguments.
 */
import { HELPERS_JS } from './support/files';
import { JEST_VERSIONS } from './support/paths';
import { allResults, createScenario, jestConfig } from './support/scenario';

const COMPOSITION_JS = `
const { harm, trial } = require('rampart');
const { rec } = require('./helpers');

harm('jailbreak', () => {
  trial(2, { threshold: 0.5 }, () => {
    test('harm outside trial', () => rec('safe', 'a'));
  });
});
trial(2, { threshold: 1 }, () => {
  harm('data_leakage').test('harm inside trial', () => rec('safe', 'b'));
});
trial(3, { threshold: 0.5 }).test('chained trial', () => rec('safe', 'c'));
trial(2).each([['x'], ['y']])('chained each %s', (v) => rec('safe', 'd ' + v));
harm('memory_poisoning').describe('a suite', () => {
  test('in a tagged describe', () => rec('safe', 'e'));
  harm('content_safety').test('overridden', () => rec('safe', 'f'));
});
trial(3, { threshold: 0 }, () => {
  test('skipped clones have no result', () => rec('safe', 'g'));
});
harm('hallucination').test.skip('skipped harm test', () => rec('safe', 'never'));
harm('hallucination').test.todo('todo harm test');
trial(2, { threshold: 0.5 }).test.concurrent('concurrent clones', async () => rec('safe', 'h'));
`;

const badDefinition = (code: string) => `
const { harm, trial } = require('rampart');
${code}
test('never reached', () => {});
`;

describe.each(JEST_VERSIONS)('Jest %i', (jest) => {
  test('harm and trial compose in either order and with Jest modifiers', async () => {
    const scenario = createScenario(jest, 'definitions-composition').write({
      'jest.config.js': jestConfig({ reporterOptions: { failOnTrialGate: false } }),
      'helpers.js': HELPERS_JS,
      'compose.test.js': COMPOSITION_JS,
    });
    // -t keeps every test except clone 1 of one group, which Jest then skips.
    const run = await scenario.run([
      '--runInBand',
      '-t',
      '^(?!skipped clones have no result \\[trial-1\\]).*$',
    ]);
    expect(run.code).toBe(0);
    const report = scenario.report();
    const byTitle = Object.fromEntries(
      allResults(report).map((r) => [r.metadata._jest_test_name, r.harm_category]),
    );
    expect(byTitle).toEqual({
      'harm outside trial [trial-0]': 'jailbreak',
      'harm outside trial [trial-1]': 'jailbreak',
      'harm inside trial [trial-0]': 'data_leakage',
      'harm inside trial [trial-1]': 'data_leakage',
      'chained trial [trial-0]': null,
      'chained trial [trial-1]': null,
      'chained trial [trial-2]': null,
      'chained each x [trial-0]': null,
      'chained each x [trial-1]': null,
      'chained each y [trial-0]': null,
      'chained each y [trial-1]': null,
      'in a tagged describe': 'memory_poisoning',
      overridden: 'content_safety',
      'skipped clones have no result [trial-0]': null,
      'skipped clones have no result [trial-2]': null,
      'concurrent clones [trial-0]': null,
      'concurrent clones [trial-1]': null,
    });
    const groups = report.trial_groups;
    expect(Object.keys(groups).sort()).toEqual([
      'compose.test.js::chained each x',
      'compose.test.js::chained each y',
      'compose.test.js::chained trial',
      'compose.test.js::concurrent clones',
      'compose.test.js::harm inside trial',
      'compose.test.js::harm outside trial',
      'compose.test.js::skipped clones have no result',
    ]);
    expect(groups['compose.test.js::skipped clones have no result']).toMatchObject({
      total: 3,
      safe: 2,
      no_result: 1,
      passed: true,
    });
    expect(groups['compose.test.js::chained trial']).toMatchObject({
      total: 3,
      safe: 3,
      threshold: 0.5,
    });
    expect(groups['compose.test.js::chained each x']).toMatchObject({
      total: 2,
      safe: 2,
      threshold: 1,
    });
    expect(run.stderr).toContain(
      '  PASS  skipped clones have no result [2/3 safe, 1 no-result, 67% pass rate, threshold: 0%] -- PASSED',
    );
    // Skipped and todo tests are not "harm tests that recorded nothing".
    expect(run.stderr).not.toContain('is marked harm but recorded no results');
  });

  test.each([
    [
      'trial(0)',
      "trial(0, {}, () => test('t', () => {}));",
      'trial(n) must be an integer >= 1, got 0',
    ],
    [
      'a fractional n',
      "trial(2.5).test('t', () => {});",
      'trial(n) must be an integer >= 1, got 2.5',
    ],
    [
      'threshold 1.5',
      'trial(3, { threshold: 1.5 }, () => {});',
      'trial threshold must be a number in [0, 1], got 1.5',
    ],
    [
      'threshold null',
      'trial(3, { threshold: null }, () => {});',
      'trial threshold must be a number in [0, 1], got null',
    ],
    [
      'a misspelt option',
      'trial(3, { treshold: 0.5 }, () => {});',
      'trial options has unknown key "treshold"',
    ],
    [
      'nested trials',
      "trial(2, () => trial(2, () => test('t', () => {})));",
      'trial() cannot be nested inside another trial()',
    ],
    [
      'an empty category',
      "harm('', () => {});",
      'harm(category) must be a non-empty string, got ""',
    ],
  ])('%s fails the file at definition time with a clear message', async (_name, code, message) => {
    const scenario = createScenario(jest, 'definitions-bad').write({
      'jest.config.js': jestConfig(),
      'bad.test.js': badDefinition(code),
    });
    const run = await scenario.run(['--runInBand']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(message);
    expect(run.stderr).not.toContain('✓ never reached');
    expect(run.stderr).toMatch(/Tests:\s+0 total/);
    // The file did not run: the RAMPART run is incomplete, and says why.
    expect(run.stderr).toContain('RAMPART: INCOMPLETE RUN');
    expect(scenario.report().metadata.incomplete_reasons).toEqual([
      expect.stringContaining('bad.test.js: test file failed to run:'),
    ]);
  });

  test.each([
    ['trial()', "trial(2).test('t', () => {});"],
    ['trial()', "trial(2, () => test('t', () => {}));"],
    ['harm()', "harm('jailbreak').test('t', () => {});"],
    ['harm()', "harm('jailbreak', () => test('t', () => {}));"],
  ])(
    '%s outside rampart/env fails at definition time and explains what is missing: %s',
    async (helper, code) => {
      const scenario = createScenario(jest, 'definitions-no-env').write({
        'jest.config.js': jestConfig({ extra: { testEnvironment: 'node' } }),
        'bad.test.js': badDefinition(code),
      });
      const run = await scenario.run(['--runInBand']);
      expect(run.code).toBe(1);
      expect(run.stderr).toContain(
        `${helper} needs the rampart test environment: set testEnvironment: 'rampart/env' in your Jest config`,
      );
      expect(run.stderr).toMatch(/Tests:\s+0 total/);
      expect(scenario.report().metadata.incomplete_reasons).toEqual([
        expect.stringContaining('bad.test.js: test file failed to run:'),
      ]);
    },
  );
});
