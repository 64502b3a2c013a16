/**
 * Results never bypass collection in silence: with the reporter configured,
 * files that run in another environment are listed (information, not a
 * failure), harm() and trial() fail at definition time there (see
 * definitions.test.ts), and a Result recorded in a running test there makes
 * the run incomplete, naming the test.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { HELPERS_JS } from './support/files';
import { JEST_VERSIONS, REPO_ROOT } from './support/paths';
import { type JestRun, allResults, createScenario } from './support/scenario';

const LAYOUTS: Array<[string, string[]]> = [
  ['in band', ['--runInBand']],
  ['2 workers', ['--maxWorkers=2']],
];

const configFile = (config: Record<string, unknown>) =>
  `module.exports = ${JSON.stringify(config, null, 2)};\n`;
const REPORTERS = ['default', ['rampart/reporter', {}]];

/** The lines that list files without rampart/env. */
function listing(run: JestRun): string[] {
  const lines = run.stderr.split('\n');
  const start = lines.findIndex((l) => l.includes(' ran without rampart/env'));
  if (start < 0) return [];
  const end = lines.findIndex((l, i) => i > start && !l.startsWith('  '));
  return lines.slice(start, end < 0 ? undefined : end);
}

/** The `projects` jest.config.js example of docs/writing-tests.md. */
function docsProjectsConfig(): string {
  const doc = fs.readFileSync(path.join(REPO_ROOT, 'docs', 'writing-tests.md'), 'utf8');
  const sample = [...doc.matchAll(/```js\n([\s\S]*?)```/g)]
    .map((match) => match[1] as string)
    .find((code) => code.includes('projects:'));
  if (!sample) throw new Error('docs/writing-tests.md has no projects example');
  return sample;
}

const UNIT_FILES = Array.from(
  { length: 12 },
  (_, i) => `unit/f${String(i).padStart(2, '0')}.test.js`,
);

describe.each(JEST_VERSIONS)('Jest %i', (jest) => {
  test.each(LAYOUTS)(
    '%s: a project of plain unit tests beside a safety project is listed, and the run stays green',
    async (_layout, args) => {
      const s = createScenario(jest, 'foreign-unit-project').write({
        // The projects example of docs/writing-tests.md, as documented.
        'jest.config.js': docsProjectsConfig(),
        'helpers.js': HELPERS_JS,
        'safety/agent.test.js': `const { rec } = require('../helpers');\ntest('refuses', () => rec('safe', 'refused'));\n`,
        ...Object.fromEntries(
          UNIT_FILES.map((file) => [file, "test('adds', () => expect(1 + 1).toBe(2));\n"]),
        ),
      });
      const run = await s.run(args);
      expect(run.stderr).toMatch(/Tests:\s+13 passed, 13 total/);
      expect(run.code).toBe(0);
      const report = s.report();
      expect(report.metadata).not.toHaveProperty('incomplete');
      expect(report.total_runs).toBe(1);
      // The id the docs show for this example.
      expect(allResults(report)[0]?.metadata._jest_test_id).toBe(
        '[safety] safety/agent.test.js::refuses',
      );
      expect(report.metadata.files_without_rampart_env).toEqual({
        count: 12,
        files: UNIT_FILES.map((file) => `[unit] ${file}`),
      });
      expect(listing(run)).toEqual([
        'RAMPART: 12 test file(s) ran without rampart/env; tests there cannot record Results:',
        ...UNIT_FILES.slice(0, 10).map((file) => `  - [unit] ${file}`),
        '  ... and 2 more (metadata.files_without_rampart_env)',
      ]);
      expect(run.stderr).toContain('Population: 1 runs - 0 unsafe');
    },
  );

  test('every file on testEnvironment node: no Result at all, and the summary still says why', async () => {
    const s = createScenario(jest, 'foreign-all-node').write({
      'jest.config.js': configFile({ testEnvironment: 'node', reporters: REPORTERS }),
      'a.test.js': "test('a', () => {});\n",
      'b.test.js': "test('b', () => {});\n",
      'skipped.test.js': "test.skip('never runs', () => {});\n",
    });
    const run = await s.run(['--runInBand']);
    expect(run.code).toBe(0);
    const report = s.report();
    expect(report.total_runs).toBe(0);
    expect(report.metadata).not.toHaveProperty('incomplete');
    // A file whose tests were all skipped ran nothing: it is not listed.
    expect(report.metadata.files_without_rampart_env).toEqual({
      count: 2,
      files: ['a.test.js', 'b.test.js'],
    });
    expect(listing(run)).toEqual([
      'RAMPART: 2 test file(s) ran without rampart/env; tests there cannot record Results:',
      '  - a.test.js',
      '  - b.test.js',
    ]);
    expect(run.stderr).not.toContain('RAMPART Safety Summary');
  });

  test.each(LAYOUTS)(
    '%s: Results recorded in running tests of another environment make the run incomplete, naming the tests; outside tests they stay silent',
    async (_layout, args) => {
      const s = createScenario(jest, 'foreign-stray').write({
        'jest.config.js': configFile({ testEnvironment: 'node', reporters: REPORTERS }),
        'helpers.js': HELPERS_JS,
        'stray.test.js': `
const { BaseExecution, Result } = require('rampart');
const { rec } = require('./helpers');
class Probe extends BaseExecution {
  strategyName = 'probe';
  async run() { return new Result({ status: 'unsafe', summary: 'probe run', observabilityLevel: 'tool_only' }); }
}
rec('safe', 'at module scope: no test, silent');
beforeAll(() => rec('safe', 'in beforeAll: no test yet, silent'));
test('records by hand', () => { rec('unsafe', 'lost 1'); rec('safe', 'lost 2'); });
describe('suite', () => {
  test('runs a probe', async () => { await new Probe().execute({ observabilityProfile: 'tool_only' }); });
});
`,
        'plain.test.js': "test('plain', () => {});\n",
      });
      const run = await s.run(args);
      expect(run.stderr).toMatch(/Tests:\s+3 passed, 3 total/);
      expect(run.code).toBe(1);
      const report = s.report();
      expect(report.total_runs).toBe(0);
      expect(report.metadata.incomplete_reasons).toEqual([
        'stray.test.js: 3 Result(s) recorded by tests outside rampart/env were not collected (test "records by hand", test "suite runs a probe"); run this file in rampart/env',
      ]);
      expect(report.metadata.files_without_rampart_env).toEqual({
        count: 2,
        files: ['plain.test.js', 'stray.test.js'],
      });
      expect(run.stderr).toContain('RAMPART: INCOMPLETE RUN');
      expect(run.stderr).toContain('RAMPART fails this run: the RAMPART run is incomplete.');
      expect(allResults(report)).toEqual([]);
    },
  );
});
