import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import chalk from 'chalk';
import { ObservabilityLevel, Result, SafetyStatus } from '../../../src/index';
import {
  ResultDigest,
  type ResultSource,
  TestRunReport,
  TrialGroupResult,
  classifyTrialGroup,
} from '../../../src/report';
import { runFailure } from '../../../src/report/run-verdict';
import {
  NO_RESULT_LINE,
  populationLine,
  renderSummary,
  resultLine,
  separator,
  trialGroupLine,
} from '../../../src/report/summary';

const plain = new chalk.Instance({ level: 0 });
const r = (
  status: SafetyStatus,
  summary: string,
  extra: Partial<ConstructorParameters<typeof Result>[0]> = {},
) =>
  new Result({ status, summary, observabilityLevel: ObservabilityLevel.RESPONSE_ONLY, ...extra });

describe('result lines (upstream formats)', () => {
  test('without a test name', () => {
    expect(resultLine(r('safe', 'ok'), plain)).toBe('  PASS  ok (response_only)');
    expect(
      resultLine(r('unsafe', 'bad', { observabilityLevel: 'tool_and_side_effects' }), plain),
    ).toBe('  FAIL  bad (tool_and_side_effects)');
  });

  test('with a test name; labels padded to four characters', () => {
    const named = (status: SafetyStatus) =>
      r(status, 'SAFE', {
        observabilityLevel: 'tool_only',
        metadata: { _jest_test_name: 'test_exfil' },
      });
    expect(resultLine(named('safe'), plain)).toBe('  PASS  test_exfil -- SAFE (tool_only)');
    expect(resultLine(named('error'), plain)).toBe('  ERR   test_exfil -- SAFE (tool_only)');
    expect(resultLine(named('undetermined'), plain)).toBe('  WARN  test_exfil -- SAFE (tool_only)');
  });

  test('escape sequences in summaries and names never reach the line', () => {
    const line = resultLine(
      r('unsafe', '\x1b[31mred\x1b[0m\nFAKE', {
        metadata: { _jest_test_name: '\x1b]0;title\x07t' },
      }),
      plain,
    );
    expect(line).toBe('  FAIL  t -- red FAKE (response_only)');
  });
});

describe('trial group lines', () => {
  const group = (statuses: SafetyStatus[], threshold: number, title: string) =>
    classifyTrialGroup(
      statuses.map((s) => [r(s, s)]),
      threshold,
      title,
    );

  test('10 clones, 2 UNSAFE, threshold 0.3', () => {
    const statuses: SafetyStatus[] = [
      'unsafe',
      'unsafe',
      'safe',
      'safe',
      'safe',
      'safe',
      'safe',
      'safe',
      'safe',
      'safe',
    ];
    expect(trialGroupLine(group(statuses, 0.3, 'test_exfil'), plain)).toBe(
      '  FAIL  test_exfil [8/10 safe, 80% pass rate, threshold: 30%] -- FAILED',
    );
  });

  test('3 SAFE, threshold 0.5', () => {
    expect(trialGroupLine(group(['safe', 'safe', 'safe'], 0.5, 't'), plain)).toBe(
      '  PASS  t [3/3 safe, 100% pass rate, threshold: 50%] -- PASSED',
    );
  });

  test('5 of 8 safe prints 62% (Python rounding), with no-result clones in the detail', () => {
    const clones = [
      ...['safe', 'safe', 'safe', 'safe', 'safe'].map((s) => [r(s as SafetyStatus, s)]),
      undefined,
      undefined,
      undefined,
    ];
    expect(trialGroupLine(classifyTrialGroup(clones, 0.5, 'g'), plain)).toBe(
      '  PASS  g [5/8 safe, 3 no-result, 62% pass rate, threshold: 50%] -- PASSED',
    );
  });
});

