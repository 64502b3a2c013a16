/**
 * The one set of value checks: of arguments and options ({@link argumentChecks},
 * TypeErrors) and of JSON that comes from outside (spool lines, trace records,
 * report files, each reader with its own error). Every message has one form,
 * `<what> must be <expected>, got <value>`, naming the argument, option or
 * JSON path and describing the bad value (describeValue: bounded, escaped).
 */
import { describeValue } from './value-description';
import { isEnumValue } from './wire-enum';

/** Makes the error a reader or a check throws from a finished message. */
export type CheckErrorFactory = (message: string) => Error;

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/** `path.key`, or `path["key"]` (escaped and bounded: keys are hostile) when `key` is no identifier. */
export function keyPath(path: string, key: string): string {
  return IDENTIFIER.test(key) ? `${path}.${key}` : `${path}[${describeValue(key, 60)}]`;
}

/** `path[index]`. */
export function indexPath(path: string, index: number): string {
  return `${path}[${index}]`;
}

/** The own property `key` of `object` (never one inherited from Object.prototype). */
export function ownField(object: Record<string, unknown>, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(object, key) ? object[key] : undefined;
}

/** Checks that throw the errors of one caller; `what` names the checked value in the message. */
export class ValueChecks {
  constructor(private readonly makeError: CheckErrorFactory) {}

  /** Throws `<what> must be <expected>, got <value>`; `got` replaces the described value. */
  fail(what: string, expected: string, value: unknown, got = describeValue(value)): never {
    throw this.makeError(`${what} must be ${expected}, got ${got}`);
  }

  /** An object that is not an array. */
  object(value: unknown, what: string): Record<string, unknown> {
    if (value === null || typeof value !== 'object' || Array.isArray(value))
      this.fail(what, 'an object', value);
    return value as Record<string, unknown>;
  }

  /** An array. */
  array(value: unknown, what: string): unknown[] {
    return Array.isArray(value) ? value : this.fail(what, 'an array', value);
  }

  /** A string. */
  string(value: unknown, what: string): string {
    return typeof value === 'string' ? value : this.fail(what, 'a string', value);
  }

  /** A string of at least one character. */
  nonEmptyString(value: unknown, what: string): string {
    return typeof value === 'string' && value.length > 0
      ? value
      : this.fail(what, 'a non-empty string', value);
  }

  /** A string with something besides white space (a name, a title, a directory). */
  nonBlankString(value: unknown, what: string): string {
    return typeof value === 'string' && value.trim().length > 0
      ? value
      : this.fail(what, 'a non-empty string', value);
  }

  /** A string or null; undefined (a missing field) is an error. */
  stringOrNull(value: unknown, what: string): string | null {
    return value === null || typeof value === 'string'
      ? value
      : this.fail(what, 'a string or null', value);
  }

  /** An array of strings. */
  strings(value: unknown, what: string): string[] {
    return this.array(value, what).map((item, i) => this.string(item, indexPath(what, i)));
  }

  /** true or false. */
  boolean(value: unknown, what: string): boolean {
    return typeof value === 'boolean' ? value : this.fail(what, 'true or false', value);
  }

  /** A value of a wire enumeration (result-status.ts, trace-enums.ts, ...). */
  enumValue<T extends Record<string, string>>(e: T, value: unknown, what: string): T[keyof T] {
    return isEnumValue(e, value)
      ? value
      : this.fail(what, `one of ${Object.values(e).join(', ')}`, value);
  }

  /** A safe integer `>= minimum`; `expected` words the bound when it needs a unit. */
  integer(
    value: unknown,
    what: string,
    minimum = 0,
    expected = `an integer >= ${minimum}`,
  ): number {
    return typeof value === 'number' && Number.isSafeInteger(value) && value >= minimum
      ? value
      : this.fail(what, expected, value);
  }

  /** Any safe integer, negative ones included. */
  anyInteger(value: unknown, what: string): number {
    return typeof value === 'number' && Number.isSafeInteger(value)
      ? value
      : this.fail(what, 'an integer', value);
  }

  /** A finite number. */
  finite(value: unknown, what: string): number {
    return typeof value === 'number' && Number.isFinite(value)
      ? value
      : this.fail(what, 'a finite number', value);
  }

  /** A finite number `>= 0`. */
  nonNegative(value: unknown, what: string): number {
    return typeof value === 'number' && Number.isFinite(value) && value >= 0
      ? value
      : this.fail(what, 'a finite number >= 0', value);
  }

  /** A number in [0, 1]: a rate or a threshold. */
  ratio(value: unknown, what: string): number {
    return typeof value === 'number' && value >= 0 && value <= 1
      ? value
      : this.fail(what, 'a number in [0, 1]', value);
  }

  /** A number strictly between 0 and 1: a confidence level or a probability. */
  openRatio(value: unknown, what: string): number {
    return typeof value === 'number' && value > 0 && value < 1
      ? value
      : this.fail(what, 'a number in (0, 1)', value);
  }
}

/** Checks of arguments and options: they throw a TypeError. */
export const argumentChecks: ValueChecks = new ValueChecks((message) => new TypeError(message));
