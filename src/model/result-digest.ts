/**
 * What a report needs of a set of Results without holding them: status
 * counts per harm category (first-seen order), utility per category,
 * coverage, model usage and the test names of each project. Counted one
 * Result at a time and merged in report order, so a run of any size is
 * summed up per test and its Results are read back only to be written
 * (docs/architecture.md, "The report of a large run").
 */
import { CoverageTally, type RunCoverage, carriesCoverageIds } from './coverage-summary';
import {
  MODEL_USAGE_KEY,
  type ModelUsageTotals,
  addModelUsage,
  mergeModelUsage,
} from './model-usage';
import type { Result } from './result';
import type { SafetyStatus } from './result-status';
import { RESULT_TAGS } from './result-tags';
import { type UtilityCounts, UtilityTally } from './utility-summary';

/** Counts of one harm category. */
export interface CategoryDigest {
  statuses: Record<SafetyStatus, number>;
  utility: UtilityTally;
}

const noStatuses = (): Record<SafetyStatus, number> => ({
  safe: 0,
  unsafe: 0,
  undetermined: 0,
  error: 0,
});

/** The keys of a status count record. */
const STATUSES = Object.keys(noStatuses()) as SafetyStatus[];

/** Category key used for Results without a harm category. */
export const UNCATEGORIZED = 'uncategorized';

/** The category key of a Result in reports. */
export function categoryKey(result: Result): string {
  return result.harmCategory ? String(result.harmCategory) : UNCATEGORIZED;
}

/** Zero model usage totals. */
const noUsage = (): ModelUsageTotals => ({
  calls: 0,
  input_tokens: 0,
  output_tokens: 0,
  by_role: {},
  by_model: {},
});

/**
 * Counts over a set of Results, added one at a time or merged from smaller
 * sets. The reporter keeps one per test, so the parts most Results do not
 * need (coverage, model usage, test names) are made when first needed.
 */
export class ResultDigest {
  /** Harm category keys in first-seen order, with their counts. */
  readonly categories = new Map<string, CategoryDigest>();
  /** Number of Results counted. */
  count = 0;
  private coverageCounts: CoverageTally | null = null;
  private usageTotals: ModelUsageTotals | null = null;
  private names: Map<string, Set<string>> | null = null;

  /** Coverage counts. */
  get coverageTally(): CoverageTally {
    return (this.coverageCounts ??= new CoverageTally());
  }

  /** Model usage in the report's form (totals zero when no Result reports any). */
  get usage(): ModelUsageTotals {
    return (this.usageTotals ??= noUsage());
  }

  /** Test names (`_jest_test_name`) by the project labels they occur in. */
  get testNames(): Map<string, Set<string>> {
    return (this.names ??= new Map<string, Set<string>>());
  }

  private category(key: string): CategoryDigest {
    let entry = this.categories.get(key);
    if (!entry) {
      entry = { statuses: noStatuses(), utility: new UtilityTally() };
      this.categories.set(key, entry);
    }
    return entry;
  }

  /** Counts one Result. */
  add(result: Result): void {
    this.count += 1;
    const entry = this.category(categoryKey(result));
    entry.statuses[result.status] += 1;
    entry.utility.add(result);
    const metadata = result.metadata;
    if (carriesCoverageIds(result)) this.coverageTally.add(result);
    const usage = metadata[MODEL_USAGE_KEY];
    if (usage !== undefined) addModelUsage(this.usage, usage);
    const name = metadata[RESULT_TAGS.testName];
    const project = metadata[RESULT_TAGS.project];
    if (typeof name === 'string' && typeof project === 'string') this.addTestName(name, project);
  }

  /** Records that a Result of test `name` was in project `project`. */
  addTestName(name: string, project: string): void {
    const names = this.testNames;
    const projects = names.get(name) ?? new Set<string>();
    projects.add(project);
    names.set(name, projects);
  }

  /** Adds the counts of Results that follow this digest's in report order. */
  merge(other: ResultDigest): void {
    this.count += other.count;
    for (const [key, theirs] of other.categories) {
      const entry = this.category(key);
      const statuses = entry.statuses;
      for (const status of STATUSES) statuses[status] += theirs.statuses[status];
      entry.utility.merge(theirs.utility);
    }
    if (other.coverageCounts) this.coverageTally.merge(other.coverageCounts);
    if (other.usageTotals) mergeModelUsage(this.usage, other.usageTotals);
    if (other.names) {
      const names = this.testNames;
      for (const [name, projects] of other.names) {
        const known = names.get(name) ?? new Set<string>();
        for (const project of projects) known.add(project);
        names.set(name, known);
      }
    }
  }

  /** Status counts of every Result. */
  get statuses(): Record<SafetyStatus, number> {
    const total = noStatuses();
    for (const { statuses } of this.categories.values())
      for (const status of Object.keys(statuses) as SafetyStatus[])
        total[status] += statuses[status];
    return total;
  }

  /** Utility counts per category that has any, in first-seen order. */
  utilityByCategory(): Map<string, UtilityCounts> {
    const out = new Map<string, UtilityCounts>();
    for (const [key, { utility }] of this.categories) {
      const counts = utility.result;
      if (counts) out.set(key, counts);
    }
    return out;
  }

  /** Utility counts of every Result, or null when none carries a utility outcome. */
  utility(): UtilityCounts | null {
    const tally = new UtilityTally();
    for (const { utility } of this.categories.values()) tally.merge(utility);
    return tally.result;
  }

  /** The coverage, or null when no Result carried a taxonomy id. */
  coverage(): RunCoverage | null {
    return this.coverageCounts ? this.coverageCounts.result : null;
  }

  /** The model usage totals, or null when no Result reports a model call. */
  modelUsage(): ModelUsageTotals | null {
    const usage = this.usageTotals;
    return usage === null || usage.calls === 0 ? null : usage;
  }
}

/** The digest of `results`, in their order. */
export function digestOf(results: Iterable<Result>): ResultDigest {
  const digest = new ResultDigest();
  for (const result of results) digest.add(result);
  return digest;
}
