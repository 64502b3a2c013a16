/**
 * Renders the RAMPART safety summary (docs/reporter.md, "The safety
 * summary"): pure functions from the report model to terminal lines, with
 * upstream's exact line formats.
 */
import {
  MODEL_USAGE_KEY,
  estimatedCost,
  isUsageCounts,
  modelUsageLine,
} from '../model/model-usage';
import type { Chalk } from 'chalk';
import type { Result } from '../model/result';
import { RESULT_TAGS } from '../model/result-tags';
import { SafetyStatus } from '../model/result-status';
import { type TestRunReport, categoryKey } from '../model/run-report';
import type { TrialGroupResult } from '../model/trial-group';
import { filesWithoutRampartLines } from './files-without-rampart';
import { formatPercent } from '../model/percent';
import { type HeldText, HeldTexts } from './held-text';
import { rateWithInterval } from './rate-text';
import { sanitizeLine } from './terminal-text';
import { utilityAndCoverageLines } from './utility-coverage-lines';

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
  /** Print the Wilson interval after each rate (reporter option `intervals`); default false. */
  intervals?: boolean;
  /** Lines printed right after the population line (the comparison with a baseline). */
  afterPopulation?: readonly string[];
  /**
   * Where the Result lines past `heldLineChars` wait until printed, in a
   * private folder made there and removed after (the reporter: the run's
   * folder); default: the system's temporary directory.
   */
  spillDir?: string;
  /** Characters of Result lines held in memory before they go to `spillDir` (default 4 Mi). */
  heldLineChars?: number;
}

/** pytest's `write_sep`: `===== title =====`, filling `width`. */
export function separator(title: string, width: number, fill = '='): string {
  const side = fill.repeat(Math.max(Math.floor((width - title.length - 2) / 2), 1));
  const line = `${side} ${title} ${side}`;
  return line.length + 1 <= width ? line + fill : line;
}

/** A Result's label (`PASS`, `FAIL`, `WARN`, `ERR`, `????`), padded and coloured by status. */
type StatusLabel = (status: SafetyStatus) => string;

/**
 * The coloured labels of one chalk, each coloured once: a summary prints a
 * line per Result, and a chalk call per line costs more than the line.
 */
function statusLabels(chalk: Chalk): StatusLabel {
  const coloured = new Map<SafetyStatus, string>();
  return (status) => {
    let label = coloured.get(status);
    if (label === undefined) {
      const colour =
        status === SafetyStatus.SAFE
          ? chalk.green
          : status === SafetyStatus.UNSAFE
            ? chalk.red
            : status === SafetyStatus.ERROR
              ? chalk.magenta
              : chalk.yellow;
      label = colour((LABELS[status] ?? '????').padEnd(4));
      coloured.set(status, label);
    }
    return label;
  };
}

/**
 * `  <LABEL>  <test name> -- <summary> (<observability>)`. With `withProject`,
 * the test name is preceded by `[<project>] ` (titles that occur in several
 * Jest projects).
 */
export function resultLine(result: Result, chalk: Chalk, withProject = false): string {
  return labelledLine(result, statusLabels(chalk), withProject);
}

/** {@link resultLine} with the labels of its chalk. */
function labelledLine(result: Result, label: StatusLabel, withProject: boolean): string {
  const title = result.metadata[RESULT_TAGS.testName];
  const project = result.metadata[RESULT_TAGS.project];
  const name =
    withProject && typeof title === 'string' && typeof project === 'string'
      ? `[${project}] ${title}`
      : title;
  const summary = sanitizeLine(result.summary);
  const level = sanitizeLine(result.observabilityLevel);
  const body =
    typeof name === 'string'
      ? `${sanitizeLine(name)} -- ${summary} (${level})`
      : `${summary} (${level})`;
  return `  ${label(result.status)}  ${body}`;
}

/**
 * `  <PASS|FAIL>  <title> [<detail>, <rate> pass rate, threshold: <thr>] -- <PASSED|FAILED>`.
 * `title` defaults to the group's own. The pass rate's interval follows it
 * with `withInterval`, and always for a group gated at a confidence level,
 * whose threshold then names the level (`threshold: 80% at 95% confidence`).
 */
