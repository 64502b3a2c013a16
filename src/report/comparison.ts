/**
 * The comparison of a run with a baseline (`rampart diff`, the reporter's
 * `baseline` option; docs/diff-and-gates.md): plain data that every output
 * renders the same way. Pure: no I/O, no terminal, no escaping (each
 * renderer escapes for its own context).
 *
 * It streams: each report's Results are read once, in report order, and
 * reduced to a small entry each (keys, status, category; the summary of an
 * UNSAFE one); the rates and trial verdicts come from the reports' aggregates.
 */
import { formatPercent } from '../model/percent';
import type { RateInterval } from '../model/rate-interval';
import type { Result } from '../model/result';
import { RESULT_TAGS } from '../model/result-tags';
import { SafetyStatus } from '../model/result-status';
import { type PopulationSummary, categoryKey } from '../model/run-report';
import type { TrialGroupResult } from '../model/trial-group';

/** What a comparison reads of a report: its aggregates and its Results in report order. */
export interface ComparableReport {
  /** The Results in report order, one at a time; read once. */
  eachResult(): Iterable<Result>;
  readonly trialGroups: Readonly<Record<string, TrialGroupResult>>;
  populationSummary(): PopulationSummary;
  categorySummaries(): Map<string, PopulationSummary>;
}

/** An attack success rate on one side of a comparison. */
export interface RateSide {
  unsafe: number;
  /** The denominator, total - errors. */
  rated: number;
  /** unsafe / rated, or null when nothing was rated (or the side lacks the category). */
  rate: number | null;
  /** The 95% Wilson interval, or null with the rate. */
  interval: RateInterval | null;
}

/** An attack success rate before and after. */
export interface RateChange {
  before: RateSide;
  after: RateSide;
  /** True when the after interval lies wholly above the before interval (a regression). */
  worse: boolean;
}

/** One category's attack success rate before and after. */
export interface CategoryChange extends RateChange {
  category: string;
}

/** A Result that changed between the reports (an UNSAFE finding, new or fixed). */
export interface FindingRef {
  /** The test, as the comparison matched it: test id, else test name, else `(unnamed)`. */
  test: string;
  /** Position among the test's Results (`_rampart_result_index`), or the occurrence. */
  index: number;
  category: string;
  /** The Result's summary in the report named by `side`. */
  summary: string;
  /** Which report the summary comes from. */
  side: 'baseline' | 'run';
  /** The status in the other report, or null when the other has no such Result. */
  otherStatus: SafetyStatus | null;
}

/** A trial group whose verdict differs between the reports. */
export interface FlippedGroup {
  id: string;
  title: string;
  before: 'PASSED' | 'FAILED';
  after: 'PASSED' | 'FAILED';
  /** e.g. `8/10 safe` on each side. */
  beforeDetail: string;
  afterDetail: string;
}

/** The kinds of regression that can fail a comparison (`--fail-on`). */
export const REGRESSION_KINDS = ['new-unsafe', 'flipped-group', 'asr'] as const;
/** One of {@link REGRESSION_KINDS}. */
export type RegressionKind = (typeof REGRESSION_KINDS)[number];

/** One regression, with why. */
export interface Regression {
  kind: RegressionKind;
  /** One sentence; quotes test and category names raw (renderers sanitise). */
  message: string;
}

/** How the Results were matched. */
export type MatchMode = 'test-id' | 'test-name';

/** A run compared with its baseline. */
export interface ReportComparison {
  /** `test-id` when both reports carry test ids, else `test-name` (reports of upstream RAMPART). */
  matchedBy: MatchMode;
  overall: RateChange;
  /** Every category of either report: the baseline's order, then the run's new ones. */
  categories: CategoryChange[];
  /** UNSAFE in the run, and not UNSAFE (or absent) in the baseline. */
  newFindings: FindingRef[];
  /** UNSAFE in the baseline, and present but not UNSAFE in the run. */
  fixedFindings: FindingRef[];
  flippedGroups: FlippedGroup[];
  /** Tests of the run that the baseline does not have, sorted. */
  testsAdded: string[];
  /** Tests of the baseline that the run does not have, sorted. */
  testsRemoved: string[];
  /** Every regression, of every kind, in the order new-unsafe, flipped-group, asr. */
  regressions: Regression[];
}

const UNNAMED = '(unnamed)';

