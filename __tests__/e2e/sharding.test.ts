/**
 * Sharded runs: each shard writes its own report with its shard in the
 * metadata, and `rampart merge` (the installed bin) rebuilds the report of
 * the whole run, flagging missing or repeated shards.
 */
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { HELPERS_JS } from './support/files';
import { withNodeOnPath } from './support/node-versions';
import { JEST_VERSIONS, fixtureDir } from './support/paths';
import {
  type JsonReport,
  type Scenario,
  allResults,
  createScenario,
  jestConfig,
  readReport,
} from './support/scenario';

const file = (name: string) => `
const { harm, trial } = require('rampart');
const { rec } = require('./helpers');
harm('${name}', () => {
  test('${name} one', () => rec('safe', '${name} 1'));
  test('${name} two', () => rec('${name === 'b' ? 'unsafe' : 'safe'}', '${name} 2'));
});
trial(2, { threshold: 0.5 }, () => test('${name} trial', () => rec('safe', '${name} t')));
`;

function merge(scenario: Scenario, args: string[]) {
  const bin = path.join(fixtureDir(scenario.jest), 'node_modules', '.bin', 'rampart');
  return spawnSync(bin, ['merge', ...args], {
    cwd: scenario.dir,
    encoding: 'utf8',
    env: withNodeOnPath({ ...process.env, NO_COLOR: '1' }),
  });
}

const comparable = (report: JsonReport) => ({
  counts: [report.total_runs, report.passed, report.failed, report.undetermined, report.errors],
  population: report.population_summary,
  categories: Object.keys(report.by_harm_category),
  results: allResults(report).map((r) => [
    r.metadata._jest_test_id,
    r.summary,
    r.status,
    r.harm_category,
  ]),
  groups: report.trial_groups,
});

describe.each(JEST_VERSIONS)('Jest %i', (jest) => {
  test('shard reports merge into the report of the whole run', async () => {
    const scenario = createScenario(jest, 'sharding').write({ 'helpers.js': HELPERS_JS });
    for (const name of ['a', 'b', 'c', 'd', 'e'])
      scenario.write({ [`${name}.test.js`]: file(name) });
    for (const [dir, shard] of [
      ['whole', null],
      ['s1', '1/2'],
      ['s2', '2/2'],
    ] as const) {
      scenario.write({ 'jest.config.js': jestConfig({ reporterOptions: { outputDir: dir } }) });
      const run = await scenario.run(['--maxWorkers=2', ...(shard ? [`--shard=${shard}`] : [])]);
      expect(run.code).toBe(0);
    }
    const [s1, s2] = [scenario.report('s1'), scenario.report('s2')];
    expect(s1.metadata.shard).toEqual({ shard_index: 1, shard_count: 2 });
    expect(s2.metadata.shard).toEqual({ shard_index: 2, shard_count: 2 });
    expect(s1.total_runs).toBeGreaterThan(0);
    expect(s2.total_runs).toBeGreaterThan(0);

    const [first, second] = [scenario.reportFiles('s1')[0], scenario.reportFiles('s2')[0]] as [
      string,
      string,
    ];
    const merged = merge(scenario, [second, first, '-o', 'merged/run.json']);
    expect(merged.status).toBe(0);
    expect(merged.stderr).toContain('RAMPART Safety Summary');
    expect(merged.stderr).toContain('RAMPART merged report: merged/run.json');
    const report = readReport(path.join(scenario.dir, 'merged/run.json'), jest);
    expect(comparable(report)).toEqual(comparable(scenario.report('whole')));
    expect(report.metadata.shards).toEqual([
      { shard_index: 1, shard_count: 2 },
      { shard_index: 2, shard_count: 2 },
    ]);
    expect(report.metadata).not.toHaveProperty('incomplete');

    // Never overwrites: the same output again is refused.
    const again = merge(scenario, [first, second, '-o', 'merged/run.json']);
    expect(again.status).toBe(2);
    expect(again.stderr).toBe(
      'rampart merge: merged/run.json already exists; use --force to replace it\n',
    );

    // A missing shard, and a shard given twice, make the merged run incomplete.
    const partial = merge(scenario, [first, first, '-o', 'merged/partial.json']);
    expect(partial.status).toBe(1);
    const partialReport = readReport(path.join(scenario.dir, 'merged/partial.json'), jest);
    expect(partialReport.total_runs).toBe(s1.total_runs);
    expect(partialReport.metadata.incomplete_reasons).toEqual([
      `${first}: given twice; merged once`,
      'shard 2/2 is missing',
    ]);
    expect(partial.stderr).toContain('RAMPART: INCOMPLETE RUN');
  });

  test('usage errors name the problem', () => {
    const scenario = createScenario(jest, 'sharding-usage');
    const run = merge(scenario, ['--frobnicate']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('rampart merge: unknown option "--frobnicate"');
    const missing = merge(scenario, ['nope.json', '-o', 'x.json']);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toBe(
      'rampart merge: cannot read nope.json: no such file or directory\n',
    );
  });
});
