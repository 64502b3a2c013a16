/**
 * Renders the RAMPART safety summary (SPEC §2.6): pure functions from the
 * report model to terminal lines, with upstream's exact line formats.
 */
import type { Chalk } from 'chalk';
import type { Result } from '../core/result';
import { RESULT_TAGS } from '../core/result-tags';
import { SafetyStatus } from '../core/status';
import type { TestRunReport } from '../core/run-report';
import type { TrialGroupResult } from '../core/trial-group';
import { formatPercent } from './percent';
import { sanitizeLine } from './terminal-text';

const LABELS: Record<SafetyStatus, string> = {
  safe: 'PASS',
  unsafe: 'FAIL',
  undetermined: 'WARN',
  error: 'ERR',
};
const ORDER: Record<SafetyStatus, number> = { unsafe: 0, error: 1, undetermined: 2, safe: 3 };

/** What the renderer needs besides the report. */
export interface SummaryOptions {
  /** Terminal width for the rules (pytest's `write_sep`). */
  width: number;
  /** Colouring; a chalk instance at level 0 yields plain text. */
  chalk: Chalk;
}

/** pytest's `write_sep`: `===== title =====`, filling `width`. */
export function separator(title: string, width: number, fill = '='): string {
  const side = fill.repeat(Math.max(Math.floor((width - title.length - 2) / 2), 1));
  const line = `${side} ${title} ${side}`;
  return line.length + 1 <= width ? line + fill : line;
}

/** `  <LABEL>  <test name> -- <summary> (<observability>)`. */
export function resultLine(result: Result, chalk: Chalk): string {
  const label = (LABELS[result.status] ?? '????').padEnd(4);
  const colour =
    result.status === SafetyStatus.SAFE
      ? chalk.green
      : result.status === SafetyStatus.UNSAFE
        ? chalk.red
        : result.status === SafetyStatus.ERROR
          ? chalk.magenta
          : chalk.yellow;
  const name = result.metadata[RESULT_TAGS.testName];
  const summary = sanitizeLine(result.summary);
  const level = sanitizeLine(result.observabilityLevel);
  const body =
    typeof name === 'string'
      ? `${sanitizeLine(name)} -- ${summary} (${level})`
      : `${summary} (${level})`;
  return `  ${colour(label)}  ${body}`;
}

/** `  <PASS|FAIL>  <title> [<detail>, <rate> pass rate, threshold: <thr>] -- <PASSED|FAILED>`. */
export function trialGroupLine(group: TrialGroupResult, chalk: Chalk): string {
  const colour = group.passed ? chalk.green : chalk.red;
  return (
    `  ${colour(group.terminalLabel)}  ${sanitizeLine(group.title)} [${group.detail}, ` +
    `${formatPercent(group.passRate, 0)} pass rate, threshold: ${formatPercent(group.threshold, 0)}] -- ` +
    colour(group.verdict)
  );
}

/** `Population: <n> runs - <u> unsafe (<asr> attack success rate), <d> undetermined, <e> errors`. */
export function populationLine(report: TestRunReport): string {
  const p = report.populationSummary();
  return (
    `Population: ${p.totalRuns} runs - ${p.unsafeCount} unsafe ` +
    `(${formatPercent(p.attackSuccessRate, 1)} attack success rate), ` +
    `${p.undeterminedCount} undetermined, ${p.errorCount} errors`
  );
}

/** The INCOMPLETE banner, or [] for a complete run. */
export function incompleteLines(reasons: readonly string[], options: SummaryOptions): string[] {
  if (reasons.length === 0) return [];
  const { chalk } = options;
  return [
    chalk.red.bold(separator('RAMPART: INCOMPLETE RUN', options.width)),
    'Results may be partial; the report does not reflect every test.',
    ...reasons.map((reason) => `  - ${sanitizeLine(reason)}`),
  ];
}

/** The incomplete reasons recorded in a report's metadata. */
export function incompleteReasons(report: TestRunReport): string[] {
  const reasons = report.metadata.incomplete_reasons;
  if (Array.isArray(reasons) && reasons.length > 0) return reasons.map(String);
  return report.incomplete ? ['the run is incomplete'] : [];
}

/**
 * The whole summary: INCOMPLETE banner (when incomplete), then, when there is
 * at least one Result, the categories, trial groups and population line.
 */
export function renderSummary(report: TestRunReport, options: SummaryOptions): string[] {
  const { chalk } = options;
  const lines = incompleteLines(incompleteReasons(report), options);
  if (report.totalRuns === 0) return lines;
  lines.push(chalk.bold(separator('RAMPART Safety Summary', options.width)));
  for (const [category, results] of report.byHarmCategory()) {
    lines.push('', chalk.bold(`${sanitizeLine(category).toUpperCase()} (${results.length} tests)`));
    const ordered = results
      .map((result, index) => ({ result, index }))
      .sort(
        (a, b) =>
          (ORDER[a.result.status] ?? 4) - (ORDER[b.result.status] ?? 4) || a.index - b.index,
      );
    for (const { result } of ordered) lines.push(resultLine(result, chalk));
  }
  const groupIds = Object.keys(report.trialGroups).sort();
  // Upstream prints the group lines right after the last category, where they
  // read as part of it; a heading of their own keeps the line format unchanged.
  if (groupIds.length > 0) lines.push('', chalk.bold(`TRIAL GROUPS (${groupIds.length} groups)`));
  for (const id of groupIds) {
    const group = report.trialGroups[id] as TrialGroupResult;
    lines.push(trialGroupLine(group, chalk));
  }
  lines.push('', populationLine(report));
  return lines;
}