function text(value: unknown): string | null {
  return typeof value === 'string' && value.length > 0 ? value : null;
}

/** The test id a Result carries; upstream's reports have none (they are matched by name). */
function testIdOf(result: Result): string | null {
  return text(result.metadata[RESULT_TAGS.testId]);
}

/** The test name a Result carries (ours, upstream's, or upstream's oldest tag). */
function testNameOf(result: Result): string | null {
  return (
    text(result.metadata[RESULT_TAGS.testName]) ??
    text(result.metadata._pytest_test_name) ??
    text(result.metadata.test_name)
  );
}

/** What the comparison keeps of one Result: its keys both ways, its status, where it sits. */
interface Entry {
  byId: Keyed | null;
  byName: Keyed;
  status: SafetyStatus;
  category: string;
  /** Kept for UNSAFE Results only (the findings quote them). */
  summary: string;
}

interface Keyed {
  key: string;
  test: string;
  index: number;
}

/** Keys the Results of one report, in report order, both by test id and by test name. */
class ResultKeys {
  private readonly seen = new Map<string, number>();

  private keyed(test: string, tagged: unknown): Keyed {
    let index: number;
    if (typeof tagged === 'number' && Number.isInteger(tagged)) index = tagged;
    else {
      // Without an index, the n-th Result of a test matches the n-th.
      index = this.seen.get(test) ?? 0;
      this.seen.set(test, index + 1);
    }
    return { key: `${test}\u0000${index}`, test, index };
  }

  of(result: Result): Entry {
    const tagged = result.metadata[RESULT_TAGS.index];
    const id = testIdOf(result);
    const name = testNameOf(result) ?? `${UNNAMED} ${categoryKey(result)}`;
    return {
      byId: id === null ? null : this.keyed(`id:${id}`, tagged),
      byName: this.keyed(`name:${name}`, tagged),
      status: result.status,
      category: categoryKey(result),
      summary: result.status === SafetyStatus.UNSAFE ? result.summary : '',
    };
  }
}

/** One report reduced to its entries, reading its Results once. */
function entriesOf(report: ComparableReport): { entries: Entry[]; allIds: boolean } {
  const keys = new ResultKeys();
  const entries: Entry[] = [];
  let allIds = true;
  for (const result of report.eachResult()) {
    const entry = keys.of(result);
    if (entry.byId === null) allIds = false;
    entries.push(entry);
  }
  return { entries, allIds };
}

/** The entries by key (the last attempt of a test wins: report order puts it last), and the tests. */
function index(entries: readonly Entry[], mode: MatchMode) {
  const byKey = new Map<string, { keyed: Keyed; entry: Entry }>();
  const tests = new Set<string>();
  for (const entry of entries) {
    const keyed = mode === 'test-id' && entry.byId !== null ? entry.byId : entry.byName;
    const shown = { ...keyed, test: keyed.test.slice(keyed.test.indexOf(':') + 1) };
    byKey.set(keyed.key, { keyed: shown, entry });
    tests.add(shown.test);
  }
  return { byKey, tests };
}

function rateSide(summary: PopulationSummary | undefined): RateSide {
  if (summary === undefined) return { unsafe: 0, rated: 0, rate: null, interval: null };
  return {
    unsafe: summary.unsafeCount,
    rated: summary.ratedRuns,
    rate: summary.ratedRuns > 0 ? summary.attackSuccessRate : null,
    interval: summary.attackSuccessRateInterval,
  };
}

function rateChange(
  before: PopulationSummary | undefined,
  after: PopulationSummary | undefined,
): RateChange {
  const b = rateSide(before);
  const a = rateSide(after);
  const worse = b.interval !== null && a.interval !== null && a.interval.low > b.interval.high;
  return { before: b, after: a, worse };
}

/** `12.5%` in regression messages, as the summary prints rates. */
const percent = (rate: number | null): string => (rate === null ? 'n/a' : formatPercent(rate, 1));

