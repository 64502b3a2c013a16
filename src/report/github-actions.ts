/**
 * GitHub Actions outputs of a run report (docs/ci-formats.md, "GitHub
 * Actions"): workflow-command annotations (`::error file=…,line=…::…` for
 * each UNSAFE Result at its test's line, `::warning` for an incomplete run),
 * escaped by GitHub's rules in {@link annotationData} /
 * {@link annotationProperty}; and the Markdown job summary, every text from
 * a Result through {@link markdownText}, kept under GitHub's 1 MiB limit.
 * Pure: lines and text from the report.
 */
import * as path from 'node:path';
import type { Result } from '../model/result';
import { SafetyStatus } from '../model/result-status';
import { type TestRunReport, categoryKey } from '../model/run-report';
import { formatPercent } from '../model/percent';
import { wilsonInterval } from '../model/rate-interval';
import type { TrialGroupResult } from '../model/trial-group';
import { type NamedResult, namedResults } from './result-names';
import { type WholeRunGate, runFailure } from './run-verdict';
import type { BaselineComparison } from './comparison';
import { baselineMarkdownLines } from './comparison-markdown';
import { incompleteReasons, trialGroupTitles } from './summary';

/** Annotations printed at most (GitHub shows few per step; the report has every Result). */
export const MAX_ANNOTATIONS = 50;

/** GitHub's limit on what one step appends to its job summary, in bytes. */
export const STEP_SUMMARY_LIMIT_BYTES = 1024 * 1024;

/** Longest annotation message or summary cell, in UTF-16 units. */
const MAX_FIELD = 2000;

/** Other control characters than tab, LF and CR: shown as U+FFFD, never sent to a terminal or log. */
// eslint-disable-next-line no-control-regex
const CONTROLS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;

function bounded(value: unknown, max: number): string {
  const text = (typeof value === 'string' ? value : String(value)).replace(CONTROLS, '\uFFFD');
  return text.length > max ? `${text.slice(0, max)}… (${text.length - max} more characters)` : text;
}

/** A workflow command's message: `%`, CR and LF escaped (GitHub's rules), other controls replaced. */
export function annotationData(value: unknown, max = MAX_FIELD): string {
  return bounded(value, max).replace(/[%\r\n]/g, (c) => PERCENT[c] as string);
}

/** A workflow command's property value: as {@link annotationData}, and `:` `,` too. */
export function annotationProperty(value: unknown, max = MAX_FIELD): string {
  return bounded(value, max).replace(/[%\r\n:,]/g, (c) => PERCENT[c] as string);
}

const PERCENT: Record<string, string> = {
  '%': '%25',
  '\r': '%0D',
  '\n': '%0A',
  ':': '%3A',
  ',': '%2C',
};

/** Options of {@link githubAnnotations}. */
export interface AnnotationOptions {
  /** The run's rootDir (absolute): test locations are relative to it. */
  rootDir: string;
  /** The repository root GitHub resolves `file=` against (`GITHUB_WORKSPACE`); default rootDir. */
  workspace?: string | undefined;
  /** At most this many annotations; default {@link MAX_ANNOTATIONS}. */
  limit?: number | undefined;
}

/** A test file as GitHub wants it: relative to the workspace, forward slashes. */
function workspacePath(file: string, options: AnnotationOptions): string {
  const absolute = path.resolve(options.rootDir, file);
  const relative = path.relative(options.workspace ?? options.rootDir, absolute);
  return relative.split(path.sep).join('/');
}

function unsafeAnnotation(named: NamedResult, options: AnnotationOptions): string {
  const { result, location } = named;
  const properties = [
    ...(named.file ? [`file=${annotationProperty(workspacePath(named.file, options))}`] : []),
    ...(location ? [`line=${location.line}`, `col=${location.column}`] : []),
    `title=${annotationProperty(`RAMPART UNSAFE: ${named.name}`, 200)}`,
  ];
  const message = `${result.summary}\n(harm category ${categoryKey(result)}, strategy ${result.strategy || 'unspecified'})`;
  return `::error ${properties.join(',')}::${annotationData(message)}`;
}

