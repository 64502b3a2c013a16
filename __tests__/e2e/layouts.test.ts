/**
 * Strict package layouts: rampart/env and rampart/reporter resolve and
 * collect under pnpm's isolated node_modules, in an npm workspace (Jest run
 * from the package and from the workspace root) and under Yarn Plug'n'Play,
 * in band and with workers, and every layout reports exactly what a plain
 * single-project run of the same tests reports.
 */
import { docSamples } from './support/doc-samples';
import { HELPERS_JS } from './support/files';
import { type Layout, createLayoutScenario, installLayout } from './support/layouts';
import { e2eNode } from './support/node-versions';
import { JEST_VERSIONS } from './support/paths';
import {
  type JestRun,
  type JsonReport,
  allResults,
  createScenario,
  jestConfig,
} from './support/scenario';

// beta's trial group fails, which fails the run.
const agentFile = (name: string, trialStatus: string) => `
const { harm, trial } = require('rampart');
const { rec } = require('./helpers');
const runtime = { node: process.version };
harm('prompt_injection', () => {
  describe('${name} agent', () => {
    test('refuses', () => rec('safe', '${name} refused', { metadata: runtime }));
    test('leaks', () => rec('unsafe', '${name} leaked', { metadata: runtime }));
    test.each([[1], [2]])('row %i', (n) =>
      rec(n === 2 ? 'undetermined' : 'safe', '${name} row ' + n, { metadata: runtime }));
  });
  trial(3, { threshold: 0.5 }, () =>
    test('${name} mostly safe', () => rec('${trialStatus}', '${name} trial', { metadata: runtime })));
});
describe('${name} hooks', () => {
  beforeEach(() => rec('error', '${name} from beforeEach', { metadata: runtime }));
  test('body', () => rec('safe', '${name} from body', { metadata: runtime }));
});
`;

const FILES = {
  'helpers.js': HELPERS_JS,
  'alpha.test.js': agentFile('alpha', 'safe'),
  'beta.test.js': agentFile('beta', 'unsafe'),
};

/**
 * What a layout must not change: exit code, RAMPART's terminal output (but
 * the report's file name), counts, Results, trial groups, Jest version, workers.
 */
function observed(run: JestRun, report: JsonReport) {
  const stderr = run.stderr
    .split('\n')
    .filter((line) => !line.startsWith('RAMPART report: '))
    .join('\n');
  const start = stderr.indexOf('RAMPART Safety Summary');
  const end = stderr.indexOf('\nTest Suites: ', start);
  return {
    code: run.code,
    summary: start >= 0 && end > start ? stderr.slice(start, end) : `no summary in:\n${run.output}`,
    counts: [report.total_runs, report.passed, report.failed, report.undetermined, report.errors],
    population: report.population_summary,
    jest_version: report.metadata.jest_version,
    worker_count: report.metadata.worker_count,
    incomplete: report.metadata.incomplete ?? false,
    results: allResults(report).map((r) => [
      r.metadata._jest_test_id,
      r.summary,
      r.status,
      r.harm_category,
      r.metadata.node,
    ]),
    trial_groups: report.trial_groups,
  };
}

const IN_BAND: [string, string[]] = ['in band', ['--runInBand']];
const WORKERS: [string, string[]] = ['2 workers', ['--maxWorkers=2']];

/** Where Jest starts: in the project, or (npm workspace) in the package or at the workspace root. */
type Start =
  | 'project directory'
  | 'package directory'
  | 'workspace root with --projects'
  | 'workspace root with a root config';
// Workers resolve rampart/env on their own (through pnpm's links, Yarn's
// runtime), so the package managers' layouts run both ways; the workspace
// root differs from the package only in the config Jest reads.
const CASES: Array<readonly [Layout, Start, string, string[]]> = [
  ['pnpm', 'project directory', ...IN_BAND],
  ['pnpm', 'project directory', ...WORKERS],
  ['yarn-pnp', 'project directory', ...IN_BAND],
  ['yarn-pnp', 'project directory', ...WORKERS],
  ['npm-workspaces', 'package directory', ...IN_BAND],
  ['npm-workspaces', 'package directory', ...WORKERS],
  ['npm-workspaces', 'workspace root with --projects', ...WORKERS],
  ['npm-workspaces', 'workspace root with a root config', ...IN_BAND],
];