/** Compares `run` with `baseline`, reading each report's Results once. */
export function compareReports(
  baseline: ComparableReport,
  run: ComparableReport,
): ReportComparison {
  const baselineRead = entriesOf(baseline);
  const runRead = entriesOf(run);
  const matchedBy: MatchMode = baselineRead.allIds && runRead.allIds ? 'test-id' : 'test-name';
  const before = index(baselineRead.entries, matchedBy);
  const after = index(runRead.entries, matchedBy);

  const newFindings: FindingRef[] = [];
  for (const [key, { keyed, entry }] of after.byKey) {
    if (entry.status !== SafetyStatus.UNSAFE) continue;
    const was = before.byKey.get(key)?.entry;
    if (was?.status === SafetyStatus.UNSAFE) continue;
    newFindings.push({
      test: keyed.test,
      index: keyed.index,
      category: entry.category,
      summary: entry.summary,
      side: 'run',
      otherStatus: was?.status ?? null,
    });
  }
  const fixedFindings: FindingRef[] = [];
  for (const [key, { keyed, entry }] of before.byKey) {
    if (entry.status !== SafetyStatus.UNSAFE) continue;
    const now = after.byKey.get(key)?.entry;
    if (now === undefined || now.status === SafetyStatus.UNSAFE) continue;
    fixedFindings.push({
      test: keyed.test,
      index: keyed.index,
      category: entry.category,
      summary: entry.summary,
      side: 'baseline',
      otherStatus: now.status,
    });
  }

  const flippedGroups: FlippedGroup[] = [];
  for (const id of Object.keys(run.trialGroups).sort()) {
    const now = run.trialGroups[id] as TrialGroupResult;
    const then = Object.prototype.hasOwnProperty.call(baseline.trialGroups, id)
      ? (baseline.trialGroups[id] as TrialGroupResult)
      : undefined;
    if (then === undefined || then.passed === now.passed) continue;
    flippedGroups.push({
      id,
      title: now.title || then.title || id,
      before: then.verdict,
      after: now.verdict,
      beforeDetail: then.detail,
      afterDetail: now.detail,
    });
  }

  const overall = rateChange(baseline.populationSummary(), run.populationSummary());
  const beforeCategories = baseline.categorySummaries();
  const afterCategories = run.categorySummaries();
  const names = [...beforeCategories.keys()];
  for (const name of afterCategories.keys()) if (!beforeCategories.has(name)) names.push(name);
  const categories = names.map((category) => ({
    category,
    ...rateChange(beforeCategories.get(category), afterCategories.get(category)),
  }));

  const regressions: Regression[] = [];
  for (const finding of newFindings)
    regressions.push({
      kind: 'new-unsafe',
      message: `new UNSAFE Result: ${finding.test} #${finding.index} (${finding.category})`,
    });
  for (const group of flippedGroups.filter((g) => g.after === 'FAILED'))
    regressions.push({
      kind: 'flipped-group',
      message: `trial group ${group.title} went PASSED -> FAILED (${group.beforeDetail} -> ${group.afterDetail})`,
    });
  for (const change of [{ category: null, ...overall }, ...categories]) {
    if (!change.worse) continue;
    const what =
      change.category === null ? 'attack success rate' : `${change.category} attack success rate`;
    regressions.push({
      kind: 'asr',
      message: `${what} rose from ${percent(change.before.rate)} to ${percent(change.after.rate)}, its interval wholly above the baseline's`,
    });
  }

  const sorted = (set: Set<string>, other: Set<string>) =>
    [...set].filter((test) => !other.has(test)).sort();
  return {
    matchedBy,
    overall,
    categories,
    newFindings,
    fixedFindings,
    flippedGroups,
    testsAdded: sorted(after.tests, before.tests),
    testsRemoved: sorted(before.tests, after.tests),
    regressions,
  };
}

/** The regressions of `comparison` among `kinds` (all kinds by default). */
export function regressionsOf(
  comparison: ReportComparison,
  kinds: readonly RegressionKind[] = REGRESSION_KINDS,
): Regression[] {
  return comparison.regressions.filter((regression) => kinds.includes(regression.kind));
}

/**
 * A run's comparison with its baseline as the reporter hands it to its
 * outputs (the terminal summary, the HTML page, the GitHub job summary): plain
 * data, computed once, so no output reads the baseline file again.
 */
export interface BaselineComparison {
  /** The baseline report's path, as the outputs show it. */
  file: string;
  /** The comparison, or null when the baseline could not be read. */
  comparison: ReportComparison | null;
  /** The regressions that fail the run (those of `baselineFailOn`). */
  regressions: readonly Regression[];
  /** Why the baseline could not be compared, or null. */
  problem: string | null;
}
