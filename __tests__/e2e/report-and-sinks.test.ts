/**
 * The JSON report and the sinks as a user configures them: upstream-compatible
 * schema, custom sink modules, and sinks that fail without taking the run down.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { HELPERS_JS } from './support/files';
import { JEST_VERSIONS } from './support/paths';
import { allResults, createScenario, jestConfig } from './support/scenario';

const SUITE_JS = `
const { harm, trial } = require('rampart');
const { rec } = require('./helpers');
harm('prompt_injection').test('injected', () =>
  rec('unsafe', 'obeyed the ticket', { strategy: 'manual', metadata: { conversation_id: 'abc-123' } }));
trial(2, { threshold: 0.5 }, () => test('repeat', () => rec('safe', 'fine')));
`;

// A sink module: default export (context) => ReportSink[]. It writes what it saw.
const SINK_JS = `
const fs = require('node:fs');
const path = require('node:path');
class SummarySink {
  constructor(context) { this.context = context; }
  async emit(report) {
    await new Promise((resolve) => setTimeout(resolve, 10));
    const line = JSON.stringify({
      options: this.context.options,
      rootDir: this.context.rootDir,
      outputDir: this.context.outputDir,
      totalRuns: report.totalRuns,
      failed: report.failed,
      categories: [...report.byHarmCategory().keys()],
      asr: report.populationSummary().attackSuccessRate,
      groups: Object.keys(report.trialGroups),
    });
    fs.appendFileSync(path.join(this.context.rootDir, 'sink-calls.jsonl'), line + '\\n');
  }
}
module.exports = (context) => [new SummarySink(context)];
`;

const BAD_SINKS = {
  'throwing-sink.js':
    'module.exports = () => [{ emit() { throw new Error("warehouse offline"); } }];',
  'hanging-sink.js': 'module.exports = () => [{ emit: () => new Promise(() => {}) }];',
  'empty-module.js': 'module.exports = { helper: 1 };',
  'not-a-list.js': 'module.exports = () => "sink";',
};

describe.each(JEST_VERSIONS)('Jest %i', (jest) => {
  test('the JSON report: upstream schema, key order, tags, trial groups, metadata', async () => {
    const scenario = createScenario(jest, 'report-schema').write({
      'jest.config.js': jestConfig({ reporterOptions: { outputDir: 'out/reports' } }),
      'helpers.js': HELPERS_JS,
      'suite.test.js': SUITE_JS,
    });
    const run = await scenario.run(['--runInBand']);
    expect(run.code).toBe(0);
    const files = scenario.reportFiles('out/reports');
    expect(files).toHaveLength(1);
    expect(path.basename(files[0] as string)).toMatch(
      /^run_report_\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d-\d{3}\.json$/,
    );
    expect(run.stderr).toContain(
      `RAMPART report: ${path.join('out', 'reports', path.basename(files[0] as string))}`,
    );
    const report = scenario.report('out/reports');
    expect(Object.keys(report)).toEqual([
      'total_runs',
      'passed',
      'failed',
      'undetermined',
      'errors',
      'duration_seconds',
      'metadata',
      'population_summary',
      'by_harm_category',
      'trial_groups',
      'population_by_harm_category',
      'schema_version',
    ]);
    expect(report).toMatchObject({
      total_runs: 3,
      passed: 2,
      failed: 1,
      undetermined: 0,
      errors: 0,
    });
    expect(report.metadata).toEqual({
      jest_version: expect.stringMatching(new RegExp(`^${jest}\\.`)),
      worker_count: 1,
      // Run facts (docs/diff-and-gates.md); no git_commit: the project is in no repository.
      started_at: expect.any(String),
      finished_at: expect.any(String),
      rampart_version: expect.any(String),
      node_version: expect.stringMatching(/^v\d+\./),
      jest_projects: [expect.any(String)],
    });
    const injected = report.by_harm_category.prompt_injection?.[0];
    expect(injected && Object.keys(injected)).toEqual([
      'safe',
      'status',
      'summary',
      'harm_category',
      'strategy',
      'observability_level',
      'duration_seconds',
      'metadata',
      'turns',
    ]);
    expect(injected).toMatchObject({
      safe: false,
      status: 'unsafe',
      summary: 'obeyed the ticket',
      harm_category: 'prompt_injection',
      strategy: 'manual',
      observability_level: 'tool_only',
      metadata: {
        conversation_id: 'abc-123',
        _jest_test_name: 'injected',
        _jest_test_id: 'suite.test.js::injected',
        _rampart_result_index: 0,
        _rampart_source_worker: '1',
        _rampart_attempt: 1,
      },
    });
    expect(report.trial_groups).toEqual({
      'suite.test.js::repeat': {
        total: 2,
        safe: 2,
        unsafe: 0,
        errors: 0,
        no_result: 0,
        threshold: 0.5,
        pass_rate: 1,
        passed: true,
        title: 'repeat',
        // 2/2 at 95%: the lower bound is 2 / (2 + 1.96²).
        confidence: null,
        pass_rate_interval: { low: expect.closeTo(0.342383, 5), high: 1, confidence: 0.95 },
      },
    });
    expect(allResults(report).every((r) => r.safe === (r.status === 'safe'))).toBe(true);
  });

  test('a custom sink module gets the same report once; json: false writes no file', async () => {
    const scenario = createScenario(jest, 'report-custom-sink').write({
      'jest.config.js': jestConfig({
        reporterOptions: { json: false, sinks: [['./sinks/summary-sink.js', { team: 'red' }]] },
      }),
      'helpers.js': HELPERS_JS,
      'suite.test.js': SUITE_JS,
      'sinks/summary-sink.js': SINK_JS,
    });
    const run = await scenario.run(['--maxWorkers=2']);
    expect(run.code).toBe(0);
    expect(scenario.reportFiles()).toEqual([]);
    // Nor the HTML page: it follows json unless asked for (docs/html-report.md).
    expect(fs.existsSync(path.join(scenario.dir, '.rampart'))).toBe(false);
    const calls = fs
      .readFileSync(path.join(scenario.dir, 'sink-calls.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(calls).toEqual([
      {
        options: { team: 'red' },
        rootDir: scenario.dir,
        outputDir: path.join(scenario.dir, '.rampart'),
        totalRuns: 3,
        failed: 1,
        categories: ['prompt_injection', 'uncategorized'],
        asr: 1 / 3,
        groups: ['suite.test.js::repeat'],
      },
    ]);
  });

  test('throwing, hanging and empty sink modules are reported; the other sinks still emit; the exit code stays right', async () => {
    const scenario = createScenario(jest, 'report-bad-sinks').write({
      'jest.config.js': jestConfig({
        reporterOptions: {
          sinkTimeoutMs: 500,
          sinks: [
            './throwing-sink.js',
            './hanging-sink.js',
            './empty-module.js',
            './not-a-list.js',
            './summary-sink.js',
          ],
        },
      }),
      'helpers.js': HELPERS_JS,
      'suite.test.js': SUITE_JS,
      'summary-sink.js': SINK_JS,
      ...BAD_SINKS,
    });
    const run = await scenario.run(['--runInBand']);
    expect(run.code).toBe(0);
    expect(scenario.report().total_runs).toBe(3);
    expect(
      fs.readFileSync(path.join(scenario.dir, 'sink-calls.jsonl'), 'utf8').trim().split('\n'),
    ).toHaveLength(1);
    const out = run.stderr;
    expect(out).toContain(
      'RAMPART warning: Sink module "./empty-module.js" exports no sink factory',
    );
    expect(out).toContain(
      'RAMPART warning: Sink module "./not-a-list.js" returned "sink", expected ReportSink[]; ignoring it.',
    );
    expect(out).toContain(
      'RAMPART warning: Sink sink #2.emit failed — report may not be persisted. (Error: warehouse offline)',
    );
    expect(out).toContain(
      'RAMPART warning: Sink sink #3.emit failed — report may not be persisted. (SinkTimeout: did not finish within sinkTimeoutMs (500 ms))',
    );
  });

  test('a sink failure never masks a failing run', async () => {
    const scenario = createScenario(jest, 'report-bad-sink-failing').write({
      'jest.config.js': jestConfig({ reporterOptions: { sinks: ['./throwing-sink.js'] } }),
      'helpers.js': HELPERS_JS,
      'suite.test.js': `${SUITE_JS}\ntest('broken', () => { throw new Error('real failure'); });`,
      ...BAD_SINKS,
    });
    const run = await scenario.run(['--runInBand']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('warehouse offline');
  });

  test('a JSON report that cannot be written fails the run', async () => {
    // The folder is blocked during the run: one blocked before it stops the run at once (first-minutes.test.ts).
    const scenario = createScenario(jest, 'report-unwritable').write({
      'jest.config.js': jestConfig({ reporterOptions: { outputDir: 'blocked/reports' } }),
      'helpers.js': HELPERS_JS,
      'suite.test.js': `${SUITE_JS}\ntest('blocks the report folder', () => require('node:fs').writeFileSync(__dirname + '/blocked', 'a file where the report directory should be'));`,
    });
    const run = await scenario.run(['--runInBand']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      'RAMPART warning: Sink JsonFileReportSink.emit failed — report may not be persisted.',
    );
    expect(run.stderr).toContain('RAMPART fails this run: the JSON report could not be written.');
  });

  test('a sink module that cannot be found is a configuration error naming it', async () => {
    const scenario = createScenario(jest, 'report-missing-sink').write({
      'jest.config.js': jestConfig({ reporterOptions: { sinks: ['./nowhere.js'] } }),
      'suite.test.js': "test('x', () => {});",
    });
    const run = await scenario.run(['--runInBand']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('rampart/reporter cannot find sink module "./nowhere.js"');
  });
});
