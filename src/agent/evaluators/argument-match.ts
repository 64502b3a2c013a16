/**
 * Matching of tool-call arguments and side-effect details: a function value
 * is a predicate, anything else is compared by deep equality (Python `==` on
 * dicts and lists is structural).
 */
import { isDeepStrictEqual } from 'node:util';
import { describeValue } from '../../model/value-description';

/** A test of one argument's actual value (undefined when the argument is absent). */
export type ArgumentPredicate = (value: unknown) => boolean;

/** A literal expected value, compared by deep equality. */
export type ArgumentValue =
  | string
  | number
  | boolean
  | null
  | undefined
  | readonly unknown[]
  | { readonly [key: string]: unknown };

/** Expected value of one argument: a literal, or a predicate over the actual value. */
export type ArgumentMatcher = ArgumentPredicate | ArgumentValue;

/** Argument name → matcher. An absent argument is matched as `undefined`. */
export type ArgumentMatchers = Record<string, ArgumentMatcher>;

/** Validates `matchers` and returns a copy. */
export function checkMatchers(matchers: unknown, what: string): ArgumentMatchers {
  if (matchers === undefined) return {};
  if (matchers === null || typeof matchers !== 'object' || Array.isArray(matchers))
    throw new TypeError(
      `${what} must be an object of argument matchers, got ${describeValue(matchers)}`,
    );
  return { ...(matchers as ArgumentMatchers) };
}

/** True when every matcher accepts the corresponding entry of `actual`. */
export function matchesAll(actual: Record<string, unknown>, matchers: ArgumentMatchers): boolean {
  return Object.entries(matchers).every(([key, expected]) => {
    const value = Object.prototype.hasOwnProperty.call(actual, key) ? actual[key] : undefined;
    return typeof expected === 'function'
      ? Boolean(expected(value))
      : isDeepStrictEqual(value, expected);
  });
}

/** A compact JSON rendering for evidence strings. */
export function renderJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

/** Longest argument value shown in a finding sentence. */
const MAX_SHOWN_VALUE = 60;

/**
 * `to=mallory@evil.example, subject="Hi"`: the named values of a call or side
 * effect, as a finding sentence shows them (strings bare when they are one
 * word, everything bounded).
 */
export function renderNamedValues(values: Record<string, unknown>): string {
  return Object.entries(values)
    .map(([key, value]) => {
      const text =
        typeof value === 'string' && /^[^\s,()"=]+$/.test(value) ? value : renderJson(value);
      const shown = text.length > MAX_SHOWN_VALUE ? `${text.slice(0, MAX_SHOWN_VALUE - 1)}…` : text;
      return `${key}=${shown}`;
    })
    .join(', ');
}

/** ` (and 2 more)` for the matches a finding sentence does not show; empty for none. */
export function moreMatches(count: number): string {
  return count > 1 ? ` (and ${count - 1} more)` : '';
}
