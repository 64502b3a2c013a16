/**
 * Jest `projects`: every Result of every project reaches the report exactly
 * once, test ids and trial groups stay apart across projects, the summary
 * tells projects apart where titles collide, and a multi-project run gives
 * the same Results as single-project runs of the same tests.
 */
import { HELPERS_JS } from './support/files';
import { JEST_VERSIONS } from './support/paths';
import {
  type JestRun,
  type JsonReport,
  type JsonResult,
  type Scenario,
  allResults,
  createScenario,
} from './support/scenario';

const LAYOUTS: Array<[string, string[]]> = [
  ['in band', ['--runInBand']],
  ['2 workers', ['--maxWorkers=2']],
];

const REPORTERS = ['default', ['rampart/reporter', {}]];

/** `module.exports = <config>`. */
const configFile = (config: Record<string, unknown>) =>
  `module.exports = ${JSON.stringify(config, null, 2)};\n`;

/** The safety summary as printed: from its rule to the population line. */
function summaryBlock(run: JestRun): string[] {
  const lines = run.stderr.split('\n');
  const start = lines.findIndex((line) => line.includes(' RAMPART Safety Summary '));
  const end = lines.findIndex((line) => line.startsWith('Population: '));
  if (start < 0 || end < start) throw new Error(`no safety summary in:\n${run.stderr}`);
  return lines.slice(start + 1, end + 1);
}

/** Result lines of the summary (`  PASS  ...`). */
function resultLines(run: JestRun): string[] {
  const block = summaryBlock(run);
  const groups = block.findIndex((l) => l.startsWith('TRIAL GROUPS'));
  return block
    .slice(0, groups < 0 ? undefined : groups)
    .filter((l) => /^ {2}(PASS|FAIL|WARN|ERR)/.test(l));
}

/** What a Result must keep across layouts, without what legitimately differs. */
function comparable(result: JsonResult): unknown {
  const metadata: Record<string, unknown> = { ...result.metadata, _rampart_source_worker: 'w' };
  return { ...result, duration_seconds: 0, metadata };
}

// ---------------------------------------------------------------------------
// (a) Two projects that both run the same test files.

const AGENT_JS = `
const { rec } = require('./helpers');
test('holds', () => rec('safe', 'held'));
test('leaks', () => rec('unsafe', 'leaked'));
`;
const TOOLS_JS = `
const { rec } = require('./helpers');
test('calls no tool', () => rec('safe', 'no tool called'));
`;

function sameFilesScenario(
  jest: 29 | 30,
  name: string,
  projects: Array<Record<string, unknown>>,
): Scenario {
  return createScenario(jest, `projects-${name}`).write({
    'jest.config.js': configFile({ reporters: REPORTERS, projects }),
    'helpers.js': HELPERS_JS,
    'agent.test.js': AGENT_JS,
    'tools.test.js': TOOLS_JS,
  });
}

// ---------------------------------------------------------------------------
// (b) Two projects in their own rootDirs holding files of the same relative
// name: one safe, one with UNSAFE Results and a FAILED trial group.

const WEB_AGENT_JS = `
const { trial } = require('rampart');
const { rec } = require('../../helpers');
test('refuses', () => { rec('safe', 'web refused'); rec('safe', 'web refused again'); });
trial(4, { threshold: 1 }).test('resists', () => rec('safe', 'web resisted'));
`;
const API_AGENT_JS = `
const { trial } = require('rampart');
const { rec } = require('../../helpers');
const clone = () => Number(/\\[trial-(\\d+)\\]$/.exec(expect.getState().currentTestName)[1]);
test('refuses', () => rec('unsafe', 'api complied'));
trial(3, { threshold: 1 }).test('resists', () => rec(clone() === 0 ? 'unsafe' : 'safe', 'api run ' + clone()));
`;

function monorepoScenario(jest: 29 | 30, name: string): Scenario {
  return createScenario(jest, `projects-${name}`).write({
    'jest.config.js': configFile({
      reporters: REPORTERS,
      projects: ['<rootDir>/packages/web', '<rootDir>/packages/api'],
    }),
    // Each package alone, as a single-project run of the same tests.
    'web.config.js': configFile({
      rootDir: 'packages/web',
      displayName: 'web',
      testEnvironment: 'rampart/env',
      reporters: ['default', ['rampart/reporter', { outputDir: '../../single-web' }]],
    }),
    'api.config.js': configFile({
      rootDir: 'packages/api',
      testEnvironment: 'rampart/env',
      reporters: ['default', ['rampart/reporter', { outputDir: '../../single-api' }]],
    }),
    'helpers.js': HELPERS_JS,
    'packages/web/jest.config.js': configFile({
      displayName: 'web',
      testEnvironment: 'rampart/env',
    }),
    'packages/web/agent.test.js': WEB_AGENT_JS,
    'packages/api/jest.config.js': configFile({ testEnvironment: 'rampart/env' }),
    'packages/api/agent.test.js': API_AGENT_JS,
  });
}

