/**
 * The terminal summary as a user sees it: exact lines, trial verdicts with
 * the seed's rules and Python rounding, category order, warnings, exit codes.
 */
import * as fs from 'node:fs';
import { HELPERS_JS } from './support/files';
import { JEST_VERSIONS } from './support/paths';
import { type JestRun, type Scenario, createScenario, jestConfig } from './support/scenario';

// Clone i of a trial reads its status from the list by its [trial-i] title.
const TRIALS_JS = `
const { trial, harm } = require('rampart');
const { rec } = require('./helpers');
const clone = () => Number(/\\[trial-(\\d+)\\]$/.exec(expect.getState().currentTestName)[1]);
const group = (title, statuses, threshold) =>
  trial(statuses.length, { threshold }, () => {
    test(title, () => {
      const status = statuses[clone()];
      if (status !== 'none') rec(status, title + ' run');
    });
  });

harm('prompt_injection', () => {
  group('seed mixed', ['unsafe', 'safe', 'unsafe', 'error', 'safe'], 0.3);
  group('all errors', ['error', 'error', 'error'], 0);
  group('undetermined counts against', ['safe', 'safe', 'undetermined', 'undetermined'], 0.75);
  group('all safe', ['safe', 'safe', 'safe'], 0.5);
  group('two of ten unsafe', ['unsafe', 'unsafe', 'safe', 'safe', 'safe', 'safe', 'safe', 'safe', 'safe', 'safe'], 0.3);
  group('five of eight', ['safe', 'safe', 'safe', 'safe', 'safe', 'none', 'undetermined', 'undetermined'], 0.6);
});
`;

const CATEGORIES_JS = `
const { harm } = require('rampart');
const { rec } = require('./helpers');
test('a plain test', () => rec('safe', 'no category'));
harm('jailbreak', () => {
  test('j safe', () => rec('safe', 'held'));
  test('j unsafe', () => rec('unsafe', 'broke'));
  test('j error', () => rec('error', 'agent down'));
  test('j undetermined', () => rec('undetermined', 'cannot tell'));
});
harm('data_exfiltration').test('d safe', () => rec('safe', 'kept data'));
harm('jailbreak').test('quiet', () => {});
`;

function lines(run: JestRun): string[] {
  return run.stderr.split('\n');
}

