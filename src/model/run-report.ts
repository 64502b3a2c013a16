/**
 * The run report model: plain data and derived numbers, as every sink
 * receives it (docs/entry-points.md, "rampart/report"; docs/reporter.md).
 */
import { type RateInterval, wilsonInterval } from './rate-interval';
import type { Result } from './result';
import type { SafetyStatus } from './result-status';
import { type ResultDigest, categoryKey, digestOf } from './result-digest';
import type { TrialGroupResult } from './trial-group';

export { UNCATEGORIZED, categoryKey } from './result-digest';

/** Population statistics over a set of Results. */
export interface PopulationSummary {
  totalRuns: number;
  safeCount: number;
  unsafeCount: number;
  undeterminedCount: number;
  errorCount: number;
  /** unsafe / (total - errors); 0 when that denominator is 0 (see {@link ratedRuns}). */
  attackSuccessRate: number;
  /** safe / (total - errors); 0 when that denominator is 0 (see {@link ratedRuns}). */
  safetyPassRate: number;
  /**
   * The rates' denominator, total - errors: when it is 0 the rates are
   * undefined (printed `n/a`; written as 0 for upstream's format, with null
   * intervals).
   */
  ratedRuns: number;
  /** 95% Wilson score interval of the attack success rate; null when `ratedRuns` is 0. */
  attackSuccessRateInterval: RateInterval | null;
  /** 95% Wilson score interval of the safety pass rate; null when `ratedRuns` is 0. */
  safetyPassRateInterval: RateInterval | null;
}

/** The population summary of status counts (ERRORs are excluded from both rates). */
export function populationOfCounts(
  counts: Readonly<Record<SafetyStatus, number>>,
): PopulationSummary {
  const total = counts.safe + counts.unsafe + counts.undetermined + counts.error;
  const rated = total - counts.error;
  return {
    totalRuns: total,
    safeCount: counts.safe,
    unsafeCount: counts.unsafe,
    undeterminedCount: counts.undetermined,
    errorCount: counts.error,
    attackSuccessRate: rated > 0 ? counts.unsafe / rated : 0,
    safetyPassRate: rated > 0 ? counts.safe / rated : 0,
    ratedRuns: rated,
    attackSuccessRateInterval: wilsonInterval(counts.unsafe, rated),
    safetyPassRateInterval: wilsonInterval(counts.safe, rated),
  };
}

/** Computes the population summary of `results` (ERRORs are excluded from both rates). */
export function summarizePopulation(results: Iterable<Result>): PopulationSummary {
  return populationOfCounts(countStatuses(results));
}

function countStatuses(results: Iterable<Result>): Record<SafetyStatus, number> {
  const counts: Record<SafetyStatus, number> = { safe: 0, unsafe: 0, undetermined: 0, error: 0 };
  for (const result of results) counts[result.status] += 1;
  return counts;
}

/**
 * The Results of a report read one at a time, in report order, as often as
 * asked, with their counts known beforehand (the reporter reads them back
 * from its spool: docs/reporter.md, "Reading the Results").
 */
export interface ResultSource {
  /** The counts of every Result. */
  readonly digest: ResultDigest;
  /** A fresh pass over the Results in report order; with a category, only its Results. */
  results(harmCategory?: string): Iterable<Result>;
}

/** Results held in memory as a {@link ResultSource}. */
function sourceOf(results: readonly Result[]): ResultSource {
  const held = [...results];
  return {
    digest: digestOf(held),
    results: (harmCategory) =>
      harmCategory === undefined
        ? held
        : held.filter((result) => categoryKey(result) === harmCategory),
  };
}

/** Options of {@link TestRunReport}: its Results as an array, or as a source read on demand. */
export interface TestRunReportOptions {
  /** The Results in report order (ignored when `source` is given). */
  results?: Result[];
  /** The Results read one at a time (what the reporter hands to sinks). */
  source?: ResultSource;
  durationSeconds?: number;
  metadata?: Record<string, unknown>;
  trialGroups?: Record<string, TrialGroupResult>;
}

/** Aggregated Results of one run, as every sink receives it. */
export class TestRunReport {
  readonly totalRuns: number;
  /** Number of SAFE Results. */
  readonly passed: number;
  /** Number of UNSAFE Results. */
  readonly failed: number;
  readonly undetermined: number;
  readonly errors: number;
  readonly durationSeconds: number;
  readonly metadata: Record<string, unknown>;
  /** Trial-group verdicts keyed by group id. */
  readonly trialGroups: Record<string, TrialGroupResult>;

  private readonly source: ResultSource;
  private held: Result[] | undefined;

  constructor(options: TestRunReportOptions) {
    this.source = options.source ?? sourceOf(options.results ?? []);
    const counts = this.source.digest.statuses;
    this.totalRuns = this.source.digest.count;
    this.passed = counts.safe;
    this.failed = counts.unsafe;
    this.undetermined = counts.undetermined;
    this.errors = counts.error;
    this.durationSeconds = options.durationSeconds ?? 0;
    this.metadata = { ...(options.metadata ?? {}) };
    this.trialGroups = { ...(options.trialGroups ?? {}) };
  }

  /**
   * Every Result in report order, in one array built on first access: with
   * a large run it holds them all in memory, where {@link eachResult} reads
   * them one at a time.
   */
  get results(): Result[] {
    this.held ??= [...this.source.results()];
    return this.held;
  }

  /**
   * The Results in report order, one at a time (a fresh pass each call);
   * with `harmCategory`, only that category's (the keys of
   * {@link byHarmCategory}). What the built-in outputs read.
   */
  eachResult(options: { harmCategory?: string } = {}): Iterable<Result> {
    if (this.held && options.harmCategory === undefined) return this.held;
    return this.source.results(options.harmCategory);
  }

  /** The counts the report's aggregates come from, counted without holding the Results. */
  get digest(): ResultDigest {
    return this.source.digest;
  }

  /** The harm category keys in first-seen order (those of {@link byHarmCategory}). */
  harmCategories(): string[] {
    return [...this.source.digest.categories.keys()];
  }

  /** Results grouped by harm category, in first-seen order (holds every Result in memory). */
  byHarmCategory(): Map<string, Result[]> {
    const groups = new Map<string, Result[]>();
    for (const result of this.results) {
      const key = categoryKey(result);
      const group = groups.get(key);
      if (group) group.push(result);
      else groups.set(key, [result]);
    }
    return groups;
  }

  /**
   * Population statistics, optionally for one harm category only: the same
   * keys as {@link byHarmCategory}, so `uncategorized` selects the Results
   * without a category.
   */
  populationSummary(options: { harmCategory?: string } = {}): PopulationSummary {
    const { harmCategory } = options;
    const { digest } = this.source;
    if (harmCategory === undefined) return populationOfCounts(digest.statuses);
    const entry = digest.categories.get(harmCategory);
    return populationOfCounts(entry?.statuses ?? { safe: 0, unsafe: 0, undetermined: 0, error: 0 });
  }

  /** Population statistics of each harm category, keyed as {@link byHarmCategory}, in its order. */
  categorySummaries(): Map<string, PopulationSummary> {
    return new Map(
      [...this.source.digest.categories].map(([key, { statuses }]) => [
        key,
        populationOfCounts(statuses),
      ]),
    );
  }

  /** True when the run was marked incomplete. */
  get incomplete(): boolean {
    return this.metadata.incomplete === true;
  }
}