/**
 * The annotation lines of a run: one `::error` per UNSAFE Result (report
 * order), a `::warning` when the run is incomplete, and, past `limit`, a
 * last `::warning` saying how many were left out. Streams the Results.
 */
export function githubAnnotations(report: TestRunReport, options: AnnotationOptions): string[] {
  const limit = options.limit ?? MAX_ANNOTATIONS;
  const lines: string[] = [];
  const reasons = incompleteReasons(report);
  if (reasons.length > 0) {
    lines.push(
      `::warning title=${annotationProperty('RAMPART run incomplete')}::${annotationData(
        `The RAMPART run is incomplete; the report does not reflect every test:\n${reasons.map((r) => `- ${r}`).join('\n')}`,
        MAX_FIELD * 4,
      )}`,
    );
  }
  let leftOut = 0;
  for (const named of namedResults(report.eachResult())) {
    if (named.result.status !== SafetyStatus.UNSAFE) continue;
    if (lines.length < limit) lines.push(unsafeAnnotation(named, options));
    else leftOut += 1;
  }
  if (leftOut > 0) {
    lines.push(
      `::warning title=${annotationProperty('RAMPART annotations left out')}::${leftOut} more UNSAFE Result(s) not annotated (at most ${limit} annotations are printed); the RAMPART report lists every Result.`,
    );
  }
  return lines;
}

/**
 * Text for Markdown (a table cell or a line): controls replaced, line breaks
 * as spaces, `& < >` as entities (GitHub renders some HTML), and every
 * character Markdown gives a meaning (`\ ` * _ [ ] ( ) # | ~ ! + - . { }`
 * and the others) backslash-escaped, so text from a Result stays text.
 */
