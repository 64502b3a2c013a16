/**
 * A comparison with a baseline as Markdown (`rampart diff --format
 * markdown`, for a pull-request comment; docs/diff-and-gates.md). Pure;
 * every quoted name goes through the one Markdown escaper.
 */
import type { FindingRef, RateChange, Regression, ReportComparison } from './comparison';
import { MAX_LISTED } from './comparison-text';
import { escapeMarkdown } from './markdown-text';
import { intervalText, rateText } from './rate-text';

function side(s: RateChange['before']): string {
  const interval = intervalText(s.interval);
  return `${rateText(s.rate)}${interval ? ` ${escapeMarkdown(interval)}` : ''} (${s.unsafe}/${s.rated})`;
}

function listed<T>(items: readonly T[], line: (item: T) => string): string[] {
  const lines = items.slice(0, MAX_LISTED).map(line);
  if (items.length > MAX_LISTED) lines.push(`- … and ${items.length - MAX_LISTED} more`);
  return lines;
}

function section(title: string, items: string[]): string[] {
  return [`### ${title}`, '', ...(items.length > 0 ? items : ['None.']), ''];
}

function finding(f: FindingRef): string {
  const other =
    f.side === 'run'
      ? f.otherStatus === null
        ? 'not in the baseline'
        : `was ${f.otherStatus}`
      : `now ${f.otherStatus ?? 'absent'}`;
  return `- \`#${f.index}\` ${escapeMarkdown(f.test, 300)} (${escapeMarkdown(f.category, 100)}, ${other}): ${escapeMarkdown(f.summary, 300)}`;
}

/** The whole comparison as a Markdown document (ends with a newline). */
export function renderComparisonMarkdown(
  comparison: ReportComparison,
  options: { baseline: string; run: string; regressions: readonly Regression[] },
): string {
  const verdict =
    options.regressions.length === 0
      ? '**No regression** against the baseline.'
      : `**${options.regressions.length} regression(s)** against the baseline:`;
  const rows = [
    { name: '**all**', change: comparison.overall },
    ...comparison.categories.map((c) => ({ name: escapeMarkdown(c.category, 100), change: c })),
  ];
  const lines = [
    '## RAMPART diff',
    '',
    `${escapeMarkdown(options.baseline, 300)} → ${escapeMarkdown(options.run, 300)}; Results matched by ${comparison.matchedBy === 'test-id' ? 'test id' : 'test name'}.`,
    '',
    verdict,
    ...listed(options.regressions, (r) => `- ${escapeMarkdown(r.message, 400)}`),
    '',
    '| Harm category | Attack success rate, baseline | Attack success rate, run | |',
    '| --- | --- | --- | --- |',
    ...rows.map(
      ({ name, change }) =>
        `| ${name} | ${side(change.before)} | ${side(change.after)} | ${change.worse ? 'worse' : ''} |`,
    ),
    '',
    ...section(
      `New UNSAFE Results (${comparison.newFindings.length})`,
      listed(comparison.newFindings, finding),
    ),
    ...section(
      `Fixed (${comparison.fixedFindings.length})`,
      listed(comparison.fixedFindings, finding),
    ),
    ...section(
      `Trial groups that flipped (${comparison.flippedGroups.length})`,
      listed(
        comparison.flippedGroups,
        (g) =>
          `- ${escapeMarkdown(g.title, 300)}: ${g.before} → ${g.after} (${escapeMarkdown(g.beforeDetail)} → ${escapeMarkdown(g.afterDetail)})`,
      ),
    ),
    ...section(
      `Tests added (${comparison.testsAdded.length})`,
      listed(comparison.testsAdded, (t) => `- ${escapeMarkdown(t, 300)}`),
    ),
    ...section(
      `Tests removed (${comparison.testsRemoved.length})`,
      listed(comparison.testsRemoved, (t) => `- ${escapeMarkdown(t, 300)}`),
    ),
  ];
  return `${lines.join('\n').trimEnd()}\n`;
}
