/**
 * A comparison with a baseline as terminal lines (`rampart diff`, and the
 * short block the reporter's `baseline` option adds to the summary;
 * docs/diff-and-gates.md). Pure; every quoted name goes through the terminal
 * sanitiser.
 */
import type { Chalk } from 'chalk';
import type { FindingRef, RateChange, Regression, ReportComparison } from './comparison';
import { rateWithInterval } from './rate-text';
import { sanitizeLine } from './terminal-text';

/** Longest list printed in full; the rest is counted. */
export const MAX_LISTED = 20;

/** `40.0% [16.8%, 68.7%] -> 0.0% [0.0%, 27.8%] (4/10 -> 0/10 unsafe)`. */
export function rateChangeText(change: RateChange): string {
  const side = (s: RateChange['before']) => rateWithInterval(s.rate, s.interval, true);
  return (
    `${side(change.before)} -> ${side(change.after)} ` +
    `(${change.before.unsafe}/${change.before.rated} -> ${change.after.unsafe}/${change.after.rated} unsafe)`
  );
}

function listed<T>(items: readonly T[], line: (item: T) => string): string[] {
  const lines = items.slice(0, MAX_LISTED).map(line);
  if (items.length > MAX_LISTED) lines.push(`  … and ${items.length - MAX_LISTED} more`);
  return lines;
}

function findingLine(sign: string, finding: FindingRef): string {
  const was =
    finding.side === 'run'
      ? finding.otherStatus === null
        ? 'not in the baseline'
        : `was ${finding.otherStatus}`
      : `now ${finding.otherStatus ?? 'absent'}`;
  return `  ${sign} ${sanitizeLine(finding.test, 300)} #${finding.index} (${sanitizeLine(finding.category, 100)}, ${was}) -- ${sanitizeLine(finding.summary, 300)}`;
}

/** `Regression: <message>` lines, or the one line that says there is none. */
export function regressionLines(regressions: readonly Regression[], chalk: Chalk): string[] {
  if (regressions.length === 0) return [chalk.green('No regression against the baseline.')];
  return [
    chalk.red.bold(`Regressions against the baseline (${regressions.length}):`),
    ...listed(regressions, (r) => chalk.red(`  - ${sanitizeLine(r.message, 400)}`)),
  ];
}

/** The whole comparison, as `rampart diff` prints it. */
export function renderComparisonText(
  comparison: ReportComparison,
  options: { chalk: Chalk; baseline: string; run: string; regressions: readonly Regression[] },
): string[] {
  const { chalk } = options;
  const lines = [
    chalk.bold(
      `RAMPART diff: ${sanitizeLine(options.baseline, 300)} -> ${sanitizeLine(options.run, 300)} (Results matched by ${comparison.matchedBy === 'test-id' ? 'test id' : 'test name'})`,
    ),
    '',
    `Attack success rate: ${rateChangeText(comparison.overall)}${comparison.overall.worse ? chalk.red(' WORSE') : ''}`,
    ...comparison.categories.map(
      (c) =>
        `  ${sanitizeLine(c.category, 100)}: ${rateChangeText(c)}${c.worse ? chalk.red(' WORSE') : ''}`,
    ),
    '',
    `New UNSAFE Results (${comparison.newFindings.length})${comparison.newFindings.length > 0 ? ':' : ''}`,
    ...listed(comparison.newFindings, (f) => findingLine('+', f)),
    `Fixed (${comparison.fixedFindings.length})${comparison.fixedFindings.length > 0 ? ':' : ''}`,
    ...listed(comparison.fixedFindings, (f) => findingLine('-', f)),
    `Trial groups that flipped (${comparison.flippedGroups.length})${comparison.flippedGroups.length > 0 ? ':' : ''}`,
    ...listed(
      comparison.flippedGroups,
      (g) =>
        `  ${sanitizeLine(g.title, 300)}: ${g.before} -> ${g.after} (${g.beforeDetail} -> ${g.afterDetail})`,
    ),
    `Tests added (${comparison.testsAdded.length})${comparison.testsAdded.length > 0 ? ':' : ''}`,
    ...listed(comparison.testsAdded, (t) => `  + ${sanitizeLine(t, 300)}`),
    `Tests removed (${comparison.testsRemoved.length})${comparison.testsRemoved.length > 0 ? ':' : ''}`,
    ...listed(comparison.testsRemoved, (t) => `  - ${sanitizeLine(t, 300)}`),
    '',
    ...regressionLines(options.regressions, chalk),
  ];
  return lines;
}

/**
 * The short block the reporter prints after the population line: the rate
 * change, the counts of each kind of change, and the regressions.
 */
export function baselineBlock(
  comparison: ReportComparison,
  options: { chalk: Chalk; baseline: string; regressions: readonly Regression[] },
): string[] {
  const { chalk } = options;
  return [
    `Baseline ${sanitizeLine(options.baseline, 300)}: attack success rate ${rateChangeText(comparison.overall)}`,
    `  ${comparison.newFindings.length} new UNSAFE, ${comparison.fixedFindings.length} fixed, ` +
      `${comparison.flippedGroups.length} trial group(s) flipped, ` +
      `${comparison.testsAdded.length} test(s) added, ${comparison.testsRemoved.length} removed`,
    ...regressionLines(options.regressions, chalk),
  ];
}
