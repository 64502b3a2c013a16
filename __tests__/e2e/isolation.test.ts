/**
 * Attribution of late Results, runs without the reporter, two runs at once,
 * and the privacy and clean-up of the transport.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { HELPERS_JS } from './support/files';
import { JEST_VERSIONS } from './support/paths';
import { allResults, createScenario, jestConfig, readReport } from './support/scenario';

const NOTICE = 'RAMPART: the rampart/reporter is not configured for this run';

describe.each(JEST_VERSIONS)('Jest %i', (jest) => {
  test('a Result recorded after its test ended is reported under that test, flagged late — never credited to the next test', async () => {
    const scenario = createScenario(jest, 'isolation-late').write({
      'jest.config.js': jestConfig(),
      'helpers.js': HELPERS_JS,
      'late.test.js': `
const { rec, sleep } = require('./helpers');
rec('safe', 'at module scope: no test, not recorded');
beforeAll(() => rec('safe', 'in beforeAll: no test, not recorded'));
test('starts background work', () => {
  setTimeout(() => rec('unsafe', 'late from the first test'), 30);
  rec('safe', 'first on time');
});
test('next test', async () => {
  await sleep(120);
  rec('safe', 'second on time');
});
`,
    });
    const run = await scenario.run(['--runInBand']);
    expect(run.code).toBe(0);
    const rows = allResults(scenario.report()).map((r) => [
      r.metadata._jest_test_name,
      r.summary,
      r.metadata._rampart_late ?? false,
    ]);
    expect(rows.sort()).toEqual([
      ['next test', 'second on time', false],
      ['starts background work', 'first on time', false],
      ['starts background work', 'late from the first test', true],
    ]);
    expect(run.stderr).toContain(
      'RAMPART warning: Test starts background work recorded 1 Result(s) after it finished; they are reported under that test (metadata _rampart_late).',
    );
  });

  test.each([
    ['in band', ['--runInBand']],
    ['with workers', ['--maxWorkers=2']],
  ])(
    'without the reporter (%s): tests run and fail normally, one notice',
    async (_layout, args) => {
      const scenario = createScenario(jest, 'isolation-no-reporter').write({
        'jest.config.js': jestConfig({ rampartReporter: false }),
        'helpers.js': HELPERS_JS,
        ...Object.fromEntries(
          ['a', 'b', 'c'].map((name) => [
            `${name}.test.js`,
            `const { harm, trial } = require('rampart');
const { rec } = require('./helpers');
harm('jailbreak').test('${name} records', () => { rec('safe', '${name}'); expect({ status: 'unsafe', summary: 'leak' }).toBeUnsafe(); });
trial(2, { threshold: 1 }, () => test('${name} trial', () => rec('unsafe', 'x')));`,
          ]),
        ),
        'failing.test.js': "test('really fails', () => expect(1).toBe(2));",
      });
      const run = await scenario.run(args);
      expect(run.code).toBe(1); // the failing test, and nothing else
      expect(run.stderr).toMatch(/Tests:\s+1 failed, 9 passed, 10 total/);
      expect(run.stderr.split(NOTICE).length - 1).toBe(1);
      expect(run.stderr).not.toContain('RAMPART Safety Summary');
      expect(scenario.reportFiles()).toEqual([]);
    },
  );

  test('without the reporter, when worker 1 runs no rampart/env file: still exactly one notice', async () => {
    const scenario = createScenario(jest, 'isolation-no-reporter-worker-2').write({
      'jest.config.js': `module.exports = ${JSON.stringify({
        reporters: ['default'],
        projects: [
          { displayName: 'plain', testEnvironment: 'node', testMatch: ['**/plain.test.js'] },
          {
            displayName: 'safety',
            testEnvironment: 'rampart/env',
            testMatch: ['**/safety.test.js'],
          },
        ],
      })};`,
      // Largest first (no timing cache): the plain file goes to worker 1, the rampart file to worker 2.
      'plain.test.js': `test('plain', () => {});\n// ${'padding '.repeat(2000)}\n`,
      'safety.test.js': `
const fs = require('node:fs');
const { recordResult, Result } = require('rampart');
test('safety', () => {
  fs.writeFileSync(__dirname + '/safety-worker.txt', process.env.JEST_WORKER_ID);
  recordResult(new Result({ status: 'safe', summary: 'x', observabilityLevel: 'tool_only' }));
});
`,
    });
    const run = await scenario.run(['--maxWorkers=2']);
    expect(run.code).toBe(0);
    expect(fs.readFileSync(path.join(scenario.dir, 'safety-worker.txt'), 'utf8')).toBe('2');
    expect(run.stderr.split(NOTICE).length - 1).toBe(1);
  });

  test('two runs at once in the same project keep their data apart', async () => {
    const scenario = createScenario(jest, 'isolation-two-runs').write({
      'jest.config.js': jestConfig({
        reporterOptions: { outputDir: process.platform === 'win32' ? 'out' : 'out' },
      }),
      'helpers.js': HELPERS_JS,
      ...Object.fromEntries(
        ['a', 'b', 'c', 'd'].map((name) => [
          `${name}.test.js`,
          `const { rec, sleep } = require('./helpers');
for (let i = 0; i < 5; i += 1) test('${name} ' + i, async () => { await sleep(20); rec('safe', process.env.RUN_LABEL); });`,
        ]),
      ),
    });
    const [one, two] = await Promise.all([
      scenario.run(['--maxWorkers=2'], { env: { RUN_LABEL: 'one' } }),
      scenario.run(['--maxWorkers=2'], { env: { RUN_LABEL: 'two' } }),
    ]);
    expect([one.code, two.code]).toEqual([0, 0]);
    const reports = scenario.reportFiles('out').map((file) => readReport(file, jest));
    expect(reports).toHaveLength(2);
    const labels = reports
      .map((report) => [...new Set(allResults(report).map((r) => r.summary))])
      .sort();
    expect(labels).toEqual([['one'], ['two']]);
    for (const report of reports) expect(report.total_runs).toBe(20);
  });

  test.each([
    [false, 'removed'],
    [true, 'kept'],
  ])(
    'transport files are private, and with keepTransport: %p the directory is %s after the run',
    async (keep) => {
      const scenario = createScenario(jest, 'isolation-transport').write({
        'jest.config.js': jestConfig({ reporterOptions: { keepTransport: keep } }),
        'helpers.js': HELPERS_JS,
        'private.test.js': `
const fs = require('node:fs');
const path = require('node:path');
const { rec, ownSpoolFile } = require('./helpers');
test('spool is private', () => {
  rec('safe', 'x');
  const file = ownSpoolFile();
  fs.writeFileSync(path.join(__dirname, 'spool-location.json'), JSON.stringify({
    file,
    fileMode: fs.statSync(file).mode & 0o777,
    dirMode: fs.statSync(path.dirname(file)).mode & 0o777,
    runDirMode: fs.statSync(path.dirname(path.dirname(file))).mode & 0o777,
  }));
});
`,
      });
      const run = await scenario.run(['--maxWorkers=2']);
      expect(run.code).toBe(0);
      const seen = JSON.parse(
        fs.readFileSync(path.join(scenario.dir, 'spool-location.json'), 'utf8'),
      );
      expect([seen.fileMode, seen.dirMode, seen.runDirMode]).toEqual([0o600, 0o700, 0o700]);
      const runDir = path.dirname(path.dirname(seen.file));
      expect(fs.existsSync(runDir)).toBe(keep);
      if (keep) {
        expect(run.stderr).toContain(`RAMPART transport kept in ${runDir}`);
        fs.rmSync(runDir, { recursive: true, force: true });
      }
    },
  );
});
