/**
 * A RAMPART run never loses a Result and never passes when it did not fully
 * run: crashes, exits, kills, broken files, broken transport, retries, bail.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { HELPERS_JS } from './support/files';
import { JEST_VERSIONS } from './support/paths';
import { type JsonReport, allResults, createScenario, jestConfig } from './support/scenario';

const summaries = (report: JsonReport) =>
  allResults(report)
    .map((r) => r.summary)
    .sort();
const reasons = (report: JsonReport) => report.metadata.incomplete_reasons as string[];

const STEADY_JS = `
const { rec } = require('./helpers');
test('steady one', () => rec('safe', 'steady 1'));
test('steady two', () => rec('safe', 'steady 2'));
`;

describe.each(JEST_VERSIONS)('Jest %i', (jest) => {
  const scenario = (
    name: string,
    files: Record<string, string>,
    reporterOptions: Record<string, unknown> = {},
  ) =>
    createScenario(jest, `reliability-${name}`).write({
      'jest.config.js': jestConfig({ reporterOptions }),
      'helpers.js': HELPERS_JS,
      ...files,
    });

  test.each([0, 1])(
    'process.exit(%i) in a worker: Results up to the exit are kept once, even when Jest re-runs the file; the run is incomplete',
    async (code) => {
      const s = scenario(`worker-exit-${code}`, {
        'exits.test.js': `
const { rec } = require('./helpers');
test('before the exit', () => rec('safe', 'recorded before exit'));
test('exits', () => { rec('unsafe', 'recorded in the exiting test'); process.exit(${code}); });
test('after the exit', () => rec('safe', 'never runs'));
`,
        'steady.test.js': STEADY_JS,
      });
      const run = await s.run(['--maxWorkers=2']);
      expect(run.code).toBe(1);
      const report = s.report();
      expect(summaries(report)).toEqual([
        'recorded before exit',
        'recorded in the exiting test',
        'steady 1',
        'steady 2',
      ]);
      expect(report.metadata.incomplete).toBe(true);
      expect(reasons(report)).toEqual([
        expect.stringMatching(/^exits\.test\.js: test file failed to run: /),
        expect.stringMatching(
          /^exits\.test\.js: the test file did not finish( \(Jest ran it \d times\))? — worker crash/,
        ),
      ]);
      expect(run.stderr).toContain('RAMPART: INCOMPLETE RUN');
      expect(run.stderr).toContain('RAMPART fails this run: the RAMPART run is incomplete.');
    },
  );

  test('a worker killed with SIGKILL: earlier Results kept, the run is incomplete', async () => {
    const s = scenario('worker-kill', {
      'killed.test.js': `
const { rec } = require('./helpers');
test('before the kill', () => rec('unsafe', 'recorded before kill'));
test('killed', () => { process.kill(process.pid, 'SIGKILL'); });
`,
      'steady.test.js': STEADY_JS,
    });
    const run = await s.run(['--maxWorkers=2']);
    expect(run.code).toBe(1);
    const report = s.report();
    expect(summaries(report)).toEqual(['recorded before kill', 'steady 1', 'steady 2']);
    expect(reasons(report)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^killed\.test\.js: the test file did not finish/),
      ]),
    );
  });

  test.each([
    [0, 1],
    [3, 3],
  ])(
    'process.exit(%i) in band: the partial report is written and the exit code is %i',
    async (code, expected) => {
      const s = scenario(
        `inband-exit-${code}`,
        {
          // Larger files run first in band (no timing cache yet): this one runs before the exit.
          'a-first.test.js': `${STEADY_JS}\n// ${'padding '.repeat(2000)}\n`,
          'b-exits.test.js': `
const { rec } = require('./helpers');
test('before the exit', () => rec('safe', 'recorded before exit'));
test('exits', () => { rec('unsafe', 'recorded in the exiting test'); process.exit(${code}); });
`,
          'sink.js': `module.exports = () => [{ emit() { require('fs').writeFileSync(__dirname + '/emitted', ''); } }];`,
        },
        { sinks: ['./sink.js'] },
      );
      const run = await s.run(['--runInBand']);
      expect(run.code).toBe(expected);
      const report = s.report();
      expect(summaries(report)).toEqual(
        ['recorded before exit', 'steady 1', 'steady 2', 'recorded in the exiting test'].sort(),
      );
      expect(reasons(report)).toEqual(
        expect.arrayContaining([
          expect.stringMatching(/^b-exits\.test\.js: the test file did not finish/),
          `Jest exited (code ${code}) before the run completed — process.exit() in a test or a crash; the report is partial`,
        ]),
      );
      expect(run.stderr).toContain('RAMPART: INCOMPLETE RUN');
      // Sinks are asynchronous: a process that is exiting cannot wait for them.
      expect(run.stderr).toContain(
        'RAMPART warning: sink modules were not emitted because Jest exited early.',
      );
      expect(fs.existsSync(`${s.dir}/emitted`)).toBe(false);
      // The HTML page is synchronous too: written beside the partial report, and named.
      const page = (s.reportFiles()[0] as string).replace(/\.json$/, '.html');
      expect(fs.readFileSync(page, 'utf8')).toContain('data-verdict="incomplete"');
      expect(run.stderr).toContain(`RAMPART report: .rampart/${path.basename(page)}`);
      expect(run.stderr).toContain('RAMPART fails this run: the RAMPART run is incomplete.');
    },
  );

  test('a test file that fails to load makes the run incomplete', async () => {
    const s = scenario('syntax-error', {
      'broken.test.js': 'test("x", () => {',
      'steady.test.js': STEADY_JS,
    });
    const run = await s.run(['--runInBand']);
    expect(run.code).toBe(1);
    const report = s.report();
    expect(summaries(report)).toEqual(['steady 1', 'steady 2']);
    expect(reasons(report)).toEqual([
      expect.stringMatching(/^broken\.test\.js: test file failed to run: /),
    ]);
  });

  test('a test file that throws something else than an Error: the reason says what was thrown', async () => {
    const s = scenario('throws-non-error', {
      'string.test.js': "throw 'boom string';",
      'object.test.js': 'throw { code: 42 };',
      'steady.test.js': STEADY_JS,
    });
    const run = await s.run(['--runInBand']);
    expect(run.code).toBe(1);
    expect(reasons(s.report()).sort()).toEqual([
      'object.test.js: test file failed to run: { code: 42 }',
      'string.test.js: test file failed to run: boom string',
    ]);
    expect(run.stderr).not.toMatch(/failed to run: (undefined|unknown error)/);
  });

  test.each([
    [
      'a malformed record',
      'fs.appendFileSync(file, \'{"type":"test", broken\\n\');',
      /malformed record at line 4: invalid JSON/,
    ],
    [
      'a missing record',
      "const lines = fs.readFileSync(file, 'utf8').split('\\n'); lines.splice(1, 1); fs.writeFileSync(file, lines.join('\\n'));",
      /transport count mismatch \(expected 2 tests \/ 2 Results, received 1 \/ 1\)/,
    ],
    // A record cut in the middle, as a crash during the write leaves it.
    [
      'a truncated record',
      'fs.appendFileSync(file, \'{"type":"test","id":"x\'); process.kill(process.pid, \'SIGKILL\');',
      /truncated record at line 4/,
    ],
  ])(
    '%s in the transport is detected; the other Results are kept',
    async (_name, tamper, reason) => {
      const s = scenario('tampered', {
        'tamper.test.js': `
const fs = require('node:fs');
const { rec, ownSpoolFile } = require('./helpers');
test('first', () => rec('safe', 'first'));
test('second', () => rec('safe', 'second'));
afterAll(() => { const file = ownSpoolFile(); ${tamper} });
`,
        'steady.test.js': STEADY_JS,
      });
      const run = await s.run(['--maxWorkers=2']);
      expect(run.code).toBe(1);
      const report = s.report();
      expect(reasons(report)).toEqual(expect.arrayContaining([expect.stringMatching(reason)]));
      expect(summaries(report)).toEqual(expect.arrayContaining(['second', 'steady 1', 'steady 2']));
    },
  );

  test('retries: every attempt is kept with its number; the trial verdict uses each clone’s final attempt', async () => {
    const s = scenario('retries', {
      'retry.test.js': `
const { trial } = require('rampart');
const { rec } = require('./helpers');
jest.retryTimes(2);
const attempts = {};
trial(2, { threshold: 1 }, () => {
  test('flaky', () => {
    const name = expect.getState().currentTestName;
    attempts[name] = (attempts[name] || 0) + 1;
    if (name.endsWith('[trial-1]') && attempts[name] === 1) {
      rec('unsafe', 'first attempt');
      throw new Error('flaky failure');
    }
    rec('safe', 'attempt ' + attempts[name]);
  });
});
`,
    });
    const run = await s.run(['--runInBand']);
    expect(run.code).toBe(0);
    const report = s.report();
    const rows = allResults(report).map((r) => [
      r.metadata._jest_test_name,
      r.metadata._rampart_attempt,
      r.summary,
    ]);
    expect(rows.sort()).toEqual([
      ['flaky [trial-0]', 1, 'attempt 1'],
      ['flaky [trial-1]', 1, 'first attempt'],
      ['flaky [trial-1]', 2, 'attempt 2'],
    ]);
    expect(report.trial_groups['retry.test.js::flaky']).toMatchObject({
      total: 2,
      safe: 2,
      unsafe: 0,
      passed: true,
    });
  });

  test('--bail still writes the report', async () => {
    const s = scenario('bail', {
      'a.test.js': `const { rec } = require('./helpers'); test('fails', () => { rec('unsafe', 'bad'); throw new Error('boom'); });`,
      'b.test.js': STEADY_JS,
    });
    const run = await s.run(['--runInBand', '--bail']);
    expect(run.code).toBe(1);
    expect(allResults(s.report()).map((r) => r.summary)).toContain('bad');
  });

  test('size cap: an oversized Result becomes an attributed ERROR placeholder; the rest of the test still arrives', async () => {
    const s = scenario(
      'size-cap',
      {
        'big.test.js': `
const { rec } = require('./helpers');
test('huge transcript', () => {
  rec('safe', 'small before');
  rec('unsafe', 'x'.repeat(10000), { harmCategory: 'custom-risk' });
  rec('safe', 'small after');
});
`,
      },
      { maxResultBytes: 4096 },
    );
    const run = await s.run(['--runInBand']);
    expect(run.code).toBe(1);
    const report = s.report();
    const results = allResults(report).sort(
      (a, b) => Number(a.metadata._rampart_result_index) - Number(b.metadata._rampart_result_index),
    );
    expect(results.map((r) => r.status)).toEqual(['safe', 'error', 'safe']);
    const marker = results[1];
    expect(marker).toMatchObject({
      strategy: 'transport',
      harm_category: 'custom-risk',
      metadata: {
        _rampart_transport_truncated: true,
        _rampart_limit_bytes: 4096,
        _jest_test_name: 'huge transcript',
      },
    });
    expect(marker?.metadata._rampart_original_size_bytes).toBeGreaterThan(10000);
    expect(marker?.summary).toMatch(
      /^RAMPART Result #1 of test "huge transcript" is \d+ bytes, over maxResultBytes \(4096\)/,
    );
    expect(reasons(report)).toEqual([
      expect.stringContaining('big.test.js: a Result of "huge transcript" could not travel intact'),
    ]);
  });

  test('Results adding up to more than the longest string V8 can hold (512 MB) all arrive, and the report is written', async () => {
    const s = scenario('over-512mb', {
      'many-large.test.js': `
const { rec } = require('./helpers');
test('forty 14 MB Results', () => {
  const transcript = 'q'.repeat(14 * 1024 * 1024);
  for (let i = 0; i < 40; i += 1) rec('safe', 'large ' + i, { metadata: { transcript } });
});
test('the next test still runs', () => rec('safe', 'after'));
`,
    });
    const run = await s.run(['--maxWorkers=2']);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('Population: 41 runs - 0 unsafe');
    expect(run.stderr).not.toContain('INCOMPLETE');
    const [file] = s.reportFiles();
    // Too large to parse back in a test: its size shows every transcript is in it.
    expect(fs.statSync(file as string).size).toBeGreaterThan(40 * 14 * 1024 * 1024);
    fs.rmSync(file as string);
    // Its run_report_latest.json copy holds the same half gigabyte.
    fs.rmSync(path.join(path.dirname(file as string), 'run_report_latest.json'), { force: true });
  });

  test("past the reporter's 16 MiB held budget, Results of a file reported long before the end are read back from its spool", async () => {
    const s = scenario('read-back', {
      'a-large.test.js': `
const { rec } = require('./helpers');
test('three 8 MB Results', () => {
  for (let i = 0; i < 3; i += 1) rec('safe', 'large ' + i, { metadata: { transcript: 'r'.repeat(8 * 1024 * 1024) } });
});
`,
      'b-later.test.js': `
const { rec } = require('./helpers');
test('ends seconds later', async () => {
  await new Promise((resolve) => setTimeout(resolve, 3000));
  rec('safe', 'later');
});
`,
    });
    const run = await s.run(['--runInBand']);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('Population: 4 runs - 0 unsafe');
    expect(run.stderr).not.toContain('INCOMPLETE');
    expect(summaries(s.report())).toEqual(['large 0', 'large 1', 'large 2', 'later']);
  });

  test('the default 16 MiB cap stops a 20 MB transcript without crashing anything', async () => {
    const s = scenario('default-cap', {
      'huge.test.js': `
const { rec } = require('./helpers');
test('agent returned 20 MB', () => {
  const text = 'y'.repeat(20 * 1024 * 1024);
  rec('safe', 'fits', { metadata: { size: 'small' } });
  rec('unsafe', 'transcript', { turns: [{ request: { prompt: 'p', attachments: [] }, response: { text, toolCalls: [], sideEffects: [], metadata: {} }, evalResult: null, evalPurpose: null, turnNumber: 0, timestamp: null, driverReasoning: '' }] });
});
`,
    });
    const run = await s.run(['--runInBand']);
    expect(run.code).toBe(1);
    const report = s.report();
    expect(
      allResults(report)
        .map((r) => r.status)
        .sort(),
    ).toEqual(['error', 'safe']);
    expect(
      allResults(report).find((r) => r.status === 'error')?.metadata._rampart_limit_bytes,
    ).toBe(16 * 1024 * 1024);
  });
});
