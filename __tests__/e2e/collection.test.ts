/**
 * Every Result arrives exactly once, attributed to the right test, whatever
 * the worker layout: in band, worker processes, worker threads; Jest 29 and 30.
 */
import { HELPERS_JS } from './support/files';
import { JEST_VERSIONS } from './support/paths';
import {
  type JsonReport,
  type Scenario,
  allResults,
  createScenario,
  jestConfig,
} from './support/scenario';

// Four files so that two workers both get work; each mixes the shapes that
// make attribution hard: nesting, test.each, test.concurrent with interleaved
// awaits, scoped and per-test harm, and Results recorded in beforeEach.
const suiteFile = (name: string) => `
const { harm } = require('rampart');
const { rec, sleep } = require('./helpers');

harm('data_exfiltration', () => {
  describe('${name} outer', () => {
    describe('inner', () => {
      test('nested', () => rec('safe', '${name} nested'));
    });
    harm('jailbreak').test('closest wins', () => rec('unsafe', '${name} closest'));
    test.each([[1], [2], [3]])('row %i', (n) => rec(n === 2 ? 'error' : 'safe', '${name} row ' + n));
  });
});

describe('${name} concurrent', () => {
  test.concurrent('slow', async () => {
    rec('safe', '${name} slow start');
    await sleep(40);
    rec('safe', '${name} slow end');
  });
  test.concurrent('fast', async () => {
    await sleep(5);
    rec('undetermined', '${name} fast');
  });
});

describe('${name} hooks', () => {
  beforeEach(() => rec('safe', '${name} from beforeEach'));
  test('body', () => rec('safe', '${name} from body'));
});

test('${name} uncategorized', () => rec('safe', '${name} plain', { metadata: { user_key: 'kept' } }));
`;

const FILES = ['alpha', 'beta', 'gamma', 'delta'];

function expectedRows(name: string): Array<[string, string, string | null]> {
  const id = (...parts: string[]) => [`${name}.test.js`, ...parts].join('::');
  return [
    [id(`${name} outer`, 'inner', 'nested'), `${name} nested`, 'data_exfiltration'],
    [id(`${name} outer`, 'closest wins'), `${name} closest`, 'jailbreak'],
    [id(`${name} outer`, 'row 1'), `${name} row 1`, 'data_exfiltration'],
    [id(`${name} outer`, 'row 2'), `${name} row 2`, 'data_exfiltration'],
    [id(`${name} outer`, 'row 3'), `${name} row 3`, 'data_exfiltration'],
    [id(`${name} concurrent`, 'slow'), `${name} slow start`, null],
    [id(`${name} concurrent`, 'slow'), `${name} slow end`, null],
    [id(`${name} concurrent`, 'fast'), `${name} fast`, null],
    [id(`${name} hooks`, 'body'), `${name} from beforeEach`, null],
    [id(`${name} hooks`, 'body'), `${name} from body`, null],
    [id(`${name} uncategorized`), `${name} plain`, null],
  ];
}

function rows(report: JsonReport): Array<[unknown, string, string | null]> {
  return allResults(report).map((r) => [r.metadata._jest_test_id, r.summary, r.harm_category]);
}

/** The report without what legitimately differs between layouts. */
function layoutIndependent(report: JsonReport): unknown {
  const results = Object.fromEntries(
    Object.entries(report.by_harm_category).map(([category, list]) => [
      category,
      list.map((r) => ({
        ...r,
        duration_seconds: 0,
        metadata: { ...r.metadata, _rampart_source_worker: 'w' },
      })),
    ]),
  );
  const metadata: Record<string, unknown> = { ...report.metadata };
  delete metadata.worker_count;
  // When the run happened is not content.
  delete metadata.started_at;
  delete metadata.finished_at;
  return { ...report, duration_seconds: 0, metadata, by_harm_category: results };
}

const LAYOUTS: Array<[string, string[], Record<string, unknown>]> = [
  ['in band', ['--runInBand'], {}],
  ['2 worker processes', ['--maxWorkers=2'], {}],
  ['2 worker threads', ['--maxWorkers=2'], { workerThreads: true }],
];

describe.each(JEST_VERSIONS)('Jest %i', (jest) => {
  const reports = new Map<string, JsonReport>();

  test.each(LAYOUTS)(
    '%s: every Result exactly once, attributed to its test',
    async (layout, args, extra) => {
      const scenario: Scenario = createScenario(jest, `collection-${layout}`);
      scenario.write({ 'jest.config.js': jestConfig({ extra }), 'helpers.js': HELPERS_JS });
      for (const name of FILES) scenario.write({ [`${name}.test.js`]: suiteFile(name) });
      const run = await scenario.run(args);
      expect(run.code).toBe(0);
      const report = scenario.report();
      const expected = FILES.flatMap(expectedRows).sort();
      expect(rows(report).sort()).toEqual(expected);
      expect(report.total_runs).toBe(expected.length);
      expect(report.metadata.jest_version).toMatch(new RegExp(`^${jest}\\.`));
      expect(report.metadata).not.toHaveProperty('incomplete');
      // Workers were really used (fresh cache directory), or really not.
      expect(report.metadata.worker_count).toBe(layout === 'in band' ? 1 : 2);
      expect(allResults(report).find((r) => r.summary === 'alpha plain')?.metadata.user_key).toBe(
        'kept',
      );
      reports.set(layout, report);
    },
  );

  test('the report content does not depend on the layout', () => {
    expect(reports.size).toBe(LAYOUTS.length);
    const [first, ...others] = [...reports.values()].map(layoutIndependent);
    for (const other of others) expect(other).toEqual(first);
  });
});
