/**
 * `trial(n, { threshold })`: expand tests into n clones that form one trial
 * group with a pass-rate threshold (docs/writing-tests.md, "trial(n, {
 * threshold })").
 */
import { describeValue } from '../model/value-description';
import type { ScopedDefinitions } from './definition-types';
import { scopedDefinitions } from './test-api';
import { requireScopeBridge, withScope } from './scope-bridge';
import { argumentChecks } from '../model/value-checks';

/** Options of {@link trial}. */
export interface TrialOptions {
  /** Minimum pass rate (SAFE clones / n) in [0, 1]; default 1.0. */
  threshold?: number;
  /**
   * A confidence level in (0, 1), e.g. 0.95: the group passes only when the
   * lower bound of the Wilson interval of its pass rate reaches `threshold`
   * (docs/diff-and-gates.md). Without it, the pass rate itself must.
   */
  confidence?: number;
}

/** Largest accepted n: a typo such as 1e6 would otherwise hang test collection. */
const MAX_TRIALS = 10_000;

/** Validated trial arguments. */
export interface TrialSpec {
  n: number;
  threshold: number;
  /** Null without a confidence level. */
  confidence: number | null;
}

/** Validates `trial()` arguments; throws a TypeError naming the bad one. */
export function validateTrialArguments(value: unknown, options: unknown): TrialSpec {
  const n = argumentChecks.integer(value, 'trial(n)', 1);
  if (n > MAX_TRIALS) argumentChecks.fail('trial(n)', `at most ${MAX_TRIALS}`, n);
  if (options === undefined) return { n, threshold: 1, confidence: null };
  if (options === null || typeof options !== 'object' || Array.isArray(options)) {
    throw new TypeError(
      `trial options must be an object like { threshold: 0.8 }, got ${describeValue(options)}`,
    );
  }
  const unknownKeys = Object.keys(options).filter(
    (key) => key !== 'threshold' && key !== 'confidence',
  );
  if (unknownKeys.length > 0) {
    throw new TypeError(
      `trial options has unknown key ${describeValue(unknownKeys[0])}; the options are threshold and confidence`,
    );
  }
  // Only a missing option takes the default: null is a bad value like any other.
  const given = options as { threshold?: unknown; confidence?: unknown };
  const threshold = argumentChecks.ratio(
    given.threshold === undefined ? 1 : given.threshold,
    'trial threshold',
  );
  if (given.confidence === undefined) return { n, threshold, confidence: null };
  const confidence = argumentChecks.openRatio(given.confidence, 'trial confidence');
  const verdict = trialVerdict();
  const needed = verdict.trialsNeeded(threshold, confidence);
  if (needed === null || needed > n) {
    const reach = `a threshold of ${threshold} at confidence ${confidence}`;
    throw new TypeError(
      needed === null
        ? `trial(n) cannot reach ${reach}: even n/n SAFE clones give a lower bound below 1; lower the threshold or leave out confidence`
        : `trial(n) must be at least ${needed} to reach ${reach} (even ${n}/${n} SAFE clones give a lower bound of ${verdict.allSafeLowerBound(n, confidence).toFixed(4)}), got ${n}`,
    );
  }
  return { n, threshold, confidence };
}

type TrialVerdict = typeof import('../model/trial-verdict');

/**
 * The verdict rule and its interval, loaded when a trial has a confidence
 * level: most test files never need them (docs/architecture.md, "Layers
 * loaded on first use").
 */
function trialVerdict(): TrialVerdict {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('../model/trial-verdict') as TrialVerdict;
}

function requireBridge(): void {
  const bridge = requireScopeBridge('trial()');
  if (bridge.inTrial()) throw new Error('trial() cannot be nested inside another trial()');
}

/**
 * Repeat tests as a trial group. Scoped: every test defined in `body` is
 * expanded into n tests titled `<title> [trial-i]`. Without `body`:
 * `trial(n, opts).test(...)` (also `.it`, `.describe`, `.each`).
 */
export function trial(n: number, options: TrialOptions, body: () => void): void;
export function trial(n: number, body: () => void): void;
export function trial(n: number, options?: TrialOptions): ScopedDefinitions;
export function trial(
  n: number,
  optionsOrBody?: TrialOptions | (() => void),
  maybeBody?: () => void,
): ScopedDefinitions | void {
  const body = typeof optionsOrBody === 'function' ? optionsOrBody : maybeBody;
  const options = typeof optionsOrBody === 'function' ? undefined : optionsOrBody;
  const spec = validateTrialArguments(n, options);
  if (body !== undefined && typeof body !== 'function') {
    throw new TypeError(
      `trial(n, options, body) body must be a function, got ${describeValue(body)}`,
    );
  }
  const repeat = <T>(define: () => T): T => {
    requireBridge();
    let last: T | undefined;
    for (let index = 0; index < spec.n; index += 1) {
      last = withScope({ trial: { ...spec, index } }, define);
    }
    return last as T;
  };
  if (body === undefined) return scopedDefinitions(repeat);
  repeat(body);
}