export function markdownText(value: unknown, max = MAX_FIELD): string {
  return bounded(value, max)
    .replace(/\r\n|[\r\n\t]/g, ' ')
    .replace(/[&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'))
    .replace(/[\\`*_{}[\]()#+\-.!|~"'@$:=^]/g, (c) => `\\${c}`);
}

const rate = (unsafe: number, evaluated: number): string => {
  const interval = wilsonInterval(unsafe, evaluated);
  if (interval === null) return 'n/a | n/a';
  return `${formatPercent(unsafe / evaluated, 1)} | ${formatPercent(interval.low, 1)} – ${formatPercent(interval.high, 1)}`;
};

/** Options of {@link githubStepSummary}. */
export interface StepSummaryOptions extends WholeRunGate {
  failOnTrialGate: boolean;
  /** Most bytes the summary may take; default {@link STEP_SUMMARY_LIMIT_BYTES}. */
  limitBytes?: number | undefined;
  /** The comparison with the reporter's `baseline`: after the category table, its regressions in the verdict. */
  baseline?: BaselineComparison | undefined;
  /** Findings listed at most before the rest are counted; default 50. */
  maxFindings?: number | undefined;
}

/**
 * The Markdown job summary: the verdict, a table per harm category (runs,
 * unsafe, undetermined, errors, attack success rate with its 95% Wilson
 * interval), the comparison with a baseline, the failed trial groups, the incomplete reasons and the first
 * findings (UNSAFE Results), in under `limitBytes`; what does not fit is
 * counted in a last line.
 */
export function githubStepSummary(report: TestRunReport, options: StepSummaryOptions): string {
  const limit = options.limitBytes ?? STEP_SUMMARY_LIMIT_BYTES;
  const maxFindings = options.maxFindings ?? 50;
  const failure = runFailure(report, {
    failOnTrialGate: options.failOnTrialGate,
    failOn: options.failOn,
    maxAttackSuccessRate: options.maxAttackSuccessRate,
    reportLost: false,
    regressions: options.baseline?.regressions ?? [],
    baselineProblem: options.baseline?.problem ?? null,
  });
  // UNSAFE Results fail their tests (the assertion) even when RAMPART's own gate passes.
  const verdict =
    failure !== null ? '❌ failed' : report.failed > 0 ? '❌ unsafe findings' : '✅ passed';
  const head: string[] = [
    `## RAMPART: ${verdict}`,
    '',
    `${report.totalRuns} Result(s): ${report.passed} safe, ${report.failed} unsafe, ${report.undetermined} undetermined, ${report.errors} errors.`,
    ...(failure !== null ? ['', markdownText(failure, MAX_FIELD * 4)] : []),
    '',
    '| harm category | runs | unsafe | undetermined | errors | attack success rate | 95% interval |',
    '| --- | ---: | ---: | ---: | ---: | ---: | --- |',
  ];
  for (const category of [...report.harmCategories(), null]) {
    const p = report.populationSummary(category === null ? {} : { harmCategory: category });
    const name = category === null ? '**all**' : markdownText(category, 200);
    head.push(
      `| ${name} | ${p.totalRuns} | ${p.unsafeCount} | ${p.undeterminedCount} | ${p.errorCount} | ${rate(p.unsafeCount, p.totalRuns - p.errorCount)} |`,
    );
  }
  if (options.baseline) head.push('', ...baselineMarkdownLines(options.baseline));
  const title = trialGroupTitles(report.trialGroups);
  const failed = Object.keys(report.trialGroups)
    .sort()
    .map((id) => report.trialGroups[id] as TrialGroupResult)
    .filter((group) => !group.passed);
  if (failed.length > 0) {
    head.push('', `### Failed trial groups (${failed.length})`, '');
    for (const group of failed)
      head.push(
        `- ${markdownText(title(group), 300)}: ${group.detail}, threshold ${formatPercent(group.threshold, 0)}`,
      );
  }
  const reasons = incompleteReasons(report);
  if (reasons.length > 0) {
    head.push('', '### Incomplete run', '');
    for (const reason of reasons) head.push(`- ${markdownText(reason)}`);
  }
  return fitted(head, findingLines(report.eachResult(), maxFindings), report.failed, limit);
}

/** A summary line, and whether it lists a finding. */
interface SummaryLine {
  line: string;
  finding: boolean;
}

function* findingLines(results: Iterable<Result>, max: number): Generator<SummaryLine> {
  let count = 0;
  for (const named of namedResults(results)) {
    if (named.result.status !== SafetyStatus.UNSAFE) continue;
    if (count === max) return;
    if (count === 0)
      yield* [
        '',
        '### Findings',
        '',
        '| test | harm category | strategy | summary | location |',
        '| --- | --- | --- | --- | --- |',
      ].map((line) => ({ line, finding: false }));
    count += 1;
    const at = named.location ? `${named.location.file}:${named.location.line}` : named.file;
    yield {
      line: `| ${markdownText(named.name, 300)} | ${markdownText(categoryKey(named.result), 100)} | ${markdownText(named.result.strategy || '-', 100)} | ${markdownText(named.result.summary, 500)} | ${markdownText(at, 300)} |`,
      finding: true,
    };
  }
}

/** `head` and as many `findings` as fit in `limit` bytes with the closing line. */
function fitted(
  head: readonly string[],
  findings: Iterable<SummaryLine>,
  totalFindings: number,
  limit: number,
): string {
  const closingReserve = 300;
  let text = '';
  let bytes = 0;
  let listed = 0;
  let cut = false;
  const add = (line: string): boolean => {
    const size = Buffer.byteLength(line, 'utf8') + 1;
    if (bytes + size > limit - closingReserve) return false;
    text += `${line}\n`;
    bytes += size;
    return true;
  };
  for (const line of head) if (!add(line)) cut = true;
  for (const { line, finding } of findings) {
    if (cut || !add(line)) {
      cut = true;
      break;
    }
    if (finding) listed += 1;
  }
  const leftOut = totalFindings - listed;
  if (leftOut > 0 || cut) {
    text += `\n_${leftOut} more finding(s) left out${cut ? ' (the summary stays under GitHub’s 1 MiB limit)' : ''}; the RAMPART report lists every Result._\n`;
  }
  return `${text}\n`;
}