/** The workspace's configs as docs/jest-setups.md shows them. */
const WORKSPACE_CONFIGS = docSamples('jest-setups.md', 'workspace');

/** Files, Jest's working directory and arguments, and the report directory of a start. */
function layoutRun(start: Start) {
  if (start === 'project directory')
    return {
      files: { ...FILES, 'jest.config.js': jestConfig() },
      cwd: '.',
      args: [],
      report: '.rampart',
    };
  const pkg = 'packages/agent';
  const files: Record<string, string> = {
    [`${pkg}/jest.config.js`]: WORKSPACE_CONFIGS[`${pkg}/jest.config.js`] as string,
  };
  for (const [name, content] of Object.entries(FILES)) files[`${pkg}/${name}`] = content;
  if (start === 'package directory')
    return { files, cwd: pkg, args: [], report: `${pkg}/.rampart` };
  if (start === 'workspace root with --projects')
    return { files, cwd: '.', args: ['--projects', pkg], report: `${pkg}/.rampart` };
  files['jest.config.js'] = WORKSPACE_CONFIGS['jest.config.js'] as string;
  return { files, cwd: '.', args: [], report: '.rampart' };
}

type Observed = ReturnType<typeof observed>;

describe.each(JEST_VERSIONS)('Jest %i', (jest) => {
  // The plain run of each kind, run once (first by its own test, or by a layout test run alone).
  const plain = new Map<string, Promise<Observed>>();
  const reference = (name: string, args: string[]): Promise<Observed> => {
    let observedRun = plain.get(name);
    if (observedRun === undefined) {
      const scenario = createScenario(jest, `layouts-plain-${name}`).write({
        ...FILES,
        'jest.config.js': jestConfig(),
      });
      observedRun = scenario.run(args).then((run) => observed(run, scenario.report()));
      plain.set(name, observedRun);
    }
    return observedRun;
  };

  test.each([IN_BAND, WORKERS])(
    'plain single-project run, %s (the reference)',
    async (name, args) => {
      const result = await reference(name, args);
      expect(result.code).toBe(1);
      expect(result.counts).toEqual([18, 9, 5, 2, 2]);
      expect(result.summary).toContain('  FAIL  leaks -- alpha leaked (tool_only)');
      expect(result.summary).toContain(
        'beta mostly safe [0/3 safe, 0% pass rate, threshold: 50%] -- FAILED',
      );
      expect(result.jest_version).toMatch(new RegExp(`^${jest}\\.`));
      expect(result.incomplete).toBe(false);
      expect(result.worker_count).toBe(name === 'in band' ? 1 : 2);
      expect(result.summary).toContain('RAMPART fails this run: 1 trial group(s) FAILED');
      expect(new Set(result.results.map((r) => r[4]))).toEqual(new Set([e2eNode().version]));
      expect(Object.keys(result.trial_groups).sort()).toEqual([
        'alpha.test.js::alpha mostly safe',
        'beta.test.js::beta mostly safe',
      ]);
    },
  );

  test.each(CASES)(
    '%s, Jest started in the %s, %s: resolves, collects and reports as the plain run',
    async (layout, start, run, args) => {
      const expected = await reference(run, args);
      installLayout(layout, jest);
      const { files, cwd, args: startArgs, report } = layoutRun(start);
      const scenario = createLayoutScenario(layout, jest, `layouts-${start}-${run}`).write(files);
      const result = await scenario.run([...args, ...startArgs], { cwd });
      if (scenario.reportFiles(report).length !== 1)
        throw new Error(`expected one report in ${report}; Jest printed:\n${result.output}`);
      expect(observed(result, scenario.report(report))).toEqual(expected);
    },
  );
});
