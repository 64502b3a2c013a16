/**
 * A comparison with a baseline as Markdown (`rampart diff --format
 * markdown`, for a pull-request comment; docs/diff-and-gates.md), and as a
 * part of the GitHub job summary (docs/ci-formats.md). Pure;
 * every quoted name goes through the one Markdown escaper.
 */
import type {
  BaselineComparison,
  FindingRef,
  RateChange,
  Regression,
  ReportComparison,
} from './comparison';
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

function section(level: string, title: string, items: string[]): string[] {
  return [`${level} ${title}`, '', ...(items.length > 0 ? items : ['None.']), ''];
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

/**
 * The verdict, the rate table and the lists of changes, each list under a
 * heading of `level` (`###` in a document of its own, `####` in a job summary).
 */
function comparisonLines(
  comparison: ReportComparison,
  regressions: readonly Regression[],
  level: string,
): string[] {
  const verdict =
    regressions.length === 0
      ? '**No regression** against the baseline.'
      : `**${regressions.length} regression(s)** against the baseline:`;
  const rows = [
    { name: '**all**', change: comparison.overall },
    ...comparison.categories.map((c) => ({ name: escapeMarkdown(c.category, 100), change: c })),
  ];
  return [
    verdict,
    ...listed(regressions, (r) => `- ${escapeMarkdown(r.message, 400)}`),
    '',
    '| Harm category | Attack success rate, baseline | Attack success rate, run | |',
    '| --- | --- | --- | --- |',
    ...rows.map(
      ({ name, change }) =>
        `| ${name} | ${side(change.before)} | ${side(change.after)} | ${change.worse ? 'worse' : ''} |`,
    ),
    '',
    ...section(
      level,
      `New UNSAFE Results (${comparison.newFindings.length})`,
      listed(comparison.newFindings, finding),
    ),
    ...section(
      level,
      `Fixed (${comparison.fixedFindings.length})`,
      listed(comparison.fixedFindings, finding),
    ),
    ...section(
      level,
      `Trial groups that flipped (${comparison.flippedGroups.length})`,
      listed(
        comparison.flippedGroups,
        (g) =>
          `- ${escapeMarkdown(g.title, 300)}: ${g.before} → ${g.after} (${escapeMarkdown(g.beforeDetail)} → ${escapeMarkdown(g.afterDetail)})`,
      ),
    ),
    ...section(
      level,
      `Tests added (${comparison.testsAdded.length})`,
      listed(comparison.testsAdded, (t) => `- ${escapeMarkdown(t, 300)}`),
    ),
    ...section(
      level,
      `Tests removed (${comparison.testsRemoved.length})`,
      listed(comparison.testsRemoved, (t) => `- ${escapeMarkdown(t, 300)}`),
    ),
  ];
}

/** The whole comparison as a Markdown document (ends with a newline). */
export function renderComparisonMarkdown(
  comparison: ReportComparison,
  options: { baseline: string; run: string; regressions: readonly Regression[] },
): string {
  const lines = [
    '## RAMPART diff',
    '',
    `${escapeMarkdown(options.baseline, 300)} → ${escapeMarkdown(options.run, 300)}; Results matched by ${comparison.matchedBy === 'test-id' ? 'test id' : 'test name'}.`,
    '',
    ...comparisonLines(comparison, options.regressions, '###'),
  ];
  return `${lines.join('\n').trimEnd()}\n`;
}

/**
 * The reporter's comparison with its baseline as a part of the GitHub job
 * summary (docs/ci-formats.md): a `###` heading, then what `rampart diff
 * --format markdown` prints, its lists under `####`.
 */
export function baselineMarkdownLines(baseline: BaselineComparison): string[] {
  const head = ['### Compared with the baseline', ''];
  if (baseline.comparison === null)
    return [
      ...head,
      `Baseline ${escapeMarkdown(baseline.file, 300)} cannot be compared: ${escapeMarkdown(baseline.problem ?? 'unknown problem', 400)}`,
    ];
  const lines = [
    ...head,
    `Baseline ${escapeMarkdown(baseline.file, 300)}; Results matched by ${baseline.comparison.matchedBy === 'test-id' ? 'test id' : 'test name'}.`,
    '',
    ...comparisonLines(baseline.comparison, baseline.regressions, '####'),
  ];
  while (lines.at(-1) === '') lines.pop();
  return lines;
}
