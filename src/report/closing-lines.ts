/**
 * What the end of a run prints and whether RAMPART fails it: the warnings,
 * the safety summary, the report files written, what went wrong while the
 * report was sent out, and the failure line. Pure: the reporter's normal
 * end and its exit-time end both print these lines (docs/reporter.md).
 */
import type { Chalk } from 'chalk';
import type { TestRunReport } from '../model/run-report';
import { type RunGate, runFailure } from './run-verdict';
import { type SummaryOptions, renderSummary } from './summary';
import { sanitizeLine } from './terminal-text';

/** How the report left the reporter. */
export interface ReportEmission {
  /** Report files written, in order (paths as they are printed). */
  files: readonly string[];
  /** What went wrong while emitting (a sink failed, sinks were skipped). */
  warnings: readonly string[];
  /** True when the JSON report should have been written and was not. */
  reportLost: boolean;
}

/** The closing lines and the failure message (null when RAMPART does not fail the run). */
export interface Closing {
  lines: string[];
  failure: string | null;
}

/** `RAMPART warning: <text>`, sanitised (warnings quote test names and file names). */
export function warningLine(text: string, chalk: Chalk): string {
  return chalk.yellow(`RAMPART warning: ${sanitizeLine(text)}`);
}

/** The lines that end a run, in the order printed, and the run's failure. */
export function closingLines(
  report: TestRunReport,
  options: SummaryOptions & {
    /** Problems found while the run was put together, printed before the summary. */
    warnings: readonly string[];
    emission: ReportEmission;
    /** The run's gate (without `reportLost`, which the emission tells). */
    gate: Omit<RunGate, 'reportLost'>;
  },
): Closing {
  const { chalk, emission } = options;
  const lines = [
    ...options.warnings.map((warning) => warningLine(warning, chalk)),
    ...renderSummary(report, options),
    ...emission.files.map((file) => `RAMPART report: ${file}`),
    ...emission.warnings.map((warning) => warningLine(warning, chalk)),
  ];
  const failure = runFailure(report, { ...options.gate, reportLost: emission.reportLost });
  if (failure) lines.push(chalk.red.bold(failure));
  return { lines, failure };
}
