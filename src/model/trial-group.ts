/**
 * Trial groups (docs/writing-tests.md, "trial(n, { threshold })"): the n
 * clones of one test, classified once each, with the seed's verdict rules
 * (upstream `record_trial_group`).
 */
import type { Result } from './result';
import { SafetyStatus } from './result-status';

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
): TrialGroupResult {
  let safe = 0;
  let unsafe = 0;
  let errors = 0;
  let noResult = 0;
  for (const results of clones) {
    if (!results || results.length === 0) noResult += 1;
    else if (results.some((r) => r.status === SafetyStatus.UNSAFE)) unsafe += 1;
    else if (results.some((r) => r.status === SafetyStatus.ERROR)) errors += 1;
    else if (results.some((r) => r.status === SafetyStatus.SAFE)) safe += 1;
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
    passed: unsafe === 0 && passRate >= threshold,
    title,
  });
}
