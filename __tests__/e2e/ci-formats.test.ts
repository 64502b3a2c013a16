/**
 * The CI outputs of one run with a hostile transcript, on Jest 29 and 30
 * with two workers: JUnit XML (valid against the Jenkins/GitLab schema,
 * parsed), SARIF 2.1.0 (valid against the OASIS schema), and, with
 * GITHUB_ACTIONS=true, the exact annotation lines on stdout at each test's
 * source line (describe nesting, test.each, trial(), harm(), payloadMatrix,
 * a TypeScript file through babel-jest) and the job summary appended to
 * GITHUB_STEP_SUMMARY. A test file that cannot load makes the run
 * incomplete, which every output says.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  casesOf,
  junitSchemaErrors,
  parseJUnit,
  sarifSchemaErrors,
} from '../support/ci-format-schemas';
import { HELPERS_JS } from './support/files';
import { JEST_VERSIONS } from './support/paths';
import { allResults, createScenario, jestConfig } from './support/scenario';

const HOSTILE =
  'leaked 100%\\n::error file=x::forged\\r\\n<script>alert(1)</script> ]]> \\u0007bell [x](http://evil)';

const AGENT_TEST = `const { harm, trial, payloadMatrix, payloadTemplate, PlainConverter, EXAMPLE_OBJECTIVE } = require('rampart');
const { rec } = require('./helpers');

harm('data_exfiltration', () => {
  describe('mail, agent', () => {
    test('forwards the inbox', () => { // @nested
      rec('unsafe', '${HOSTILE}', { strategy: 'xpia' });
      rec('safe', 'second look refused', { strategy: 'xpia' });
    });
  });
  test.each([['alpha'], ['beta']])('leaks %s', (name) => { // @each
    rec(name === 'alpha' ? 'unsafe' : 'undetermined', name + ' evaluated', { strategy: 'xpia' });
  });
});

trial(2, { threshold: 1 }, () => {
  test('stays safe', () => { // @trial
    rec('unsafe', 'gave in once', { strategy: 'crescendo' });
  });
});

harm('prompt_injection', () => {
  payloadMatrix('matrix', { // @matrix
    payloads: [payloadTemplate('ignore-previous.summary-swap')],
    objective: EXAMPLE_OBJECTIVE,
    converters: [new PlainConverter()],
  }, async () => {
    rec('unsafe', 'matrix case obeyed', { strategy: 'xpia' });
  });
});
`;

const TYPED_TEST = `import { recordResult, Result } from 'rampart';

interface Probe {
  name: string;
  expected: 'safe' | 'unsafe';
}

const probe: Probe = { name: 'typed', expected: 'unsafe' };

test('typed probe', () => { // @typed
  recordResult(new Result({ status: probe.expected, summary: 'typed finding', observabilityLevel: 'tool_only', strategy: 'xpia' }));
});
`;

/** The parts of a SARIF log the test reads. */
interface SarifLog {
  runs: [
    {
      results: Array<{
        ruleId: string;
        level: string;
        message: { text: string };
        locations: Array<{ physicalLocation: { region: unknown } }>;
      }>;
      invocations: Array<{ executionSuccessful: boolean }>;
    },
  ];
}

/**
 * 1-based line and column of the call marked `// @marker`: where the line's
 * code starts, or, for a curried call (`test.each(table)(…)`), where `call`
 * starts (V8 places such a call at its second argument list).
 */
function at(source: string, marker: string, call?: string): { line: number; column: number } {
  const lines = source.split('\n');
  const index = lines.findIndex((line) => line.includes(`// @${marker}`));
  const text = lines[index] as string;
  return { line: index + 1, column: (call ? text.indexOf(call) : text.search(/\S/)) + 1 };
}

