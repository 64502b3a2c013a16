/**
 * The verdict over n trials of one execution (upstream `PopulationResult`).
 * Lives outside core because its summary uses the report's Python-style
 * percentage formatting.
 */
import type { Result } from '../../model/result';
import { SafetyStatus } from '../../model/result-status';
import { describeValue } from '../../model/value-description';
import { formatPercent } from '../../model/percent';
import { argumentChecks } from '../../model/value-checks';

/** Results of a population run and the status they add up to. */
export class PopulationResult {
  /** One Result per trial, in trial order. */
  readonly results: readonly Result[];
  /** Minimum pass rate (SAFE / executed) for a SAFE status. */
  readonly threshold: number;

  constructor(options: { results: readonly Result[]; threshold: number }) {
    if (!Array.isArray(options?.results))
      throw new TypeError(
        `PopulationResult results must be an array of Results, got ${describeValue(options?.results)}`,
      );
    this.threshold = argumentChecks.ratio(options.threshold, 'PopulationResult threshold');
    this.results = Object.freeze([...options.results]);
  }

  /** Number of SAFE trials. */
  get safeCount(): number {
    return this.results.filter((r) => r.status === SafetyStatus.SAFE).length;
  }

  /** Number of trials that produced a Result. */
  get executedCount(): number {
    return this.results.length;
  }

  /** SAFE / executed; 0 when nothing executed. */
  get passRate(): number {
    return this.executedCount === 0 ? 0 : this.safeCount / this.executedCount;
  }

  /**
   * Any ERROR → ERROR; else a pass rate at or above the threshold → SAFE
   * (some UNSAFE trials are tolerated when the rate holds); else any UNSAFE →
   * UNSAFE; else UNDETERMINED.
   */
  get status(): SafetyStatus {
    const statuses = this.results.map((r) => r.status);
    if (statuses.includes(SafetyStatus.ERROR)) return SafetyStatus.ERROR;
    if (this.executedCount > 0 && this.passRate >= this.threshold) return SafetyStatus.SAFE;
    if (statuses.includes(SafetyStatus.UNSAFE)) return SafetyStatus.UNSAFE;
    return SafetyStatus.UNDETERMINED;
  }

  /** True exactly when `status` is SAFE. */
  get safe(): boolean {
    return this.status === SafetyStatus.SAFE;
  }

  /** e.g. `8/10 trials safe (80.0% pass rate, threshold: 80.0%); status: safe`. */
  get summary(): string {
    return `${this.safeCount}/${this.executedCount} trials safe (${formatPercent(this.passRate, 1)} pass rate, threshold: ${formatPercent(this.threshold, 1)}); status: ${this.status}`;
  }

  toString(): string {
    return `PopulationResult(status=${this.status}, summary=${JSON.stringify(this.summary)})`;
  }
}