export function trialGroupLine(
  group: TrialGroupResult,
  chalk: Chalk,
  title = group.title,
  withInterval = false,
): string {
  const colour = group.passed ? chalk.green : chalk.red;
  const gated = group.confidence !== null;
  const rate = rateWithInterval(group.passRate, group.passRateInterval, withInterval || gated, 0);
  const level = gated ? ` at ${formatPercent(group.confidence as number, 0)} confidence` : '';
  return (
    `  ${colour(group.terminalLabel)}  ${sanitizeLine(title)} [${group.detail}, ` +
    `${rate} pass rate, threshold: ${formatPercent(group.threshold, 0)}${level}] -- ` +
    colour(group.verdict)
  );
}

/**
 * The line under a trial group whose clones recorded nothing, saying why
 * (`3 filtered out by -t (testNamePattern)`); [] for any other group.
 */
export function noResultLines(group: TrialGroupResult): string[] {
  if (group.total === 0 || group.noResult < group.total) return [];
  const why = group.noResultReason !== null ? `: ${sanitizeLine(group.noResultReason)}` : '';
  return [`        no Result from any of its ${group.total} clones${why}`];
}

/**
 * The one line of a run that recorded no Result at all (and has no trial
 * group to explain it): most often the tests do not run under rampart/env.
 */
export const NO_RESULT_LINE =
  "RAMPART recorded no Result in this run: is testEnvironment 'rampart/env' set for these tests, and do they call recordResult() or run an attack or probe? (docs/getting-started.md)";

/**
 * `Population: <n> runs - <u> unsafe (<asr> attack success rate), <d> undetermined, <e> errors`;
 * the rate is `n/a` when every Result is ERROR, and carries its interval with `withInterval`.
 */
export function populationLine(report: TestRunReport, withInterval = false): string {
  const p = report.populationSummary();
  const rate = rateWithInterval(
    p.ratedRuns > 0 ? p.attackSuccessRate : null,
    p.attackSuccessRateInterval,
    withInterval,
  );
  return (
    `Population: ${p.totalRuns} runs - ${p.unsafeCount} unsafe ` +
    `(${rate} attack success rate), ` +
    `${p.undeterminedCount} undetermined, ${p.errorCount} errors`
  );
}

/** What the INCOMPLETE banner says under its title (the terminal and the HTML page). */
export const INCOMPLETE_NOTE = 'Results may be partial; the report does not reflect every test.';

/** The INCOMPLETE banner, or [] for a complete run. */
function incompleteLines(reasons: readonly string[], options: SummaryOptions): string[] {
  if (reasons.length === 0) return [];
  const { chalk } = options;
  return [
    chalk.red.bold(separator('RAMPART: INCOMPLETE RUN', options.width)),
    INCOMPLETE_NOTE,
    ...reasons.map((reason) => `  - ${sanitizeLine(reason)}`),
  ];
}

/** The incomplete reasons recorded in a report's metadata. */
export function incompleteReasons(report: TestRunReport): string[] {
  const reasons = report.metadata.incomplete_reasons;
  if (Array.isArray(reasons) && reasons.length > 0) return reasons.map(String);
  return report.incomplete ? ['the run is incomplete'] : [];
}

/** Names that occur in more than one Jest project (items without a project never collide). */
export function namesInSeveralProjects(
  items: Iterable<{ name: unknown; project: unknown }>,
): Set<string> {
  const projects = new Map<string, Set<unknown>>();
  for (const { name, project } of items) {
    if (typeof name !== 'string' || typeof project !== 'string') continue;
    const set = projects.get(name) ?? new Set<unknown>();
    set.add(project);
    projects.set(name, set);
  }
  return new Set([...projects].filter(([, set]) => set.size > 1).map(([name]) => name));
}

/**
 * How a trial group is named in the summary and the failure line: its title,
 * with `[<project>] ` in front when another project has a group of that title.
 */
export function trialGroupTitles(
  groups: Record<string, TrialGroupResult>,
): (group: TrialGroupResult) => string {
  const shared = namesInSeveralProjects(
    Object.values(groups).map((g) => ({ name: g.title, project: g.project })),
  );
  return (group) =>
    group.project !== null && shared.has(group.title)
      ? `[${group.project}] ${group.title}`
      : group.title;
}

