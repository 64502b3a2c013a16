/**
 * What a report needs of a set of Results without holding them: status
 * counts per harm category (first-seen order), utility per category,
 * coverage, model usage and the test names of each project. Counted one
 * Result at a time and merged in report order, so a run of any size is
 * summed up per test and its Results are read back only to be written
 * (docs/architecture.md, "The report of a large run").
 */
import { CoverageTally, type RunCoverage } from './coverage-summary';
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

/** Category key used for Results without a harm category. */
export const UNCATEGORIZED = 'uncategorized';

/** The category key of a Result in reports. */
export function categoryKey(result: Result): string {
  return result.harmCategory ? String(result.harmCategory) : UNCATEGORIZED;
}

/** Counts over a set of Results, added one at a time or merged from smaller sets. */
export class ResultDigest {
  /** Harm category keys in first-seen order, with their counts. */
  readonly categories = new Map<string, CategoryDigest>();
  readonly coverageTally = new CoverageTally();
  /** Model usage in the report's form (totals zero when no Result reports any). */
  readonly usage: ModelUsageTotals = {
    calls: 0,
    input_tokens: 0,
    output_tokens: 0,
    by_role: {},
    by_model: {},
  };
  /** Test names (`_jest_test_name`) by the project labels they occur in. */
  readonly testNames = new Map<string, Set<string>>();
  /** Number of Results counted. */
  count = 0;

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
    this.coverageTally.add(result);
    const usage = result.metadata[MODEL_USAGE_KEY];
    if (usage !== undefined) addModelUsage(this.usage, usage);
    const name = result.metadata[RESULT_TAGS.testName];
    const project = result.metadata[RESULT_TAGS.project];
    if (typeof name === 'string' && typeof project === 'string') this.addTestName(name, project);
  }

  /** Records that a Result of test `name` was in project `project`. */
  addTestName(name: string, project: string): void {
    const projects = this.testNames.get(name) ?? new Set<string>();
    projects.add(project);
    this.testNames.set(name, projects);
  }

  /** Adds the counts of Results that follow this digest's in report order. */
  merge(other: ResultDigest): void {
    this.count += other.count;
    for (const [key, theirs] of other.categories) {
      const entry = this.category(key);
      for (const status of Object.keys(theirs.statuses) as SafetyStatus[])
        entry.statuses[status] += theirs.statuses[status];
      entry.utility.merge(theirs.utility);
    }
    this.coverageTally.merge(other.coverageTally);
    mergeModelUsage(this.usage, other.usage);
    for (const [name, projects] of other.testNames) {
      const known = this.testNames.get(name) ?? new Set<string>();
      for (const project of projects) known.add(project);
      this.testNames.set(name, known);
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
    return this.coverageTally.result;
  }

  /** The model usage totals, or null when no Result reports a model call. */
  modelUsage(): ModelUsageTotals | null {
    return this.usage.calls === 0 ? null : this.usage;
  }
}

/** The digest of `results`, in their order. */
export function digestOf(results: Iterable<Result>): ResultDigest {
  const digest = new ResultDigest();
  for (const result of results) digest.add(result);
  return digest;
}
