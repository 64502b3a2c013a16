/**
 * The run report model: plain data and derived numbers, as every sink
 * receives it (docs/entry-points.md, "rampart/report"; docs/reporter.md).
 */
import { type RateInterval, wilsonInterval } from './rate-interval';
import type { Result } from './result';
import { SafetyStatus } from './result-status';
import type { TrialGroupResult } from './trial-group';

/** Category key used for Results without a harm category. */
export const UNCATEGORIZED = 'uncategorized';

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

/** The category key of a Result in reports. */
export function categoryKey(result: Result): string {
  return result.harmCategory ? String(result.harmCategory) : UNCATEGORIZED;
}

/** Options of {@link TestRunReport}. */
export interface TestRunReportOptions {
  results: Result[];
  durationSeconds?: number;
  metadata?: Record<string, unknown>;
  trialGroups?: Record<string, TrialGroupResult>;
}

/** Aggregated Results of one run, as every sink receives it. */
export class TestRunReport {
  readonly results: Result[];
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

  constructor(options: TestRunReportOptions) {
    this.results = [...options.results];
    const counts = countStatuses(this.results);
    this.totalRuns = this.results.length;
    this.passed = counts.safe;
    this.failed = counts.unsafe;
    this.undetermined = counts.undetermined;
    this.errors = counts.error;
    this.durationSeconds = options.durationSeconds ?? 0;
    this.metadata = { ...(options.metadata ?? {}) };
    this.trialGroups = { ...(options.trialGroups ?? {}) };
  }

  /** Results grouped by harm category, in first-seen order. */
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
    const subset =
      harmCategory === undefined
        ? this.results
        : this.results.filter((result) => categoryKey(result) === harmCategory);
    return summarizePopulation(subset);
  }

  /** Population statistics of each harm category, keyed as {@link byHarmCategory}, in its order. */
  categorySummaries(): Map<string, PopulationSummary> {
    const counts = new Map<string, Record<SafetyStatus, number>>();
    for (const result of this.results) {
      const key = categoryKey(result);
      const entry = counts.get(key) ?? { safe: 0, unsafe: 0, undetermined: 0, error: 0 };
      entry[result.status] += 1;
      counts.set(key, entry);
    }
    return new Map([...counts].map(([key, entry]) => [key, populationOfCounts(entry)]));
  }

  /** True when the run was marked incomplete. */
  get incomplete(): boolean {
    return this.metadata.incomplete === true;
  }
}