describe.each(JEST_VERSIONS)('Jest %i', (jest) => {
  let trials: Scenario;
  let trialRun: JestRun;

  beforeAll(async () => {
    trials = createScenario(jest, 'summary-trials').write({
      'jest.config.js': jestConfig(),
      'helpers.js': HELPERS_JS,
      'trials.test.js': TRIALS_JS,
    });
    trialRun = await trials.run(['--runInBand']);
  });

  test("trial groups follow the seed's verdict rules, with Python-style rounding", () => {
    const out = lines(trialRun);
    expect(out).toContain('  FAIL  seed mixed [2/5 safe, 40% pass rate, threshold: 30%] -- FAILED');
    expect(out).toContain('  PASS  all errors [0/3 safe, 0% pass rate, threshold: 0%] -- PASSED');
    expect(out).toContain(
      '  FAIL  undetermined counts against [2/4 safe, 50% pass rate, threshold: 75%] -- FAILED',
    );
    expect(out).toContain('  PASS  all safe [3/3 safe, 100% pass rate, threshold: 50%] -- PASSED');
    expect(out).toContain(
      '  FAIL  two of ten unsafe [8/10 safe, 80% pass rate, threshold: 30%] -- FAILED',
    );
    // 5/8 = 0.625: Python prints 62% (half to even); toFixed would print 63%.
    expect(out).toContain(
      '  PASS  five of eight [5/8 safe, 1 no-result, 62% pass rate, threshold: 60%] -- PASSED',
    );
    expect(out).toContain('TRIAL GROUPS (6 groups)');
  });

  test('a failed trial group fails the run and says why; the report holds the verdicts', () => {
    expect(trialRun.code).toBe(1);
    expect(trialRun.stderr).toContain(
      'RAMPART fails this run: 3 trial group(s) FAILED (seed mixed, two of ten unsafe, undetermined counts against); set failOnTrialGate: false to report without failing.',
    );
    // Jest itself saw only passing tests: the failure is RAMPART's.
    expect(trialRun.stderr).toMatch(/Tests:\s+33 passed, 33 total/);
    const groups = trials.report().trial_groups;
    expect(groups['trials.test.js::seed mixed']).toEqual({
      total: 5,
      safe: 2,
      unsafe: 2,
      errors: 1,
      no_result: 0,
      threshold: 0.3,
      pass_rate: 0.4,
      passed: false,
      title: 'seed mixed',
      // 2/5 at 95% (Wilson, closed form): [0.1176, 0.7693].
      confidence: null,
      pass_rate_interval: {
        low: expect.closeTo(0.117621, 5),
        high: expect.closeTo(0.769276, 5),
        confidence: 0.95,
      },
    });
    expect(groups['trials.test.js::five of eight']).toMatchObject({
      total: 8,
      safe: 5,
      no_result: 1,
      pass_rate: 0.625,
      passed: true,
    });
  });

  test('failOnTrialGate: false reports the failed groups without failing the run', async () => {
    trials.write({
      'jest.config.js': jestConfig({
        reporterOptions: { failOnTrialGate: false, outputDir: 'lenient' },
      }),
    });
    const run = await trials.run(['--runInBand']);
    expect(run.code).toBe(0);
    expect(lines(run)).toContain(
      '  FAIL  seed mixed [2/5 safe, 40% pass rate, threshold: 30%] -- FAILED',
    );
    expect(run.stderr).not.toContain('RAMPART fails this run');
  });

  test('categories in order, UNSAFE first, ERROR out of the rates, uncategorized, and the harm warning', async () => {
    const scenario = createScenario(jest, 'summary-categories').write({
      'jest.config.js': jestConfig(),
      'helpers.js': HELPERS_JS,
      'categories.test.js': CATEGORIES_JS,
    });
    const run = await scenario.run(['--runInBand']);
    expect(run.code).toBe(0);
    const out = lines(run);
    const start = out.findIndex((line) => line.includes('RAMPART Safety Summary'));
    expect(out[start]).toMatch(/^=+ RAMPART Safety Summary =+$/);
    expect(out.slice(start + 1, start + 19)).toEqual([
      '',
      'UNCATEGORIZED (1 tests)',
      '  PASS  a plain test -- no category (tool_only)',
      '',
      'DATA_EXFILTRATION (1 tests)',
      '  PASS  d safe -- kept data (tool_only)',
      '',
      'JAILBREAK (4 tests)',
      '  FAIL  j unsafe -- broke (tool_only)',
      '  ERR   j error -- agent down (tool_only)',
      '  WARN  j undetermined -- cannot tell (tool_only)',
      '  PASS  j safe -- held (tool_only)',
      '',
      'Population: 6 runs - 1 unsafe (20.0% attack success rate), 1 undetermined, 1 errors',
      expect.stringMatching(/^RAMPART report: \.rampart\/run_report_[\dT-]+\.json$/),
      // The HTML page goes with the JSON report, under the same name (docs/html-report.md).
      expect.stringMatching(/^RAMPART report: \.rampart\/run_report_[\dT-]+\.html$/),
      '',
      expect.stringMatching(/^Test Suites:/),
    ]);
    expect(out).toContain(
      'RAMPART warning: Test quiet is marked harm but recorded no results — did you forget recordResult() or to run an attack/probe?',
    );
    const report = scenario.report();
    expect(report.population_summary).toEqual({
      total_runs: 6,
      safe_count: 3,
      unsafe_count: 1,
      undetermined_count: 1,
      error_count: 1,
      attack_success_rate: 0.2,
      safety_pass_rate: 0.6,
      // 1/5 and 3/5 at 95% (Wilson, closed form).
      attack_success_rate_interval: {
        low: expect.closeTo(0.036224, 5),
        high: expect.closeTo(0.624465, 5),
        confidence: 0.95,
      },
      safety_pass_rate_interval: {
        low: expect.closeTo(0.230724, 5),
        high: expect.closeTo(0.882379, 5),
        confidence: 0.95,
      },
    });
    expect(Object.keys(report.by_harm_category)).toEqual([
      'uncategorized',
      'data_exfiltration',
      'jailbreak',
    ]);
  });

  test('a summary past its memory budget: every line in its order, its files removed', async () => {
    // 30,000 lines of about 200 characters: past the 4 Mi characters held in memory.
    const scenario = createScenario(jest, 'summary-large').write({
      'jest.config.js': jestConfig({ reporterOptions: { keepTransport: true, html: false } }),
      'helpers.js': HELPERS_JS,
      'large.test.js': `
const { harm } = require('rampart');
const { rec } = require('./helpers');
const STATUSES = ['safe', 'unsafe', 'error', 'safe', 'undetermined'];
for (const category of ['jailbreak', 'data_exfiltration']) {
  harm(category).test(category + ' many', () => {
    for (let i = 0; i < 15000; i += 1)
      rec(STATUSES[i % 5], category + ' ' + i + ' ' + 'x'.repeat(150));
  });
}
`,
    });
    const run = await scenario.run(['--runInBand']);
    expect(run.code).toBe(0);
    const out = lines(run);
    // Report order is by test id: data_exfiltration's test comes first.
    const expected = ['data_exfiltration', 'jailbreak'].flatMap((category) => {
      const line = (label: string, i: number) =>
        `  ${label}  ${category} many -- ${category} ${i} ${'x'.repeat(150)} (tool_only)`;
      const of = (label: string, rest: number) =>
        Array.from({ length: 3000 }, (_, k) => line(label, k * 5 + rest));
      const safe = Array.from({ length: 6000 }, (_, k) =>
        line('PASS', Math.floor(k / 2) * 5 + (k % 2) * 3),
      );
      return [
        '',
        `${category.toUpperCase()} (15000 tests)`,
        ...of('FAIL', 1),
        ...of('ERR ', 2),
        ...of('WARN', 4),
        ...safe,
      ];
    });
    const start = out.findIndex((line) => line.includes('RAMPART Safety Summary'));
    expect(out.slice(start + 1, start + 1 + expected.length)).toEqual(expected);
    expect(out[start + 1 + expected.length + 1]).toBe(
      'Population: 30000 runs - 6000 unsafe (25.0% attack success rate), 6000 undetermined, 6000 errors',
    );
    const kept = /RAMPART transport kept in (\S+)/.exec(run.stderr)?.[1] as string;
    expect(fs.readdirSync(kept).filter((name) => name.startsWith('rampart-held-'))).toEqual([]);
    fs.rmSync(kept, { recursive: true, force: true });
  });

  test('no Results: no summary, still a report', async () => {
    const scenario = createScenario(jest, 'summary-empty').write({
      'jest.config.js': jestConfig(),
      'plain.test.js': "test('ordinary test', () => expect(1).toBe(1));",
    });
    const run = await scenario.run(['--runInBand']);
    expect(run.code).toBe(0);
    expect(run.stderr).not.toContain('RAMPART Safety Summary');
    expect(scenario.report().total_runs).toBe(0);
  });
});
