import chalk from 'chalk';
import { ObservabilityLevel, Result, SafetyStatus } from '../../../src/index';
import { TestRunReport, classifyTrialGroup } from '../../../src/report';
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
  failOnTrialGate: true,
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
  expect(lines).toEqual([
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
  expect(lines[lines.length - 1]).toBe(failure);
});

test('nothing to say: no lines', () => {
  expect(closingLines(new TestRunReport({ results: [] }), options)).toEqual({
    lines: [],
    failure: null,
  });
});

test('a warning is one sanitised line', () => {
  expect(warningLine('a\u001b[2Jb\nc', plain)).toBe('RAMPART warning: ab c');
});