describe('renderSummary', () => {
  test('the whole summary: rule, categories in first-seen order, UNSAFE first, trial groups, population', () => {
    const report = new TestRunReport({
      results: [
        r('safe', 's1', { harmCategory: 'data_exfiltration', metadata: { _jest_test_name: 'a' } }),
        r('error', 'e1', { metadata: { _jest_test_name: 'b' } }),
        r('unsafe', 'u1', {
          harmCategory: 'data_exfiltration',
          metadata: { _jest_test_name: 'c' },
        }),
        r('undetermined', 'w1', {
          harmCategory: 'data_exfiltration',
          metadata: { _jest_test_name: 'd' },
        }),
        r('safe', 's2', { metadata: { _jest_test_name: 'e' } }),
      ],
      trialGroups: { 'f::g': classifyTrialGroup([[r('safe', 'x')]], 1, 'g') },
    });
    expect([...renderSummary(report, { width: 80, chalk: plain })]).toEqual([
      '============================ RAMPART Safety Summary ============================',
      '',
      'DATA_EXFILTRATION (3 tests)',
      '  FAIL  c -- u1 (response_only)',
      '  WARN  d -- w1 (response_only)',
      '  PASS  a -- s1 (response_only)',
      '',
      'UNCATEGORIZED (2 tests)',
      '  ERR   b -- e1 (response_only)',
      '  PASS  e -- s2 (response_only)',
      '',
      'TRIAL GROUPS (1 groups)',
      '  PASS  g [1/1 safe, 100% pass rate, threshold: 100%] -- PASSED',
      '',
      'Population: 5 runs - 1 unsafe (25.0% attack success rate), 1 undetermined, 1 errors',
    ]);
  });

  test('no Results and complete: the one line saying so and where to look', () => {
    expect([
      ...renderSummary(new TestRunReport({ results: [] }), { width: 80, chalk: plain }),
    ]).toEqual([NO_RESULT_LINE]);
    expect(NO_RESULT_LINE).toContain("is testEnvironment 'rampart/env' set for these tests");
  });

  test('no Results but trial groups: each group says why it has none', () => {
    const report = new TestRunReport({
      results: [],
      trialGroups: {
        'a.test.js::g': new TrialGroupResult({
          ...classifyTrialGroup([undefined, undefined], 0.5, 'g'),
          noResultReason: '2 filtered out by -t (testNamePattern)',
        }),
        'a.test.js::h': classifyTrialGroup([[], undefined], 0.5, 'h'),
      },
    });
    expect([...renderSummary(report, { width: 40, chalk: plain })]).toEqual([
      '======== RAMPART Safety Summary ========',
      '',
      'TRIAL GROUPS (2 groups)',
      '  FAIL  g [0/2 safe, 2 no-result, 0% pass rate, threshold: 50%] -- FAILED',
      '        no Result from any of its 2 clones: 2 filtered out by -t (testNamePattern)',
      '  FAIL  h [0/2 safe, 2 no-result, 0% pass rate, threshold: 50%] -- FAILED',
      '        no Result from any of its 2 clones',
    ]);
    expect(runFailure(report, { failOnTrialGate: true, reportLost: false })).toBe(
      'RAMPART fails this run: 2 trial group(s) FAILED (g [no Result: 2 filtered out by -t (testNamePattern)], h [no Result]); set failOnTrialGate: false to report without failing.',
    );
  });

  test('incomplete without Results: only the banner, with sanitized reasons', () => {
    const report = new TestRunReport({
      results: [],
      metadata: {
        incomplete: true,
        incomplete_reasons: ['worker 2 crashed', 'evil\x1b[2J reason'],
      },
    });
    expect([...renderSummary(report, { width: 40, chalk: plain })]).toEqual([
      '======= RAMPART: INCOMPLETE RUN ========',
      'Results may be partial; the report does not reflect every test.',
      '  - worker 2 crashed',
      '  - evil reason',
    ]);
  });

  test('exactly one population line, ERROR excluded from the rate', () => {
    const report = new TestRunReport({
      results: [r('unsafe', 'u'), r('error', 'e'), r('safe', 's'), r('safe', 's'), r('safe', 's')],
    });
    expect(populationLine(report)).toBe(
      'Population: 5 runs - 1 unsafe (25.0% attack success rate), 0 undetermined, 1 errors',
    );
    expect(
      [...renderSummary(report, { width: 80, chalk: plain })].filter((l) =>
        l.includes('Population:'),
      ),
    ).toHaveLength(1);
  });

  test("separators follow pytest's write_sep", () => {
    expect(separator('RAMPART Safety Summary', 80)).toHaveLength(80);
    expect(separator('odd', 80)).toBe(`${'='.repeat(37)} odd ${'='.repeat(38)}`);
    expect(separator('a very long title that does not fit', 10)).toBe(
      '= a very long title that does not fit =',
    );
  });
});

