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
}

/** Largest accepted n: a typo such as 1e6 would otherwise hang test collection. */
const MAX_TRIALS = 10_000;

/** Validated trial arguments. */
export interface TrialSpec {
  n: number;
  threshold: number;
}

/** Validates `trial()` arguments; throws a TypeError naming the bad one. */
export function validateTrialArguments(value: unknown, options: unknown): TrialSpec {
  const n = argumentChecks.integer(value, 'trial(n)', 1);
  if (n > MAX_TRIALS) argumentChecks.fail('trial(n)', `at most ${MAX_TRIALS}`, n);
  if (options === undefined) return { n, threshold: 1 };
  if (options === null || typeof options !== 'object' || Array.isArray(options)) {
    throw new TypeError(
      `trial options must be an object like { threshold: 0.8 }, got ${describeValue(options)}`,
    );
  }
  const unknownKeys = Object.keys(options).filter((key) => key !== 'threshold');
  if (unknownKeys.length > 0) {
    throw new TypeError(
      `trial options has unknown key ${describeValue(unknownKeys[0])}; the only option is threshold`,
    );
  }
  // Only a missing threshold takes the default: null is a bad value like any other.
  const given = (options as { threshold?: unknown }).threshold;
  const threshold = given === undefined ? 1 : given;
  return { n, threshold: argumentChecks.ratio(threshold, 'trial threshold') };
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
