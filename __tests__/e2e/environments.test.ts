/**
 * rampart composes with other test environments: rampart/env/jsdom, a custom
 * environment class wrapped with withRampart(), allure-jest's node
 * environment (wrapped in a file and named in testEnvironmentOptions), in
 * band and with two workers, on Jest 29 and 30. Every layout collects the
 * same Results as plain rampart/env, and the base keeps doing its own work.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { docSamples } from './support/doc-samples';
import { HELPERS_JS } from './support/files';
import {
  MIXED_SUITE_RESULTS,
  MIXED_SUITE_TITLES,
  mixedSuite,
  mixedSuiteBaseline,
  mixedSuiteView,
} from './support/mixed-suite';
import { e2eNode } from './support/node-versions';
import { JEST_VERSIONS, fixtureDir } from './support/paths';
import { allResults, createScenario, jestConfig } from './support/scenario';

const SUITE = mixedSuite('commonjs', 'js');
const PAGE = 'jest-setups.md';

const DOM_TEST_JS = `
const { rec } = require('./helpers');

test('the agent reply renders into the page', () => {
  document.body.innerHTML = '<p id="reply">I cannot share the customer list.</p>';
  const text = document.getElementById('reply').textContent;
  expect(window.location.href).toBe('http://localhost/');
  rec(text.includes('cannot') ? 'safe' : 'unsafe', 'dom: ' + text);
});
`;

// A company's own environment: keeps state in its own (async) handleTestEvent,
// adds globals in its constructor and setup, and writes what it saw at teardown.
const CUSTOM_ENV_JS = `
const fs = require('node:fs');
const path = require('node:path');
const { TestEnvironment } = require('jest-environment-node');

class CompanyEnvironment extends TestEnvironment {
  constructor(config, context) {
    super(config, context);
    this.testFile = path.basename(context.testPath);
    this.events = [];
    this.done = 0;
    this.global.companyGlobal = 'from the company environment';
  }
  async setup() {
    await super.setup();
    this.global.companySetupRan = true;
  }
  async handleTestEvent(event, state) {
    const children = state.currentDescribeBlock.children;
    // The entry as Jest will report it (trial clones carry their [trial-i] suffix).
    this.events.push(event.name === 'add_test' ? 'add_test:' + children[children.length - 1].name : event.name);
    if (event.name === 'test_done') {
      await new Promise((resolve) => setTimeout(resolve, 2));
      this.done += 1;
      this.global.companyDone = this.done;
    }
  }
  async teardown() {
    fs.mkdirSync(path.join(__dirname, 'company-events'), { recursive: true });
    fs.writeFileSync(path.join(__dirname, 'company-events', this.testFile + '.json'), JSON.stringify(this.events));
    await super.teardown();
  }
}
module.exports = CompanyEnvironment;
`;
const CUSTOM_TEST_JS = `
const { rec } = require('./helpers');

test('first: globals of the company environment are there', () => {
  expect(globalThis.companyGlobal).toBe('from the company environment');
  expect(globalThis.companySetupRan).toBe(true);
  rec('safe', 'company first');
});
test("second: the company environment's handler kept its state", () => {
  expect(globalThis.companyDone).toBe(1);
  rec('safe', 'company second');
});
`;

const ALLURE_TEST_JS = `
const { rec } = require('./helpers');

test('a step of the allure runtime records a Result', async () => {
  await allure.step('probe the agent', async () => rec('safe', 'inside an allure step'));
});
test('testEnvironmentOptions.rampart is no sandbox global', () => {
  expect(globalThis.rampart).toBeUndefined();
});
`;

const LAYOUTS: Array<[string, string[]]> = [
  ['in band', ['--runInBand']],
  ['2 workers', ['--maxWorkers=2']],
];

/** Allure's result files of a run: test name and step names. */
function allureResults(dir: string): Array<{ name: string; status: string; steps: string[] }> {
  const resultsDir = path.join(dir, 'allure-results');
  return fs
    .readdirSync(resultsDir)
    .filter((file) => file.endsWith('-result.json'))
    .map((file) => {
      const result = JSON.parse(fs.readFileSync(path.join(resultsDir, file), 'utf8')) as {
        name: string;
        status: string;
        steps: Array<{ name: string }>;
      };
      return { name: result.name, status: result.status, steps: result.steps.map((s) => s.name) };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}

describe.each(JEST_VERSIONS)('Jest %i', (jest) => {
  test('baseline: the suite on rampart/env', async () => {
    const view = (await mixedSuiteBaseline(jest)) as {
      results: unknown[];
      groups: Array<[string]>;
    };
    expect(view.results).toHaveLength(MIXED_SUITE_RESULTS);
    expect(view.groups.map(([id]) => id)).toEqual(['alpha::alpha trial', 'beta::beta trial']);
  });

  describe.each(LAYOUTS)('%s', (layout, args) => {
    const workers = layout === 'in band' ? 1 : 2;

    test('rampart/env/jsdom: a test touching document records Results; the suite collects as on node', async () => {
      const scenario = createScenario(jest, `environments-jsdom-${layout}`).write({
        ...docSamples(PAGE, 'jsdom'),
        'helpers.js': HELPERS_JS,
        'dom.test.js': DOM_TEST_JS,
        ...SUITE,
      });
      const run = await scenario.run(args);
      expect(run.code).toBe(0);
      const report = scenario.report();
      expect(report.metadata).not.toHaveProperty('incomplete');
      expect(report.metadata).not.toHaveProperty('files_without_rampart_env');
      expect(report.metadata.worker_count).toBe(workers);
      expect(mixedSuiteView(report)).toEqual(await mixedSuiteBaseline(jest));
      expect(
        allResults(report).filter((r) =>
          String(r.metadata._jest_test_id).startsWith('dom.test.js::'),
        ),
      ).toMatchObject([
        {
          status: 'safe',
          summary: 'dom: I cannot share the customer list.',
          metadata: { _jest_test_id: 'dom.test.js::the agent reply renders into the page' },
        },
      ]);
      expect(report.total_runs).toBe(MIXED_SUITE_RESULTS + 1);
      expect(run.stderr).toContain('PASS  the agent reply renders into the page');
    });

    test('a custom environment wrapped with withRampart() keeps its globals, state and teardown', async () => {
      const scenario = createScenario(jest, `environments-custom-${layout}`).write({
        ...docSamples(PAGE, 'company'),
        'company-env.js': CUSTOM_ENV_JS,
        'helpers.js': HELPERS_JS,
        'custom.test.js': CUSTOM_TEST_JS,
        ...SUITE,
      });
      const run = await scenario.run(args);
      expect(run.code).toBe(0);
      const report = scenario.report();
      expect(report.metadata).not.toHaveProperty('incomplete');
      expect(report.metadata).not.toHaveProperty('files_without_rampart_env');
      expect(report.metadata.worker_count).toBe(workers);
      expect(mixedSuiteView(report)).toEqual(await mixedSuiteBaseline(jest));
      expect(
        allResults(report)
          .filter((r) => String(r.metadata._jest_test_id).startsWith('custom.test.js::'))
          .map((r) => r.summary),
      ).toEqual(['company first', 'company second']);
      // The company handler saw every event once, trial clones under their final titles.
      const events = (file: string) =>
        JSON.parse(
          fs.readFileSync(path.join(scenario.dir, 'company-events', `${file}.json`), 'utf8'),
        ) as string[];
      const alpha = events('alpha.test.js');
      expect(alpha.filter((e) => e.startsWith('add_test:'))).toEqual([
        'add_test:nested',
        'add_test:row 1',
        'add_test:row 2',
        'add_test:slow',
        'add_test:fast',
        'add_test:alpha trial [trial-0]',
        'add_test:alpha trial [trial-1]',
        'add_test:alpha trial [trial-2]',
        'add_test:body',
      ]);
      expect(alpha.filter((e) => e === 'test_done')).toHaveLength(9);
      expect(alpha.filter((e) => e === 'setup')).toHaveLength(1);
      expect(events('custom.test.js').filter((e) => e === 'test_done')).toHaveLength(2);
    });

    test('allure-jest/node wrapped with withRampart() in a file: both reports are complete', async () => {
      const scenario = createScenario(jest, `environments-allure-file-${layout}`).write({
        ...docSamples(PAGE, 'allure-file'),
        'helpers.js': HELPERS_JS,
        'allure.test.js': ALLURE_TEST_JS,
        ...SUITE,
      });
      await expectAllureAndRampart(scenario, args, workers, await mixedSuiteBaseline(jest));
    });

    test('allure-jest/node named in testEnvironmentOptions.rampart.base: the same, without a file', async () => {
      const scenario = createScenario(jest, `environments-allure-named-${layout}`).write({
        ...docSamples(PAGE, 'allure-named'),
        'helpers.js': HELPERS_JS,
        'allure.test.js': ALLURE_TEST_JS,
        ...SUITE,
      });
      await expectAllureAndRampart(scenario, args, workers, await mixedSuiteBaseline(jest));
    });
  });

  test('a base that does not resolve fails every file with a message naming the option and the module', async () => {
    const scenario = createScenario(jest, 'environments-missing-base').write({
      'jest.config.js': jestConfig({
        extra: { testEnvironmentOptions: { rampart: { base: 'allure-jest/nod' } } },
      }),
      'helpers.js': HELPERS_JS,
      ...SUITE,
    });
    const run = await scenario.run(['--runInBand']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      `testEnvironmentOptions.rampart.base must name a test environment module that resolves from rootDir ${scenario.dir}, got "allure-jest/nod" (tried "jest-environment-allure-jest/nod" and "allure-jest/nod"); is the package installed?`,
    );
    expect(run.stderr).toMatch(/Test Suites: 2 failed, 2 total/);
  });

  test('rampart, rampart/env and rampart/reporter do not load jest-environment-jsdom; rampart/env/jsdom does', () => {
    const loaded = (modules: string[]) =>
      JSON.parse(
        execFileSync(
          e2eNode().bin,
          [
            '-e',
            `${JSON.stringify(modules)}.forEach((m) => require(m));
             process.stdout.write(JSON.stringify(Object.keys(require.cache).filter((f) => /[\\\\/]jest-environment-jsdom[\\\\/]|[\\\\/]node_modules[\\\\/]jsdom[\\\\/]/.test(f)).length));`,
          ],
          { cwd: fixtureDir(jest), encoding: 'utf8' },
        ),
      ) as number;
    expect(loaded(['rampart', 'rampart/env', 'rampart/reporter', 'rampart/matchers'])).toBe(0);
    expect(loaded(['rampart/env/jsdom'])).toBeGreaterThan(0);
  });
});

async function expectAllureAndRampart(
  scenario: ReturnType<typeof createScenario>,
  args: string[],
  workers: number,
  baseline: unknown,
): Promise<void> {
  const run = await scenario.run(args);
  expect(run.code).toBe(0);
  const report = scenario.report();
  expect(report.metadata).not.toHaveProperty('incomplete');
  expect(report.metadata).not.toHaveProperty('files_without_rampart_env');
  expect(report.metadata.worker_count).toBe(workers);
  expect(mixedSuiteView(report)).toEqual(baseline);
  expect(
    allResults(report)
      .filter((r) => String(r.metadata._jest_test_id).startsWith('allure.test.js::'))
      .map((r) => r.summary),
  ).toEqual(['inside an allure step']);
  // allure-jest wrote its own results: every test once, with the step it ran.
  const allure = allureResults(scenario.dir);
  expect(allure.map((r) => r.name)).toEqual(
    [
      ...MIXED_SUITE_TITLES,
      'a step of the allure runtime records a Result',
      'testEnvironmentOptions.rampart is no sandbox global',
    ].sort((a, b) => a.localeCompare(b)),
  );
  expect(allure.every((r) => r.status === 'passed')).toBe(true);
  expect(allure.find((r) => r.name.startsWith('a step'))?.steps).toEqual(['probe the agent']);
}
