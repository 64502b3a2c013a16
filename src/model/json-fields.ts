/**
 * Field checks for JSON that comes from outside (spool records, trace
 * records, report files). Each check names the JSON path of the field and the
 * bad value in the one message form, `<path> must be <expected>, got <value>`,
 * and throws the error its reader chose.
 */
import { isEnumValue } from './wire-enum';
import { describeValue } from './value-description';

/** Makes the error a reader throws from a finished message. */
export type FieldErrorFactory = (message: string) => Error;

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

/** Path-aware checks that throw the errors of one reader. */
export class JsonFields {
  constructor(private readonly makeError: FieldErrorFactory) {}

  /** Throws `<path> must be <expected>, got <value>`; `got` replaces the described value. */
  fail(path: string, expected: string, value: unknown, got = describeValue(value)): never {
    throw this.makeError(`${path} must be ${expected}, got ${got}`);
  }

  object(value: unknown, path: string): Record<string, unknown> {
    if (value === null || typeof value !== 'object' || Array.isArray(value))
      this.fail(path, 'an object', value);
    return value as Record<string, unknown>;
  }

  array(value: unknown, path: string): unknown[] {
    return Array.isArray(value) ? value : this.fail(path, 'an array', value);
  }

  string(value: unknown, path: string): string {
    return typeof value === 'string' ? value : this.fail(path, 'a string', value);
  }

  nonEmptyString(value: unknown, path: string): string {
    return typeof value === 'string' && value.length > 0
      ? value
      : this.fail(path, 'a non-empty string', value);
  }

  /** A string or null; undefined (a missing field) is an error. */
  stringOrNull(value: unknown, path: string): string | null {
    return value === null || typeof value === 'string'
      ? value
      : this.fail(path, 'a string or null', value);
  }

  /** An array of strings. */
  strings(value: unknown, path: string): string[] {
    return this.array(value, path).map((item, i) => this.string(item, indexPath(path, i)));
  }

  boolean(value: unknown, path: string): boolean {
    return typeof value === 'boolean' ? value : this.fail(path, 'true or false', value);
  }

  /** A value of a wire enumeration (status.ts). */
  enumValue<T extends Record<string, string>>(e: T, value: unknown, path: string): T[keyof T] {
    return isEnumValue(e, value)
      ? value
      : this.fail(path, `one of ${Object.values(e).join(', ')}`, value);
  }

  /** A safe integer `>= minimum`. */
  integer(value: unknown, path: string, minimum = 0): number {
    return typeof value === 'number' && Number.isSafeInteger(value) && value >= minimum
      ? value
      : this.fail(path, `an integer >= ${minimum}`, value);
  }

  /** A finite number `>= 0`. */
  nonNegative(value: unknown, path: string): number {
    return typeof value === 'number' && Number.isFinite(value) && value >= 0
      ? value
      : this.fail(path, 'a finite number >= 0', value);
  }

  /** A number in [0, 1]. */
  ratio(value: unknown, path: string): number {
    return typeof value === 'number' && value >= 0 && value <= 1
      ? value
      : this.fail(path, 'a number in [0, 1]', value);
  }
}
