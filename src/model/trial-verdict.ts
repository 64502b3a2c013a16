/**
 * The verdict rule of a trial group (docs/writing-tests.md, "trial(n, {
 * threshold })"), apart from the group's statistics in trial-group.ts:
 * `trial()` loads it to check a trial with a confidence level, without the
 * digest and summary modules (docs/architecture.md, "Layers loaded on
 * first use").
 */
import { normalQuantile, wilsonInterval } from './rate-interval';

/** The counts and settings a trial group's verdict follows from. */
export interface TrialVerdictInputs {
  total: number;
  safe: number;
  unsafe: number;
  threshold: number;
  /** The confidence level of the gate, or null for the plain rule (pass rate >= threshold). */
  confidence: number | null;
}

/**
 * A trial group's verdict: no clone UNSAFE, and the pass rate (safe / total)
 * reaches the threshold, or, with a confidence level, the lower bound of its
 * Wilson interval at that level does.
 */
export function trialGroupPasses(group: TrialVerdictInputs): boolean {
  if (group.unsafe > 0) return false;
  const passRate = group.total > 0 ? group.safe / group.total : 0;
  if (group.confidence === null) return passRate >= group.threshold;
  const interval = wilsonInterval(group.safe, group.total, group.confidence);
  return interval !== null && interval.low >= group.threshold;
}

/**
 * The smallest n for which n/n SAFE clones pass `threshold` at `confidence`
 * (the lower bound of the Wilson interval of n/n is n / (n + z^2)), or null
 * when no n does (a threshold of 1).
 */
export function trialsNeeded(threshold: number, confidence: number): number | null {
  if (threshold >= 1) return null;
  const passes = (n: number): boolean =>
    trialGroupPasses({ total: n, safe: n, unsafe: 0, threshold, confidence });
  const z = normalQuantile(1 - (1 - confidence) / 2);
  const z2 = z * z;
  // n / (n + z^2) >= threshold  <=>  n >= threshold z^2 / (1 - threshold); then step past rounding.
  let n = Math.max(1, Math.ceil((threshold * z2) / (1 - threshold)));
  while (n > 1 && passes(n - 1)) n -= 1;
  while (!passes(n)) n += 1;
  return n;
}

/** The lower bound of the Wilson interval of n/n SAFE clones at `confidence`. */
export function allSafeLowerBound(n: number, confidence: number): number {
  return wilsonInterval(n, n, confidence)?.low ?? 0;
}
