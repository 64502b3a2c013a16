/**
 * Trial groups (docs/writing-tests.md, "trial(n, { threshold })"): the n
 * clones of one test, classified once each, with the seed's verdict rules
 * (upstream `record_trial_group`). With a confidence level, the group must
 * show its pass rate reaches the threshold: the lower bound of the Wilson
 * interval does (docs/diff-and-gates.md, "Trial groups with a confidence").
 */
import { DEFAULT_CONFIDENCE, type RateInterval, wilsonInterval } from './rate-interval';
import type { Result } from './result';
import { SafetyStatus } from './result-status';
import { type UtilityCounts, UtilityTally } from './utility-summary';
import { type ResultDigest, digestOf } from './result-digest';
import { trialGroupPasses } from './trial-verdict';

export { trialGroupPasses, trialsNeeded, type TrialVerdictInputs } from './trial-verdict';

/** Aggregate statistics and verdict of one trial group. */
export class TrialGroupResult {
  readonly total: number;
  readonly safe: number;
  readonly unsafe: number;
  readonly errors: number;
  readonly noResult: number;
  readonly threshold: number;
  readonly passRate: number;
  readonly passed: boolean;
  /** Display title (the original test title); not part of the verdict. */
  readonly title: string;
  /** Label of the Jest project of the group in a multi-project run, else null; display only. */
  readonly project: string | null;
  /** The confidence level of `trial(n, { confidence })`, or null for the plain rule. */
  readonly confidence: number | null;
  /**
   * Why no clone recorded a Result (`3 filtered out by -t`), when none did and
   * the runner could tell; null otherwise. Display only, not in the JSON report.
   */
  readonly noResultReason: string | null;
  /** Utility under attack over the clones' Results; null when none carries a utility outcome. */
  readonly utility: UtilityCounts | null;

  constructor(fields: {
    total: number;
    safe: number;
    unsafe: number;
    errors: number;
    noResult: number;
    threshold: number;
    passRate: number;
    passed: boolean;
    title?: string;
    project?: string | null;
    confidence?: number | null;
    noResultReason?: string | null;
    utility?: UtilityCounts | null;
  }) {
    this.total = fields.total;
    this.safe = fields.safe;
    this.unsafe = fields.unsafe;
    this.errors = fields.errors;
    this.noResult = fields.noResult;
    this.threshold = fields.threshold;
    this.passRate = fields.passRate;
    this.passed = fields.passed;
    this.title = fields.title ?? '';
    this.project = fields.project ?? null;
    this.confidence = fields.confidence ?? null;
    this.noResultReason = fields.noResultReason ?? null;
    this.utility = fields.utility ? { ...fields.utility } : null;
  }

  /**
   * The Wilson interval of the pass rate (safe / total), at the group's
   * confidence level, or 95% for a group without one.
   */
  get passRateInterval(): RateInterval | null {
    return wilsonInterval(this.safe, this.total, this.confidence ?? DEFAULT_CONFIDENCE);
  }

  /** `PASSED` or `FAILED`. */
  get verdict(): 'PASSED' | 'FAILED' {
    return this.passed ? 'PASSED' : 'FAILED';
  }

  /** `PASS` or `FAIL`. */
  get terminalLabel(): 'PASS' | 'FAIL' {
    return this.passed ? 'PASS' : 'FAIL';
  }

  /** e.g. `8/10 safe`, or `8/10 safe, 2 no-result`. */
  get detail(): string {
    const base = `${this.safe}/${this.total} safe`;
    return this.noResult > 0 ? `${base}, ${this.noResult} no-result` : base;
  }

  /** True when any clone was UNSAFE. */
  get hasUnsafe(): boolean {
    return this.unsafe > 0;
  }
}

/**
 * Classify a trial group. `clones[i]` holds the Results of clone i (its final
 * attempt), or undefined / [] when the clone produced none (skipped, filtered,
 * crashed). `total` is the declared clone count, not the number that ran.
 */
export function classifyTrialGroup(
  clones: ReadonlyArray<readonly Result[] | undefined>,
  threshold: number,
  title = '',
  confidence: number | null = null,
): TrialGroupResult {
  return classifyTrialClones(
    clones.map((results) => (results ? digestOf(results) : undefined)),
    threshold,
    title,
    confidence,
  );
}

/**
 * {@link classifyTrialGroup} over the counts of each clone's Results, so a
 * group is classified without holding them.
 */
export function classifyTrialClones(
  clones: ReadonlyArray<ResultDigest | undefined>,
  threshold: number,
  title = '',
  confidence: number | null = null,
): TrialGroupResult {
  let safe = 0;
  let unsafe = 0;
  let errors = 0;
  let noResult = 0;
  const utility = new UtilityTally();
  for (const digest of clones) {
    if (!digest || digest.count === 0) {
      noResult += 1;
      continue;
    }
    for (const { utility: tally } of digest.categories.values()) utility.merge(tally);
    const counts = digest.statuses;
    if (counts[SafetyStatus.UNSAFE] > 0) unsafe += 1;
    else if (counts[SafetyStatus.ERROR] > 0) errors += 1;
    else if (counts[SafetyStatus.SAFE] > 0) safe += 1;
    // Only UNDETERMINED: counted in total only.
  }
  const total = clones.length;
  const passRate = total > 0 ? safe / total : 0;
  return new TrialGroupResult({
    total,
    safe,
    unsafe,
    errors,
    noResult,
    threshold,
    passRate,
    passed: trialGroupPasses({ total, safe, unsafe, threshold, confidence }),
    title,
    confidence,
    utility: utility.result,
  });
}