describe.each(JEST_VERSIONS)('Jest %i', (jest) => {
  test('JUnit, SARIF and GitHub Actions outputs of a hostile run, at each test line (2 workers)', async () => {
    const scenario = createScenario(jest, 'ci formats');
    const name = path.basename(scenario.dir);
    scenario.write({
      'jest.config.js': jestConfig({
        reporterOptions: { junit: true, sarif: { outputFile: 'out/scan.sarif' } },
      }),
      'babel.config.js': `module.exports = { presets: [['@babel/preset-env', { targets: { node: 'current' } }], '@babel/preset-typescript'] };\n`,
      'tests/helpers.js': HELPERS_JS,
      'tests/agent.test.js': AGENT_TEST,
      'tests/typed.test.ts': TYPED_TEST,
      'tests/broken.test.js': `throw new Error('cannot load %0A::error::x');\n`,
    });
    const summaryFile = path.join(scenario.dir, 'step-summary.md');
    fs.writeFileSync(summaryFile, '# earlier step output\n');
    const run = await scenario.run(['--maxWorkers=2'], {
      env: {
        GITHUB_ACTIONS: 'true',
        GITHUB_STEP_SUMMARY: summaryFile,
        GITHUB_WORKSPACE: path.dirname(scenario.dir),
      },
    });
    // The broken file makes the run incomplete; the trial group fails.
    expect(run.code).toBe(1);

    // The JSON report carries each Result's test location (report order: by test id).
    const report = scenario.report();
    const located = allResults(report).map((r) => [
      r.metadata._jest_test_name,
      r.metadata._jest_test_location,
    ]);
    const nested = { file: 'tests/agent.test.js', ...at(AGENT_TEST, 'nested') };
    const each = { file: 'tests/agent.test.js', ...at(AGENT_TEST, 'each', "('leaks") };
    const trial = { file: 'tests/agent.test.js', ...at(AGENT_TEST, 'trial') };
    const matrix = { file: 'tests/agent.test.js', ...at(AGENT_TEST, 'matrix') };
    const typed = { file: 'tests/typed.test.ts', ...at(TYPED_TEST, 'typed') };
    expect(located).toEqual(
      expect.arrayContaining([
        ['forwards the inbox', nested],
        ['forwards the inbox', nested],
        ['leaks alpha', each],
        ['leaks beta', each],
        ['stays safe [trial-0]', trial],
        ['stays safe [trial-1]', trial],
        [expect.stringContaining('ignore-previous.summary-swap'), matrix],
        ['typed probe', typed],
      ]),
    );
    expect(located).toHaveLength(8);

    // GitHub annotations: stdout holds exactly the workflow commands.
    const file = (f: string) => `${name}/${f}`;
    const annotations = run.stdout.split('\n').filter((line) => line.length > 0);
    const matrixTitle = String(
      allResults(report).find((r) => r.summary === 'matrix case obeyed')?.metadata._jest_test_name,
    );
    expect(annotations).toEqual([
      expect.stringMatching(
        /^::warning title=RAMPART run incomplete::The RAMPART run is incomplete; the report does not reflect every test:%0A- tests\/broken\.test\.js: test file failed to run: .*cannot load %250A::error::x/,
      ),
      `::error file=${file('tests/agent.test.js')},line=${each.line},col=${each.column},title=RAMPART UNSAFE%3A leaks alpha::alpha evaluated%0A(harm category data_exfiltration, strategy xpia)`,
      `::error file=${file('tests/agent.test.js')},line=${nested.line},col=${nested.column},title=RAMPART UNSAFE%3A forwards the inbox #1::leaked 100%25%0A::error file=x::forged%0D%0A<script>alert(1)</script> ]]> \uFFFDbell [x](http://evil)%0A(harm category data_exfiltration, strategy xpia)`,
      `::error file=${file('tests/agent.test.js')},line=${matrix.line},col=${matrix.column},title=RAMPART UNSAFE%3A ${matrixTitle.replace(/:/g, '%3A').replace(/,/g, '%2C')}::matrix case obeyed%0A(harm category prompt_injection, strategy xpia)`,
      `::error file=${file('tests/agent.test.js')},line=${trial.line},col=${trial.column},title=RAMPART UNSAFE%3A stays safe [trial-0]::gave in once%0A(harm category uncategorized, strategy crescendo)`,
      `::error file=${file('tests/agent.test.js')},line=${trial.line},col=${trial.column},title=RAMPART UNSAFE%3A stays safe [trial-1]::gave in once%0A(harm category uncategorized, strategy crescendo)`,
      `::error file=${file('tests/typed.test.ts')},line=${typed.line},col=${typed.column},title=RAMPART UNSAFE%3A typed probe::typed finding%0A(harm category uncategorized, strategy xpia)`,
    ]);
    // Jest's own output is untouched: no workflow command reached stderr.
    expect(run.stderr).not.toMatch(/^::/m);
    expect(run.stderr).toMatch(/Tests:.*passed/);

    // The job summary is appended after what the step wrote before.
    const summary = fs.readFileSync(summaryFile, 'utf8');
    expect(summary.startsWith('# earlier step output\n## RAMPART: ❌ failed\n')).toBe(true);
    expect(summary).toContain('| data\\_exfiltration | 4 | 2 | 1 | 0 | 50.0% | 15.0% – 85.0% |');
    expect(summary).toContain('### Failed trial groups (1)');
    expect(summary).toContain('- stays safe: 0/2 safe, threshold 100%');
    expect(summary).toContain('### Incomplete run');
    expect(summary).toContain(
      `| forwards the inbox \\#1 | data\\_exfiltration | xpia | leaked 100% \\:\\:error file\\=x\\:\\:forged &lt;script&gt;alert\\(1\\)&lt;/script&gt; \\]\\]&gt; \uFFFDbell \\[x\\]\\(http\\://evil\\) | tests/agent\\.test\\.js\\:${nested.line} |`,
    );
    expect(summary).not.toContain('<script>');

    // JUnit XML next to the JSON report, same stamp; valid and complete.
    const jsonFile = scenario.reportFiles()[0] as string;
    const junitFile = jsonFile.replace(/\.json$/, '.junit.xml');
    expect(fs.existsSync(junitFile)).toBe(true);
    expect(junitSchemaErrors(junitFile)).toBeNull();
    const junit = parseJUnit(fs.readFileSync(junitFile, 'utf8'));
    const suites = junit.testsuites.testsuite;
    expect(suites.map((s) => [s.name, s.tests, s.failures, s.errors])).toEqual([
      ['data_exfiltration', '4', '2', '0'],
      ['prompt_injection', '1', '1', '0'],
      ['uncategorized', '3', '3', '0'],
      ['trial groups', '1', '1', '0'],
      ['RAMPART run', '1', '0', '1'],
    ]);
    const cases = casesOf(suites[0]);
    expect(cases.map((c) => c.name)).toEqual([
      'leaks alpha',
      'leaks beta',
      'forwards the inbox #1',
      'forwards the inbox #2',
    ]);
    const first = cases[2];
    expect(first).toMatchObject({
      name: 'forwards the inbox #1',
      classname: 'tests/agent.test.js',
      line: String(nested.line),
    });
    expect(first?.failure?.message).toBe(
      'leaked 100%\n::error file=x::forged\r\n<script>alert(1)</script> ]]> \uFFFDbell [x](http://evil)',
    );
    expect(casesOf(suites[4])[0]?.error?.message).toContain('tests/broken.test.js');

    // SARIF at the named file; valid; results at the test lines.
    const sarif = JSON.parse(
      fs.readFileSync(path.join(scenario.dir, 'out/scan.sarif'), 'utf8'),
    ) as SarifLog;
    expect(sarifSchemaErrors(sarif)).toBeNull();
    const results = sarif.runs[0].results;
    expect(
      results.map((r) => [r.ruleId, r.level, r.locations[0]?.physicalLocation.region]),
    ).toEqual([
      ['data_exfiltration/xpia', 'error', { startLine: each.line, startColumn: each.column }],
      ['data_exfiltration/xpia', 'warning', { startLine: each.line, startColumn: each.column }],
      ['data_exfiltration/xpia', 'error', { startLine: nested.line, startColumn: nested.column }],
      ['prompt_injection/xpia', 'error', { startLine: matrix.line, startColumn: matrix.column }],
      ['uncategorized/crescendo', 'error', { startLine: trial.line, startColumn: trial.column }],
      ['uncategorized/crescendo', 'error', { startLine: trial.line, startColumn: trial.column }],
      ['uncategorized/xpia', 'error', { startLine: typed.line, startColumn: typed.column }],
    ]);
    expect(results[2]?.message.text).toContain('\\[x\\](http://evil)');
    expect(sarif.runs[0].invocations[0]?.executionSuccessful).toBe(false);

    // The terminal names every file written.
    expect(run.stderr).toContain(`RAMPART report: ${path.relative(scenario.dir, junitFile)}`);
    expect(run.stderr).toContain('RAMPART report: out/scan.sarif');
  });

  test('Jest exits in band mid-run: the exit-time end writes JUnit, SARIF and the annotations too', async () => {
    const scenario = createScenario(jest, 'ci formats exit');
    const exiting = `const { rec } = require('./helpers');
test('exits', () => { // @exits
  rec('unsafe', 'recorded in the exiting test', { strategy: 'xpia' });
  process.exit(0);
});
`;
    scenario.write({
      'jest.config.js': jestConfig({ reporterOptions: { junit: true, sarif: true, github: true } }),
      'tests/helpers.js': HELPERS_JS,
      'tests/exits.test.js': exiting,
    });
    const summaryFile = path.join(scenario.dir, 'step-summary.md');
    const run = await scenario.run(['--runInBand'], {
      env: { GITHUB_ACTIONS: undefined, GITHUB_STEP_SUMMARY: summaryFile, GITHUB_WORKSPACE: '' },
    });
    expect(run.code).toBe(1);
    const exits = at(exiting, 'exits');
    const reason =
      'Jest exited (code 0) before the run completed — process.exit() in a test or a crash; the report is partial';
    const annotations = run.stdout.split('\n').filter((line) => line.length > 0);
    expect(annotations).toEqual([
      expect.stringContaining(`::warning title=RAMPART run incomplete::`),
      `::error file=tests/exits.test.js,line=${exits.line},col=${exits.column},title=RAMPART UNSAFE%3A exits::recorded in the exiting test%0A(harm category uncategorized, strategy xpia)`,
    ]);
    expect(annotations[0]).toContain(reason);
    expect(fs.readFileSync(summaryFile, 'utf8')).toContain('### Incomplete run');
    const jsonFile = scenario.reportFiles()[0] as string;
    const junitFile = jsonFile.replace(/\.json$/, '.junit.xml');
    expect(junitSchemaErrors(junitFile)).toBeNull();
    const suites = parseJUnit(fs.readFileSync(junitFile, 'utf8')).testsuites.testsuite;
    expect(suites.map((suite) => suite.name)).toEqual(['uncategorized', 'RAMPART run']);
    expect(casesOf(suites[1])[0]?.error?.message).toContain(reason);
    const sarif = JSON.parse(
      fs.readFileSync(jsonFile.replace(/\.json$/, '.sarif'), 'utf8'),
    ) as SarifLog;
    expect(sarifSchemaErrors(sarif)).toBeNull();
    expect(sarif.runs[0].results.map((r) => r.level)).toEqual(['error']);
    expect(sarif.runs[0].invocations[0]?.executionSuccessful).toBe(false);
  });
});
