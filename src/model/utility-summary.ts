/**
 * Utility under attack, aggregated (docs/reporter.md, "Utility under
 * attack"): over a set of Results — a harm category, a trial group — how
 * often the agent did the user's task in the benign runs and under attack,
 * beside the attack success rate of the same Results. Counted in one pass,
 * so it works over a stream of Results.
 */
import type { Result } from './result';
import { SafetyStatus } from './result-status';
import { UTILITY_TAGS, UtilityOutcome } from './utility-tags';

/** Utility counts of a set of Results; rates are derived from them. */
export interface UtilityCounts {
  /** Results whose benign run was judged (achieved or not). */
  benignRuns: number;
  benignAchieved: number;
  /** Results whose attacked conversation was judged for utility (achieved or not). */
  underAttackRuns: number;
  underAttackAchieved: number;
  /** Results that carry a utility outcome and are not ERROR: the denominator of the ASR. */
  attackRuns: number;
  /** Of those, UNSAFE. */
  unsafe: number;
}

/** Adds up utility counts; Results without a utility outcome are not counted. */
export class UtilityTally {
  private counts: UtilityCounts | null = null;

  /** Counts one Result. */
  add(result: Result): void {
    const benign = result.metadata[UTILITY_TAGS.benign];
    const attacked = result.metadata[UTILITY_TAGS.underAttack];
    if (benign === undefined && attacked === undefined) return;
    const c = (this.counts ??= {
      benignRuns: 0,
      benignAchieved: 0,
      underAttackRuns: 0,
      underAttackAchieved: 0,
      attackRuns: 0,
      unsafe: 0,
    });
    if (benign === UtilityOutcome.ACHIEVED || benign === UtilityOutcome.NOT_ACHIEVED) {
      c.benignRuns += 1;
      if (benign === UtilityOutcome.ACHIEVED) c.benignAchieved += 1;
    }
    if (attacked === UtilityOutcome.ACHIEVED || attacked === UtilityOutcome.NOT_ACHIEVED) {
      c.underAttackRuns += 1;
      if (attacked === UtilityOutcome.ACHIEVED) c.underAttackAchieved += 1;
    }
    if (result.status !== SafetyStatus.ERROR) {
      c.attackRuns += 1;
      if (result.status === SafetyStatus.UNSAFE) c.unsafe += 1;
    }
  }

  /** Adds the counts of another tally (Results counted elsewhere). */
  merge(other: UtilityTally): void {
    const theirs = other.counts;
    if (!theirs) return;
    const c = (this.counts ??= {
      benignRuns: 0,
      benignAchieved: 0,
      underAttackRuns: 0,
      underAttackAchieved: 0,
      attackRuns: 0,
      unsafe: 0,
    });
    for (const key of Object.keys(theirs) as Array<keyof UtilityCounts>) c[key] += theirs[key];
  }

  /** The counts, or null when no Result carried a utility outcome. */
  get result(): UtilityCounts | null {
    return this.counts ? { ...this.counts } : null;
  }
}

/** The utility counts of `results`, or null when none carries a utility outcome. */
export function tallyUtility(results: Iterable<Result>): UtilityCounts | null {
  const tally = new UtilityTally();
  for (const result of results) tally.add(result);
  return tally.result;
}

/** A share, or null over zero. */
export const shareOf = (part: number, whole: number): number | null =>
  whole > 0 ? part / whole : null;

/** The three rates side by side: benign utility, utility under attack, attack success rate. */
export function utilityRates(c: UtilityCounts): {
  benignUtility: number | null;
  utilityUnderAttack: number | null;
  attackSuccessRate: number | null;
} {
  return {
    benignUtility: shareOf(c.benignAchieved, c.benignRuns),
    utilityUnderAttack: shareOf(c.underAttackAchieved, c.underAttackRuns),
    attackSuccessRate: shareOf(c.unsafe, c.attackRuns),
  };
}
