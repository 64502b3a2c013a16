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

/**
 * The closing lines and the failure message (null when RAMPART does not fail
 * the run). The lines are produced as they are read: each pass over them
 * reads the report's Results again (docs/reporter.md, "The safety summary").
 */
export interface Closing {
  lines: Iterable<string>;
  failure: string | null;
}

/** `RAMPART warning: <text>`, sanitised (warnings quote test names and file names). */
export function warningLine(text: string, chalk: Chalk): string {
  return chalk.yellow(`RAMPART warning: ${sanitizeLine(text)}`);
}

/** Options of {@link closingLines}. */
export type ClosingOptions = SummaryOptions & {
  /** Problems found while the run was put together, printed before the summary. */
  warnings: readonly string[];
  emission: ReportEmission;
  /** The run's gate (without `reportLost`, which the emission tells). */
  gate: Omit<RunGate, 'reportLost'>;
};

/** The lines that end a run, in the order printed, and the run's failure (decided before any line). */
export function closingLines(report: TestRunReport, options: ClosingOptions): Closing {
  const failure = runFailure(report, {
    ...options.gate,
    reportLost: options.emission.reportLost,
  });
  return { lines: { [Symbol.iterator]: () => closingPieces(report, options, failure) }, failure };
}

function* closingPieces(
  report: TestRunReport,
  options: ClosingOptions,
  failure: string | null,
): Generator<string, void, undefined> {
  const { chalk, emission } = options;
  for (const warning of options.warnings) yield warningLine(warning, chalk);
  yield* renderSummary(report, options);
  for (const file of emission.files) yield `RAMPART report: ${file}`;
  for (const warning of emission.warnings) yield warningLine(warning, chalk);
  if (failure) yield chalk.red.bold(failure);
}