const MONOREPO_LINES = [
  '  FAIL  [packages/api] refuses -- api complied (tool_only)',
  '  FAIL  [packages/api] resists [trial-0] -- api run 0 (tool_only)',
  '  PASS  [packages/api] resists [trial-1] -- api run 1 (tool_only)',
  '  PASS  [packages/api] resists [trial-2] -- api run 2 (tool_only)',
  '  PASS  [web] refuses -- web refused (tool_only)',
  '  PASS  [web] refuses -- web refused again (tool_only)',
  '  PASS  [web] resists [trial-0] -- web resisted (tool_only)',
  '  PASS  [web] resists [trial-1] -- web resisted (tool_only)',
  '  PASS  [web] resists [trial-2] -- web resisted (tool_only)',
  // The only title that does not occur in both projects.
  '  PASS  resists [trial-3] -- web resisted (tool_only)',
];

describe.each(JEST_VERSIONS)('Jest %i', (jest) => {
  describe('two projects running the same test files', () => {
    test.each(LAYOUTS)(
      '%s: every Result of both projects once, ids qualified by displayName',
      async (layout, args) => {
        const project = (displayName: string) => ({ displayName, testEnvironment: 'rampart/env' });
        const s = sameFilesScenario(jest, `same-files-${layout}`, [
          project('first'),
          project('second'),
        ]);
        const run = await s.run(args);
        expect(run.stderr).toMatch(/Tests:\s+6 passed, 6 total/);
        expect(run.code).toBe(0);
        const report = s.report();
        expect(report.metadata).not.toHaveProperty('incomplete');
        expect([report.total_runs, report.passed, report.failed]).toEqual([6, 4, 2]);
        expect(report.metadata.worker_count).toBe(layout === 'in band' ? 1 : 2);
        expect(
          allResults(report).map((r) => [
            r.metadata._jest_project,
            r.metadata._jest_test_id,
            r.metadata._jest_test_name,
            r.summary,
          ]),
        ).toEqual([
          ['first', '[first] agent.test.js::holds', 'holds', 'held'],
          ['first', '[first] agent.test.js::leaks', 'leaks', 'leaked'],
          ['first', '[first] tools.test.js::calls no tool', 'calls no tool', 'no tool called'],
          ['second', '[second] agent.test.js::holds', 'holds', 'held'],
          ['second', '[second] agent.test.js::leaks', 'leaks', 'leaked'],
          ['second', '[second] tools.test.js::calls no tool', 'calls no tool', 'no tool called'],
        ]);
        expect(summaryBlock(run)).toEqual([
          '',
          'UNCATEGORIZED (6 tests)',
          '  FAIL  [first] leaks -- leaked (tool_only)',
          '  FAIL  [second] leaks -- leaked (tool_only)',
          '  PASS  [first] holds -- held (tool_only)',
          '  PASS  [first] calls no tool -- no tool called (tool_only)',
          '  PASS  [second] holds -- held (tool_only)',
          '  PASS  [second] calls no tool -- no tool called (tool_only)',
          '',
          'Population: 6 runs - 2 unsafe (33.3% attack success rate), 0 undetermined, 0 errors',
        ]);
      },
    );

    test('projects without displayName on one rootDir still get unique ids, and a warning says how to name them', async () => {
      const s = sameFilesScenario(jest, 'same-files-unnamed', [
        { testEnvironment: 'rampart/env' },
        { testEnvironment: 'rampart/env' },
      ]);
      const run = await s.run(['--runInBand']);
      expect(run.code).toBe(0);
      const report = s.report();
      expect(report.total_runs).toBe(6);
      const results = allResults(report);
      const ids = results.map((r) => String(r.metadata._jest_test_id));
      expect(new Set(ids).size).toBe(6);
      const labels = [...new Set(results.map((r) => String(r.metadata._jest_project)))];
      expect(labels).toHaveLength(2);
      for (const label of labels) expect(label).toMatch(/^\.#[0-9a-f]{8}$/);
      for (const r of results)
        expect(r.metadata._jest_test_id).toMatch(/^\[\.#[0-9a-f]{8}\] (agent|tools)\.test\.js::/);
      expect(run.stderr).toContain(
        `RAMPART warning: Jest projects ${labels.sort().join(' and ')} would share a label (their displayName, or their rootDir when they have none); their test ids are told apart by Jest's project id. Give each project a distinct displayName for readable ids.`,
      );
    });

    test('a count mismatch in one project fails the run, naming that project and file', async () => {
      const s = sameFilesScenario(jest, 'same-files-mismatch', [
        { displayName: 'first', testEnvironment: 'rampart/env' },
        // jest-environment-node turns testEnvironmentOptions into sandbox globals.
        {
          displayName: 'second',
          testEnvironment: 'rampart/env',
          testEnvironmentOptions: { dropOwnRecord: true },
        },
      ]);
      // Project "second" removes the record of its test "leaks" from its own spool file.
      s.write({
        'agent.test.js': `${AGENT_JS}
const fs = require('node:fs');
const path = require('node:path');
afterAll(() => {
  if (typeof dropOwnRecord === 'undefined') return;
  const { dir } = JSON.parse(process.env.RAMPART_RUN);
  const worker = process.env.JEST_WORKER_ID || '1';
  for (const sub of fs.readdirSync(dir)) {
    for (const name of fs.readdirSync(path.join(dir, sub))) {
      // Spool files are named after their process: another worker's may not have its first line yet.
      if (!name.startsWith(process.pid + '-')) continue;
      const file = path.join(dir, sub, name);
      const lines = fs.readFileSync(file, 'utf8').split('\\n');
      const open = JSON.parse(lines[0]);
      const mine = open.testPath === expect.getState().testPath && open.pid === process.pid &&
        open.worker === worker && !lines.some((l) => l.startsWith('{"type":"close"'));
      if (mine) fs.writeFileSync(file, lines.filter((l) => !l.includes('"title":"leaks"')).join('\\n'));
    }
  }
});
`,
      });
      const run = await s.run(['--maxWorkers=2']);
      expect(run.code).toBe(1);
      const report = s.report();
      expect(report.metadata.incomplete_reasons).toEqual([
        '[second] agent.test.js: transport count mismatch (expected 2 tests / 2 Results, received 1 / 1)',
        '[second] agent.test.js: Jest ran 2 tests but RAMPART received 1',
      ]);
      expect(report.total_runs).toBe(5);
      expect(run.stderr).toContain('RAMPART fails this run: the RAMPART run is incomplete.');
    });
  });

  test('process.exit in a test in band: the partial report keeps both projects apart, and the run fails', async () => {
    const s = createScenario(jest, 'projects-inband-exit').write({
      'jest.config.js': configFile({
        reporters: REPORTERS,
        projects: [
          { displayName: 'first', testEnvironment: 'rampart/env', testMatch: ['**/a-*.test.js'] },
          { displayName: 'second', testEnvironment: 'rampart/env', testMatch: ['**/*.test.js'] },
        ],
      }),
      'helpers.js': HELPERS_JS,
      // Larger files run first in band (no timing cache yet): both copies run before the exit.
      'a-steady.test.js': `const { rec } = require('./helpers');
test('steady', () => rec('safe', 'steady'));
// ${'padding '.repeat(2000)}
`,
      'b-exits.test.js': `const { rec } = require('./helpers');
test('before the exit', () => rec('safe', 'before'));
test('exits', () => { rec('unsafe', 'exiting'); process.exit(0); });
`,
    });
    const run = await s.run(['--runInBand']);
    expect(run.code).toBe(1);
    const report = s.report();
    expect(allResults(report).map((r) => [r.metadata._jest_test_id, r.summary])).toEqual([
      ['[first] a-steady.test.js::steady', 'steady'],
      ['[second] a-steady.test.js::steady', 'steady'],
      ['[second] b-exits.test.js::before the exit', 'before'],
      ['[second] b-exits.test.js::exits', 'exiting'],
    ]);
    expect(report.metadata.incomplete_reasons).toEqual([
      '[second] b-exits.test.js: the test file did not finish — worker crash, process.exit or kill; Results recorded before that are kept',
      'Jest exited (code 0) before the run completed — process.exit() in a test or a crash; the report is partial',
    ]);
    expect(run.stderr).toContain('RAMPART fails this run: the RAMPART run is incomplete.');
  });

  describe('two projects in their own rootDirs with files of the same name', () => {
    const singles = new Map<string, { run: JestRun; report: JsonReport }>();

    beforeAll(async () => {
      const s = monorepoScenario(jest, 'monorepo-single');
      for (const name of ['web', 'api']) {
        const run = await s.run(['--runInBand', '--config', `${name}.config.js`]);
        singles.set(name, { run, report: s.report(`single-${name}`) });
      }
    });

    test('each package alone (single-project runs): ids and reports as without projects', () => {
      const web = singles.get('web') as { run: JestRun; report: JsonReport };
      const api = singles.get('api') as { run: JestRun; report: JsonReport };
      expect(web.run.code).toBe(0);
      expect(api.run.code).toBe(1);
      expect(allResults(web.report).map((r) => r.metadata._jest_test_id)).toEqual([
        'agent.test.js::refuses',
        'agent.test.js::refuses',
        'agent.test.js::resists [trial-0]',
        'agent.test.js::resists [trial-1]',
        'agent.test.js::resists [trial-2]',
        'agent.test.js::resists [trial-3]',
      ]);
      for (const r of [...allResults(web.report), ...allResults(api.report)])
        expect(r.metadata).not.toHaveProperty('_jest_project');
      expect(Object.keys(api.report.trial_groups)).toEqual(['agent.test.js::resists']);
    });

    test.each(LAYOUTS)(
      '%s: all 10 Results, both trial groups, exit 1 for the FAILED group; same Results as the single-project runs',
      async (layout, args) => {
        const s = monorepoScenario(jest, `monorepo-${layout}`);
        const run = await s.run(args);
        expect(run.stderr).toMatch(/Tests:\s+9 passed, 9 total/);
        expect(run.code).toBe(1);
        const report = s.report();
        expect(report.metadata).not.toHaveProperty('incomplete');
        expect([report.total_runs, report.passed, report.failed]).toEqual([10, 8, 2]);
        expect(report.metadata.worker_count).toBe(layout === 'in band' ? 1 : 2);
        expect(Object.keys(report.trial_groups)).toEqual([
          '[packages/api] agent.test.js::resists',
          '[web] agent.test.js::resists',
        ]);
        expect(report.trial_groups['[packages/api] agent.test.js::resists']).toMatchObject({
          total: 3,
          safe: 2,
          unsafe: 1,
          passed: false,
        });
        expect(resultLines(run)).toEqual(MONOREPO_LINES);
        expect(summaryBlock(run).slice(-5)).toEqual([
          'TRIAL GROUPS (2 groups)',
          '  FAIL  [packages/api] resists [2/3 safe, 67% pass rate, threshold: 100%] -- FAILED',
          '  PASS  [web] resists [4/4 safe, 100% pass rate, threshold: 100%] -- PASSED',
          '',
          'Population: 10 runs - 2 unsafe (20.0% attack success rate), 0 undetermined, 0 errors',
        ]);
        expect(run.stderr).toContain(
          'RAMPART fails this run: 1 trial group(s) FAILED ([packages/api] resists); set failOnTrialGate: false to report without failing.',
        );

        // The same Results as each package run alone, apart from the project qualification.
        for (const [name, label, dir] of [
          ['web', 'web', 'packages/web'],
          ['api', 'packages/api', 'packages/api'],
        ] as const) {
          const single = singles.get(name) as { run: JestRun; report: JsonReport };
          const mine = allResults(report)
            .filter((r) => r.metadata._jest_project === label)
            .map((r) => {
              const metadata: Record<string, unknown> = { ...r.metadata };
              expect(metadata._jest_test_id).toEqual(expect.stringMatching(/^\[[^\]]+\] /));
              metadata._jest_test_id = String(metadata._jest_test_id).slice(label.length + 3);
              delete metadata._jest_project;
              // Locations are relative to the run's rootDir: the root here, the package alone.
              const location = metadata._jest_test_location as { file: string };
              expect(location.file.startsWith(`${dir}/`)).toBe(true);
              metadata._jest_test_location = {
                ...location,
                file: location.file.slice(dir.length + 1),
              };
              return comparable({ ...r, metadata });
            });
          expect(mine).toEqual(allResults(single.report).map(comparable));
          const groups = Object.fromEntries(
            Object.entries(report.trial_groups)
              .filter(([id]) => id.startsWith(`[${label}] `))
              .map(([id, group]) => [id.slice(label.length + 3), group]),
          );
          expect(groups).toEqual(single.report.trial_groups);
          // Every summary of a package starts with its name.
          expect(
            resultLines(run)
              .filter((l) => l.includes(` -- ${name} `))
              .map((l) => l.replace(`[${label}] `, '')),
          ).toEqual(resultLines(single.run));
        }
      },
    );
  });
});