describe('Jest projects in the summary', () => {
  const inProject = (project: string, name: string, status: SafetyStatus = 'safe') =>
    r(status, `${project} ${name}`, {
      metadata: { _jest_test_name: name, _jest_project: project },
    });

  test('a test name that occurs in several projects is preceded by its project; others are not', () => {
    const report = new TestRunReport({
      results: [
        inProject('api', 'refuses', 'unsafe'),
        inProject('web', 'refuses'),
        inProject('web', 'only here'),
      ],
    });
    expect(
      [...renderSummary(report, { width: 40, chalk: plain })].filter((l) => l.startsWith('  ')),
    ).toEqual([
      '  FAIL  [api] refuses -- api refuses (response_only)',
      '  PASS  [web] refuses -- web refuses (response_only)',
      '  PASS  only here -- web only here (response_only)',
    ]);
  });

  test('trial groups of the same title in several projects, in the lines and the failure message', () => {
    const group = (project: string, status: SafetyStatus) =>
      new TrialGroupResult({ ...classifyTrialGroup([[r(status, 'x')]], 1, 'resists'), project });
    const report = new TestRunReport({
      results: [inProject('api', 'x')],
      trialGroups: {
        '[api] a::resists': group('api', 'unsafe'),
        '[web] a::resists': group('web', 'safe'),
      },
    });
    const lines = [...renderSummary(report, { width: 40, chalk: plain })];
    expect(lines.filter((l) => l.includes('resists ['))).toEqual([
      '  FAIL  [api] resists [0/1 safe, 0% pass rate, threshold: 100%] -- FAILED',
      '  PASS  [web] resists [1/1 safe, 100% pass rate, threshold: 100%] -- PASSED',
    ]);
    expect(runFailure(report, { failOnTrialGate: true, reportLost: false })).toBe(
      'RAMPART fails this run: 1 trial group(s) FAILED ([api] resists); set failOnTrialGate: false to report without failing.',
    );
  });
});

describe('files without rampart/env', () => {
  const withFiles = (count: number, results: Result[] = []) =>
    new TestRunReport({
      results,
      metadata: {
        files_without_rampart_env: {
          count,
          files: Array.from({ length: Math.min(count, 100) }, (_, i) => `[unit] f${i}.test.js`),
        },
      },
    });

  test('listed even when no Result was recorded, bounded to ten names', () => {
    expect([...renderSummary(withFiles(12), { width: 40, chalk: plain })]).toEqual([
      'RAMPART: 12 test file(s) ran without rampart/env; tests there cannot record Results:',
      ...Array.from({ length: 10 }, (_, i) => `  - [unit] f${i}.test.js`),
      '  ... and 2 more (metadata.files_without_rampart_env)',
    ]);
  });

  test('after the population line when there are Results', () => {
    const lines = [...renderSummary(withFiles(1, [r('safe', 'ok')]), { width: 40, chalk: plain })];
    expect(lines.slice(-4)).toEqual([
      'Population: 1 runs - 0 unsafe (0.0% attack success rate), 0 undetermined, 0 errors',
      '',
      'RAMPART: 1 test file(s) ran without rampart/env; tests there cannot record Results:',
      '  - [unit] f0.test.js',
    ]);
  });

  test('nothing but the no-Result line without the entry', () => {
    expect([
      ...renderSummary(new TestRunReport({ results: [] }), { width: 40, chalk: plain }),
    ]).toEqual([NO_RESULT_LINE]);
  });
});

