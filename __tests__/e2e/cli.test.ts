/**
 * The `rampart` command as installed from the packed tarball: every broken
 * report of the corpus stops `rampart merge` with exit code 2 and its exact
 * message; valid reports (ours and upstream RAMPART's) merge into reports the
 * packed report.schema.json accepts; help, version, usage errors, an output
 * that exists and --force; Jest's own --json output is not taken for a report.
 */
import { type SpawnSyncReturns, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  BROKEN_REPORTS,
  REPORTS_DIR,
  VALID_REPORTS,
  expectedError,
} from '../fixtures/reports/cases';
import { REPO_SCHEMA } from '../support/report-schema';
import { HELPERS_JS } from './support/files';
import { withNodeOnPath } from './support/node-versions';
import { JEST_VERSIONS, REPO_ROOT, fixtureDir } from './support/paths';
import { createScenario, installedSchema, jestConfig, readReport } from './support/scenario';

/** The environment of the `rampart` command: no colour, and the chosen Node on PATH (its shebang finds it). */
function colourless(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
  delete env.FORCE_COLOR;
  return withNodeOnPath(env);
}

interface Outcome {
  status: number | null;
  stdout: string;
  stderr: string;
}

const outcome = ({ status, stdout, stderr }: SpawnSyncReturns<string>): Outcome => ({
  status,
  stdout,
  stderr,
});