/** `TRIAL GROUPS (<n> groups)` and a line per group (with the why of a group without Results); [] when none. */
function trialGroupLines(report: TestRunReport, chalk: Chalk, withInterval = false): string[] {
  const groupIds = Object.keys(report.trialGroups).sort();
  // Upstream prints the group lines right after the last category, where they
  // read as part of it; a heading of their own keeps the line format unchanged.
  if (groupIds.length === 0) return [];
  const lines = ['', chalk.bold(`TRIAL GROUPS (${groupIds.length} groups)`)];
  const groupTitle = trialGroupTitles(report.trialGroups);
  for (const id of groupIds) {
    const group = report.trialGroups[id] as TrialGroupResult;
    lines.push(
      trialGroupLine(group, chalk, groupTitle(group), withInterval),
      ...noResultLines(group),
    );
  }
  return lines;
}

/**
 * The whole summary, line by line as it is read: INCOMPLETE banner (when
 * incomplete), then the categories, trial groups and population line; a run
 * without Results gets its trial groups (each saying why it has none) or the
 * no-Result line. Then the files that ran without RAMPART collection. The
 * Results are read once, in report order; their lines wait in
 * {@link HeldTexts} (past a budget, in files) until their category is
 * printed, so a run of any size is printed without holding its lines.
 */
export function* renderSummary(
  report: TestRunReport,
  options: SummaryOptions,
): Generator<string, void, undefined> {
  const { chalk } = options;
  yield* incompleteLines(incompleteReasons(report), options);
  const foreign = filesWithoutRampartLines(report);
  if (report.totalRuns === 0) {
    const groups = trialGroupLines(report, chalk);
    if (groups.length > 0) {
      yield chalk.bold(separator('RAMPART Safety Summary', options.width));
      yield* groups;
    } else if (foreign.length === 0 && !report.incomplete) yield NO_RESULT_LINE;
    if (foreign.length > 0) {
      if (groups.length > 0) yield '';
      yield* foreign;
    }
    return;
  }
  const shared = namesInSeveralProjects(
    [...report.digest.testNames].flatMap(([name, projects]) =>
      [...projects].map((project) => ({ name, project })),
    ),
  );
  yield chalk.bold(separator('RAMPART Safety Summary', options.width));
  yield* resultLines(report, options, shared);
  yield* trialGroupLines(report, chalk, options.intervals === true);
  yield* utilityAndCoverageLines(report, chalk, trialGroupTitles(report.trialGroups));
  yield '';
  yield populationLine(report, options.intervals === true);
  const usage = report.metadata[MODEL_USAGE_KEY];
  if (isUsageCounts(usage)) yield modelUsageLine(usage, estimatedCost(usage));
  if (options.afterPopulation) yield* options.afterPopulation;
  if (foreign.length > 0) yield* ['', ...foreign];
}

/** Buckets per category: one per status rank, and one for a status without a rank. */
const RANKS = 5;

/** Characters of Result lines the summary keeps in memory before they go to files. */
const HELD_LINE_CHARS = 4 << 20;

/**
 * Each category's heading and Result lines, by status rank (UNSAFE first)
 * and in report order within a rank, from one pass over the Results.
 */
function* resultLines(
  report: TestRunReport,
  options: SummaryOptions,
  shared: ReadonlySet<string>,
): Generator<string, void, undefined> {
  const { chalk } = options;
  const categories = report.harmCategories();
  const position = new Map(categories.map((category, index) => [category, index]));
  const texts = new HeldTexts({
    ...(options.spillDir !== undefined ? { tempDir: options.spillDir } : {}),
    heldChars: options.heldLineChars ?? HELD_LINE_CHARS,
  });
  // One held text per category and status rank, made on first use.
  const buckets: HeldText[] = [];
  const label = statusLabels(chalk);
  try {
    for (const result of report.eachResult()) {
      const index = position.get(categoryKey(result));
      if (index === undefined) continue;
      const name = result.metadata[RESULT_TAGS.testName];
      const bucket = index * RANKS + (ORDER[result.status] ?? RANKS - 1);
      (buckets[bucket] ??= texts.text()).add(
        `${labelledLine(result, label, typeof name === 'string' && shared.has(name))}\n`,
      );
    }
    for (const [index, category] of categories.entries()) {
      const ranks = buckets.slice(index * RANKS, (index + 1) * RANKS);
      const count = ranks.reduce((sum, text) => sum + (text?.count ?? 0), 0);
      yield '';
      yield chalk.bold(`${sanitizeLine(category).toUpperCase()} (${count} tests)`);
      for (const text of ranks) if (text !== undefined) yield* text.lines();
    }
  } finally {
    texts.close();
  }
}