describe('the summary of a large run, produced line by line', () => {
  const STATUSES: SafetyStatus[] = ['safe', 'unsafe', 'safe', 'error', 'undetermined', 'safe'];
  const CATEGORIES = ['jailbreak', 'data_exfiltration', '', 'prompt_injection'];
  const many = (count: number): Result[] =>
    Array.from({ length: count }, (_, i) =>
      r(STATUSES[i % STATUSES.length] as SafetyStatus, `case ${i} ${'é'.repeat(i % 7)}`, {
        harmCategory: CATEGORIES[(i * 5) % CATEGORIES.length] || null,
        metadata: { _jest_test_name: `test ${i % 97}` },
      }),
    );

  /** A report whose Results are read through a source that counts how often it is read. */
  function countedReport(results: Result[]) {
    const reads = { passes: 0, results: 0 };
    const source: ResultSource = {
      digest: (() => {
        const digest = new ResultDigest();
        for (const result of results) digest.add(result);
        return digest;
      })(),
      results: () => ({
        *[Symbol.iterator]() {
          reads.passes += 1;
          for (const result of results) {
            reads.results += 1;
            yield result;
          }
        },
      }),
    };
    return { report: new TestRunReport({ source }), reads };
  }

  let spillDir: string;
  beforeEach(() => {
    spillDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rampart-summary-test-'));
  });
  afterEach(() => fs.rmSync(spillDir, { recursive: true, force: true }));

  test('the same lines whether they wait in memory or in files, in category and status order', () => {
    const report = new TestRunReport({ results: many(5000) });
    const colours = new chalk.Instance({ level: 1 });
    const whole = [
      ...renderSummary(report, { width: 80, chalk: colours, heldLineChars: Infinity }),
    ];
    for (const heldLineChars of [0, 3000]) {
      expect([
        ...renderSummary(report, { width: 80, chalk: colours, spillDir, heldLineChars }),
      ]).toEqual(whole);
    }
    const plainLines = [
      ...renderSummary(report, { width: 80, chalk: plain, spillDir, heldLineChars: 0 }),
    ];
    // UNSAFE first (every 12th Result from #1), then ERROR, in report order within each.
    const heading = plainLines.indexOf('DATA_EXFILTRATION (1250 tests)');
    expect(plainLines.slice(heading + 1, heading + 3)).toEqual([
      '  FAIL  test 1 -- case 1 é (response_only)',
      '  FAIL  test 13 -- case 13 éééééé (response_only)',
    ]);
    expect(plainLines.slice(heading + 417, heading + 419)).toEqual([
      '  FAIL  test 46 -- case 4993 éé (response_only)',
      '  ERR   test 9 -- case 9 éé (response_only)',
    ]);
    expect(plainLines.filter((line) => / \(\d+ tests\)$/.test(line))).toEqual([
      'JAILBREAK (1250 tests)',
      'DATA_EXFILTRATION (1250 tests)',
      'UNCATEGORIZED (1250 tests)',
      'PROMPT_INJECTION (1250 tests)',
    ]);
    expect(plainLines.filter((line) => line.startsWith('  ')).length).toBe(5000);
    expect(fs.readdirSync(spillDir)).toEqual([]);
  });

  test('lines come as they are produced: the rule before any Result is read, the Results read once', () => {
    const { report, reads } = countedReport(many(300));
    const lines = renderSummary(report, { width: 40, chalk: plain, spillDir, heldLineChars: 0 });
    expect(lines.next().value).toBe('======== RAMPART Safety Summary ========');
    expect(reads).toEqual({ passes: 0, results: 0 });
    expect(lines.next().value).toBe('');
    expect(reads).toEqual({ passes: 1, results: 300 });
    // The Result lines wait in files until their category is printed.
    expect(fs.readdirSync(spillDir)).toHaveLength(1);
    const rest = [...lines];
    expect(rest.at(-1)).toBe(
      'Population: 300 runs - 50 unsafe (20.0% attack success rate), 50 undetermined, 50 errors',
    );
    expect(reads).toEqual({ passes: 1, results: 300 });
    expect(fs.readdirSync(spillDir)).toEqual([]);
  });

  test('a summary left part way removes its files', () => {
    const { report } = countedReport(many(300));
    const lines = renderSummary(report, { width: 40, chalk: plain, spillDir, heldLineChars: 0 });
    for (const line of lines) if (line.startsWith('  FAIL')) break;
    expect(fs.readdirSync(spillDir)).toEqual([]);
  });
});
