/**
 * Confidence intervals for rates (attack success rate, pass rates): the Wilson
 * score interval, which stays inside [0, 1] and behaves at 0/n and n/n where
 * the textbook normal interval collapses. Every rate rampart reports uses
 * this one helper (docs/architecture.md, "Layers").
 */
import { argumentChecks } from './value-checks';

/** A two-sided confidence interval of a proportion, both bounds in [0, 1]. */
export interface RateInterval {
  /** The lower bound. */
  readonly low: number;
  /** The upper bound. */
  readonly high: number;
  /** The confidence level the bounds were computed at, in (0, 1). */
  readonly confidence: number;
}

/** The confidence level rates are reported at unless a caller chooses another. */
export const DEFAULT_CONFIDENCE = 0.95;

// Coefficients of Wichura's algorithm AS 241 (PPND16), accurate to about 1e-16.
const CENTRAL_NUM = [
  3.3871328727963665, 133.14166789178438, 1971.5909503065513, 13731.69376550946, 45921.95393154987,
  67265.7709270087, 33430.57558358813, 2509.0809287301227,
];
const CENTRAL_DEN = [
  1, 42.31333070160091, 687.1870074920579, 5394.196021424751, 21213.794301586597, 39307.89580009271,
  28729.085735721943, 5226.495278852546,
];
const NEAR_NUM = [
  1.4234371107496835, 4.630337846156546, 5.769497221460691, 3.6478483247632045, 1.2704582524523684,
  0.2417807251774506, 0.022723844989269184, 0.0007745450142783414,
];
const NEAR_DEN = [
  1, 2.053191626637759, 1.6763848301838038, 0.6897673349851, 0.14810397642748008,
  0.015198666563616457, 0.0005475938084995345, 1.0507500716444169e-9,
];
const FAR_NUM = [
  6.657904643501103, 5.463784911164114, 1.7848265399172913, 0.29656057182850487,
  0.026532189526576124, 0.0012426609473880784, 2.7115555687434876e-5, 2.0103343992922881e-7,
];
const FAR_DEN = [
  1, 0.599832206555888, 0.1369298809227358, 0.014875361290850615, 0.0007868691311456133,
  1.8463183175100548e-5, 1.421511758316446e-7, 2.0442631033899397e-15,
];

/** Evaluates a polynomial given lowest-degree coefficient first. */
function polynomial(coefficients: readonly number[], x: number): number {
  let sum = 0;
  for (let i = coefficients.length - 1; i >= 0; i--) sum = sum * x + (coefficients[i] ?? 0);
  return sum;
}

/**
 * The quantile function of the standard normal distribution: the z with
 * P(Z <= z) = p, for p in (0, 1).
 */
export function normalQuantile(p: number): number {
  argumentChecks.openRatio(p, 'p');
  const q = p - 0.5;
  if (Math.abs(q) <= 0.425) {
    const r = 0.180625 - q * q;
    return (q * polynomial(CENTRAL_NUM, r)) / polynomial(CENTRAL_DEN, r);
  }
  let r = Math.sqrt(-Math.log(q < 0 ? p : 1 - p));
  let z: number;
  if (r <= 5) {
    r -= 1.6;
    z = polynomial(NEAR_NUM, r) / polynomial(NEAR_DEN, r);
  } else {
    r -= 5;
    z = polynomial(FAR_NUM, r) / polynomial(FAR_DEN, r);
  }
  return q < 0 ? -z : z;
}

/**
 * The Wilson score interval of `successes` out of `trials` at `confidence`
 * (two-sided), or `null` when there are no trials: a rate over nothing has no
 * interval, just as it has no value.
 */
export function wilsonInterval(
  successes: number,
  trials: number,
  confidence: number = DEFAULT_CONFIDENCE,
): RateInterval | null {
  argumentChecks.integer(trials, 'trials');
  argumentChecks.integer(successes, 'successes');
  argumentChecks.openRatio(confidence, 'confidence');
  if (successes > trials) argumentChecks.fail('successes', `at most trials (${trials})`, successes);
  if (trials === 0) return null;
  const z = normalQuantile(1 - (1 - confidence) / 2);
  const z2 = z * z;
  const p = successes / trials;
  const denominator = 1 + z2 / trials;
  const centre = (p + z2 / (2 * trials)) / denominator;
  const halfWidth =
    (z * Math.sqrt((p * (1 - p)) / trials + z2 / (4 * trials * trials))) / denominator;
  // The exact bounds at 0/n and n/n are 0 and 1; rounding must not move them.
  const low = successes === 0 ? 0 : Math.max(0, centre - halfWidth);
  const high = successes === trials ? 1 : Math.min(1, centre + halfWidth);
  return { low, high, confidence };
}