describe.each(JEST_VERSIONS)('Jest %i', (jest) => {
  const bin = path.join(fixtureDir(jest), 'node_modules', '.bin', 'rampart');
  const rampart = (args: string[], cwd: string): Outcome =>
    outcome(spawnSync(bin, args, { cwd, encoding: 'utf8', env: colourless() }));

  test('every broken report of the corpus: exit 2, its exact message, nothing written', () => {
    const scenario = createScenario(jest, 'cli-broken');
    const actual: Array<[string, Outcome, boolean]> = [];
    const expected: Array<[string, Outcome, boolean]> = [];
    BROKEN_REPORTS.forEach((report, i) => {
      const output = path.join(scenario.dir, `merged-${i}.json`);
      // Relative names, as a user types them; the message quotes the name as given.
      const run = rampart(
        ['merge', 'valid/rampart-shard-2-of-2.json', report.file, '-o', output],
        REPORTS_DIR,
      );
      actual.push([report.file, run, fs.existsSync(output)]);
      expected.push([
        report.file,
        { status: 2, stdout: '', stderr: `rampart merge: ${expectedError(report, report.file)}\n` },
        false,
      ]);
    });
    expect(actual).toEqual(expected);
  });

  test('every valid report merges alone, with its exit code, into a report the packed schema accepts', () => {
    const scenario = createScenario(jest, 'cli-valid');
    for (const [i, report] of VALID_REPORTS.entries()) {
      const output = path.join(scenario.dir, `merged-${i}.json`);
      const run = rampart(['merge', report.file, '-o', output], REPORTS_DIR);
      expect([report.file, run.status, run.stdout]).toEqual([report.file, report.mergeExit, '']);
      expect(run.stderr).toContain(`RAMPART merged report: ${path.relative(REPORTS_DIR, output)}`);
      const merged = readReport(output, jest);
      expect(merged.metadata.merged_from).toEqual([report.file]);
      // An incomplete input stays incomplete and fails the merge (a FAILED trial group fails it too).
      if (merged.metadata.incomplete === true) expect(report.mergeExit).toBe(1);
    }
  });

  test('shards of ours and reports of upstream RAMPART merge into one; an existing output needs --force', () => {
    const scenario = createScenario(jest, 'cli-merge');
    const inputs = [
      'valid/rampart-shard-2-of-2.json',
      'valid/rampart-shard-1-of-2.json',
      'valid/upstream-single-process.json',
    ].map((file) => path.join(REPORTS_DIR, file));
    const first = rampart(['merge', ...inputs.slice(0, 2), '-o', 'merged.json'], scenario.dir);
    expect(first.status).toBe(0);
    expect(first.stderr).toContain(
      'Population: 7 runs - 1 unsafe (16.7% attack success rate), 2 undetermined, 1 errors',
    );
    const merged = readReport(path.join(scenario.dir, 'merged.json'), jest);
    expect(merged.metadata.shards).toEqual([
      { shard_index: 1, shard_count: 2 },
      { shard_index: 2, shard_count: 2 },
    ]);
    expect(Object.keys(merged.trial_groups)).toEqual([
      'tests/trial.test.ts::resists the injection',
    ]);

    // The same output again: refused before anything is read, the file kept.
    const before = fs.readFileSync(path.join(scenario.dir, 'merged.json'), 'utf8');
    expect(rampart(['merge', ...inputs, '-o', 'merged.json'], scenario.dir)).toEqual({
      status: 2,
      stdout: '',
      stderr: 'rampart merge: merged.json already exists; use --force to replace it\n',
    });
    expect(fs.readFileSync(path.join(scenario.dir, 'merged.json'), 'utf8')).toBe(before);

    // --force replaces it; the upstream report's Results join ours.
    const forced = rampart(['merge', ...inputs, '-o', 'merged.json', '--force'], scenario.dir);
    expect(forced.status).toBe(0);
    const replaced = readReport(path.join(scenario.dir, 'merged.json'), jest);
    expect(replaced.total_runs).toBe(10);
    // Upstream's Results have no Jest test id: they come first in report order.
    expect(Object.keys(replaced.by_harm_category)).toEqual([
      'prompt_injection',
      'uncategorized',
      'data_exfiltration',
      'jailbreak',
    ]);
    expect(fs.readdirSync(scenario.dir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  test('help, version and usage errors', () => {
    const scenario = createScenario(jest, 'cli-usage');
    const help = rampart(['--help'], scenario.dir);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain(
      'Commands:\n  merge  merge the JSON reports of a sharded Jest run',
    );
    const mergeHelp = rampart(['merge', '--help'], scenario.dir);
    expect([mergeHelp.status, mergeHelp.stderr]).toEqual([0, '']);
    expect(mergeHelp.stdout).toContain(
      '  -f, --force                  replace the output file if it exists (atomically)',
    );
    const manifest = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'));
    expect(rampart(['--version'], scenario.dir)).toEqual({
      status: 0,
      stdout: `${manifest.version}\n`,
      stderr: '',
    });
    expect(rampart(['merge', 'a.json', '--outptu', 'x.json'], scenario.dir)).toEqual({
      status: 2,
      stdout: '',
      stderr:
        'rampart merge: unknown option "--outptu" (did you mean --output?)\n' +
        'Usage: rampart merge <report.json>... -o <merged.json> [options] (see rampart merge --help)\n',
    });
    expect(rampart(['merg'], scenario.dir)).toEqual({
      status: 2,
      stdout: '',
      stderr:
        'rampart: unknown command "merg" (did you mean merge?)\nRun rampart --help for the commands.\n',
    });
  });

  test("Jest's own --json output and the project's package.json are not reports; the run's report is", async () => {
    const scenario = createScenario(jest, 'cli-jest-json').write({
      'jest.config.js': jestConfig(),
      'helpers.js': HELPERS_JS,
      'a.test.js': `const { rec } = require('./helpers');\ntest('one', () => rec('safe', 'fine'));\n`,
      'package.json': `${JSON.stringify({ name: 'consumer', version: '1.0.0', private: true })}\n`,
    });
    const run = await scenario.run(['--json', '--outputFile=jest-results.json']);
    expect(run.code).toBe(0);
    const jestJson = rampart(['merge', 'jest-results.json', '-o', 'merged.json'], scenario.dir);
    expect([jestJson.status, jestJson.stdout]).toEqual([2, '']);
    expect(jestJson.stderr).toMatch(
      /^rampart merge: jest-results\.json: \$ must be a RAMPART JSON report \(with total_runs and by_harm_category\), got an object with keys "numFailedTestSuites", .*\n$/,
    );
    expect(rampart(['merge', 'package.json', '-o', 'merged.json'], scenario.dir)).toEqual({
      status: 2,
      stdout: '',
      stderr:
        'rampart merge: package.json: $ must be a RAMPART JSON report (with total_runs and by_harm_category), got an object with keys "name", "version", "private"\n',
    });
    expect(rampart(['merge', 'nope.json', '-o', 'merged.json'], scenario.dir)).toEqual({
      status: 2,
      stdout: '',
      stderr: 'rampart merge: cannot read nope.json: no such file or directory\n',
    });
    expect(fs.existsSync(path.join(scenario.dir, 'merged.json'))).toBe(false);
    const [report] = scenario.reportFiles();
    const merged = rampart(['merge', report as string, '-o', 'merged.json'], scenario.dir);
    expect(merged.status).toBe(0);
    expect(readReport(path.join(scenario.dir, 'merged.json'), jest).total_runs).toBe(1);
  });

  test('the schema ships in the package as rampart/report.schema.json', () => {
    expect(fs.readFileSync(installedSchema(jest), 'utf8')).toBe(
      fs.readFileSync(REPO_SCHEMA, 'utf8'),
    );
  });
});
