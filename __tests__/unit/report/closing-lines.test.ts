import chalk from 'chalk';
import { ObservabilityLevel, Result, SafetyStatus } from '../../../src/index';
import { TestRunReport, classifyTrialGroup } from '../../../src/report';
import { NO_RESULT_LINE } from '../../../src/report/summary';
import { closingLines, warningLine } from '../../../src/report/closing-lines';

const plain = new chalk.Instance({ level: 0 });
const safe = new Result({
  status: SafetyStatus.SAFE,
  summary: 'refused',
  observabilityLevel: ObservabilityLevel.TOOL_ONLY,
  metadata: { _jest_test_name: 'refuses' },
});
const options = {
  width: 40,
  chalk: plain,
  warnings: [],
  emission: { files: [], warnings: [], reportLost: false },
  gate: { failOnTrialGate: true },
};

test('warnings, the summary, the report files, the emission warnings, in that order', () => {
  const { lines, failure } = closingLines(new TestRunReport({ results: [safe] }), {
    ...options,
    warnings: ['Test x is marked harm but recorded no results'],
    emission: {
      files: ['.rampart/run_report_1.json'],
      warnings: ['Sink S.emit failed — report may not be persisted.'],
      reportLost: false,
    },
  });
  expect(failure).toBeNull();
  expect([...lines]).toEqual([
    'RAMPART warning: Test x is marked harm but recorded no results',
    '======== RAMPART Safety Summary ========',
    '',
    'UNCATEGORIZED (1 tests)',
    '  PASS  refuses -- refused (tool_only)',
    '',
    'Population: 1 runs - 0 unsafe (0.0% attack success rate), 0 undetermined, 0 errors',
    'RAMPART report: .rampart/run_report_1.json',
    'RAMPART warning: Sink S.emit failed — report may not be persisted.',
  ]);
});

test('a lost report and a failed trial gate fail the run, on the last line', () => {
  const report = new TestRunReport({
    results: [safe],
    trialGroups: { g: classifyTrialGroup([[safe], []], 1, 'resists') },
  });
  const { lines, failure } = closingLines(report, {
    ...options,
    emission: { files: [], warnings: [], reportLost: true },
  });
  expect(failure).toBe(
    'RAMPART fails this run: the JSON report could not be written; 1 trial group(s) FAILED (resists); set failOnTrialGate: false to report without failing.',
  );
  expect([...lines].at(-1)).toBe(failure);
});

const make = (status: SafetyStatus, category = 'jailbreak') =>
  new Result({
    status,
    summary: status,
    harmCategory: category,
    observabilityLevel: ObservabilityLevel.TOOL_ONLY,
    metadata: { _jest_test_name: `t ${status}` },
  });

test('a run whose Results are all ERROR prints n/a, not 0%, and fails by default', () => {
  const report = new TestRunReport({
    results: [make(SafetyStatus.ERROR), make(SafetyStatus.ERROR)],
  });
  const { lines, failure } = closingLines(report, options);
  expect(lines).toContain(
    'Population: 2 runs - 0 unsafe (n/a attack success rate), 0 undetermined, 2 errors',
  );
  expect(failure).toBe(
    'RAMPART fails this run: none of the 2 Result(s) was rated, every one is ERROR (failOn: nothing-rated).',
  );
  // Leaving nothing-rated out of failOn (incomplete stays) lets such a run pass.
  expect(
    closingLines(report, { ...options, gate: { failOnTrialGate: true, failOn: ['incomplete'] } })
      .failure,
  ).toBeNull();
});

test('failOn and maxAttackSuccessRate: each failure says why, one sentence', () => {
  const report = new TestRunReport({
    results: [
      make(SafetyStatus.UNSAFE),
      make(SafetyStatus.SAFE),
      make(SafetyStatus.SAFE),
      make(SafetyStatus.ERROR),
      make(SafetyStatus.UNDETERMINED),
    ],
  });
  const gate = {
    failOnTrialGate: true,
    failOn: ['incomplete', 'unsafe', 'error', 'undetermined'] as const,
    maxAttackSuccessRate: 0.2,
  };
  const { lines, failure } = closingLines(report, {
    ...options,
    gate: { ...gate, failOn: [...gate.failOn] },
  });
  expect(failure).toBe(
    'RAMPART fails this run: 1 UNSAFE Result(s) (failOn: unsafe); 1 ERROR Result(s) (failOn: error); 1 UNDETERMINED Result(s) (failOn: undetermined); the attack success rate 25.0% is above maxAttackSuccessRate 20.0%.',
  );
  expect([...lines].at(-1)).toBe(failure);
  // 1 of 4 rated is 25%: at or under the maximum passes.
  expect(
    closingLines(report, {
      ...options,
      gate: { failOnTrialGate: true, maxAttackSuccessRate: 0.25 },
    }).failure,
  ).toBeNull();
});

test('intervals: true adds the Wilson interval to the population line and trial groups', () => {
  const report = new TestRunReport({
    results: [make(SafetyStatus.UNSAFE), make(SafetyStatus.SAFE), make(SafetyStatus.SAFE)],
    trialGroups: { g: classifyTrialGroup([[safe], [safe], [safe]], 0.5, 'resists') },
  });
  const { lines } = closingLines(report, { ...options, intervals: true });
  // 1/3: [6.1%, 79.2%]; 3/3: [43.8%, 100%] (Wilson 95%, closed form).
  expect(lines).toContain(
    'Population: 3 runs - 1 unsafe (33.3% [6.1%, 79.2%] attack success rate), 0 undetermined, 0 errors',
  );
  expect(lines).toContain(
    '  PASS  resists [3/3 safe, 100% [44%, 100%] pass rate, threshold: 50%] -- PASSED',
  );
  const plainLines = closingLines(report, options).lines;
  expect(plainLines).toContain(
    'Population: 3 runs - 1 unsafe (33.3% attack success rate), 0 undetermined, 0 errors',
  );
  expect(plainLines).toContain(
    '  PASS  resists [3/3 safe, 100% pass rate, threshold: 50%] -- PASSED',
  );
});

test('a trial group gated at a confidence level always shows its interval and level', () => {
  const report = new TestRunReport({
    results: [safe],
    trialGroups: { g: classifyTrialGroup(new Array(15).fill([safe]), 0.8, 'resists', 0.95) },
  });
  expect(closingLines(report, options).lines).toContain(
    '  FAIL  resists [15/15 safe, 100% [80%, 100%] pass rate, threshold: 80% at 95% confidence] -- FAILED',
  );
});

test('nothing recorded: only the no-Result line', () => {
  const { lines, failure } = closingLines(new TestRunReport({ results: [] }), options);
  expect([...lines]).toEqual([NO_RESULT_LINE]);
  expect(failure).toBeNull();
});

test('a warning is one sanitised line', () => {
  expect(warningLine('a\u001b[2Jb\nc', plain)).toBe('RAMPART warning: ab c');
});
