/** Turns what a test author passes as `trigger` / `prompts` into a PromptDriver. */
import type { PromptDriver } from '../protocol/prompt-driver';
import type { RequestInput } from '../protocol/request';
import { describeValue } from '../../model/value-description';
import { StaticDriver } from './static-driver';

/** A prompt, a request, a list of them, or a driver. */
export type DriverInput =
  string | RequestInput | ReadonlyArray<string | RequestInput> | PromptDriver;

/** True for objects with a `nextPrompt` method. */
export function isPromptDriver(value: unknown): value is PromptDriver {
  return (
    value !== null &&
    typeof value === 'object' &&
    typeof (value as Partial<PromptDriver>).nextPrompt === 'function'
  );
}

/**
 * A driver for `value`: drivers pass through; a string, a request or a list
 * of them becomes a {@link StaticDriver}. `what` names the argument in errors.
 */
export function coerceDriver(value: DriverInput, what: string): PromptDriver {
  if (isPromptDriver(value)) return value;
  if (typeof value === 'string' || Array.isArray(value)) {
    return new StaticDriver({ prompts: typeof value === 'string' ? [value] : value });
  }
  if (value !== null && typeof value === 'object')
    return new StaticDriver({ prompts: [value as RequestInput] });
  throw new TypeError(
    `${what} must be a prompt string, a Request, an array of them, or a PromptDriver, got ${describeValue(value)}`,
  );
}
