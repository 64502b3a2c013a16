/**
 * Makes any value JSON-safe without throwing: cycles, BigInt, functions,
 * symbols, non-finite numbers, lone UTF-16 surrogates, throwing getters and
 * revoked proxies all become plain JSON. Keys such as `__proto__` are kept as
 * ordinary data properties, never as prototypes (docs/reliability.md,
 * "Hostile values").
 */
import { errorParts } from './value-description';

/** A JSON value. */
export type JsonValue =
  null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/** Nesting beyond this depth is replaced by a marker. */
const MAX_JSON_DEPTH = 32;

// Lone surrogates cannot be encoded as UTF-8; replace them with U+FFFD.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** `text` with lone surrogates replaced by U+FFFD. */
export function toWellFormed(text: string): string {
  // The native check first: almost every string is well formed, and the scan is the cost.
  return (text as { isWellFormed?: () => boolean }).isWellFormed?.() === true
    ? text
    : text.replace(LONE_SURROGATE, '\uFFFD');
}

/** A string that JSON writes as is, between quotes: no quote, backslash, control or surrogate unit. */
// eslint-disable-next-line no-control-regex -- control characters are what JSON escapes
const PLAIN_STRING = /^[^"\\\u0000-\u001f\ud800-\udfff]*$/;

/** `JSON.stringify(text)`, without its escaping pass for the usual string that needs none. */
export function jsonString(text: string): string {
  return PLAIN_STRING.test(text) ? `"${text}"` : JSON.stringify(text);
}

/** Sets `key` as an own enumerable data property, also when it is `__proto__`. */
export function defineEntry(target: Record<string, unknown>, key: string, value: unknown): void {
  // Plain assignment is fast; only `__proto__` would hit the prototype setter.
  if (key === '__proto__') {
    Object.defineProperty(target, key, {
      value,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  } else {
    target[key] = value;
  }
}

/**
 * Where a conversion reports what could not be represented as JSON (a
 * function, a symbol, a circular reference, nesting too deep, an unreadable
 * value): the top-level keys of the converted record under which that
 * happened, in first-seen order.
 */
export interface LossyKeys {
  keys: string[];
}

/** State of one conversion. */
interface Conversion {
  ancestors: Set<object>;
  lossy: LossyKeys | undefined;
  /** Top-level key being converted (for `lossy`). */
  topKey: string | null;
}

function markLossy(conversion: Conversion): void {
  const { lossy, topKey } = conversion;
  if (lossy && topKey !== null && !lossy.keys.includes(topKey)) lossy.keys.push(topKey);
}

/** Converts `value` into a JSON value. Never throws. */
export function toJsonSafe(value: unknown): JsonValue {
  return convert(value, 0, { ancestors: new Set(), lossy: undefined, topKey: null });
}

/**
 * Converts a free-form mapping; anything that is not an object becomes `{}`
 * plus a `_value` entry. With `lossy`, the keys whose values could not be
 * represented as JSON are added to it (upstream warns about them).
 */
export function toJsonSafeRecord(value: unknown, lossy?: LossyKeys): Record<string, JsonValue> {
  const converted = convert(value, 0, { ancestors: new Set(), lossy, topKey: null });
  if (converted !== null && typeof converted === 'object' && !Array.isArray(converted))
    return converted;
  if (value === undefined || value === null) return {};
  const wrapped: Record<string, JsonValue> = {};
  defineEntry(wrapped, '_value', converted);
  return wrapped;
}

function convert(value: unknown, depth: number, conversion: Conversion): JsonValue {
  switch (typeof value) {
    case 'string':
      return toWellFormed(value);
    case 'number':
      return Number.isFinite(value) ? (Object.is(value, -0) ? 0 : value) : null;
    case 'boolean':
      return value;
    case 'bigint':
      return value.toString();
    case 'undefined':
      return null;
    case 'symbol':
      markLossy(conversion);
      return toWellFormed(value.toString());
    case 'function':
      markLossy(conversion);
      return `[Function: ${toWellFormed(safeName(value))}]`;
    default:
      break;
  }
  if (value === null) return null;
  const object = value as object;
  const { ancestors } = conversion;
  if (ancestors.has(object) || depth >= MAX_JSON_DEPTH) {
    markLossy(conversion);
    return ancestors.has(object) ? '[Circular]' : '[Max depth]';
  }
  ancestors.add(object);
  try {
    return convertObject(object, depth, conversion);
  } catch (error) {
    markLossy(conversion);
    return `[Unreadable: ${toWellFormed(errorParts(error).message)}]`;
  } finally {
    ancestors.delete(object);
  }
}

function safeName(fn: unknown): string {
  try {
    const name = (fn as { name?: unknown }).name;
    return typeof name === 'string' && name ? name : 'anonymous';
  } catch {
    return 'anonymous';
  }
}

function convertObject(object: object, depth: number, conversion: Conversion): JsonValue {
  // Type tags, not instanceof: values recorded in a test come from another realm.
  const tag = Object.prototype.toString.call(object);
  if (tag === '[object Date]') {
    const time = Date.prototype.getTime.call(object);
    return Number.isNaN(time) ? null : new Date(time).toISOString();
  }
  if (ArrayBuffer.isView(object) || tag === '[object ArrayBuffer]') {
    return `[${tag.slice(8, -1)} ${(object as ArrayBuffer).byteLength} bytes]`;
  }
  if (Array.isArray(object)) {
    const out: JsonValue[] = [];
    for (let i = 0; i < object.length; i += 1) out.push(convert(object[i], depth + 1, conversion));
    return out;
  }
  if (tag === '[object Map]') {
    return [...Map.prototype.entries.call(object)].map(([k, v]) => [
      convert(k, depth + 1, conversion),
      convert(v, depth + 1, conversion),
    ]);
  }
  if (tag === '[object Set]') {
    return [...Set.prototype.values.call(object)].map((v) => convert(v, depth + 1, conversion));
  }
  if (tag === '[object Error]') {
    const error = object as Error;
    const out: Record<string, JsonValue> = {};
    defineEntry(out, 'name', toWellFormed(String(error.name)));
    defineEntry(out, 'message', toWellFormed(String(error.message)));
    return out;
  }
  const toJSON = (object as { toJSON?: unknown }).toJSON;
  if (typeof toJSON === 'function') {
    return convert(toJSON.call(object), depth + 1, conversion);
  }
  const out: Record<string, JsonValue> = {};
  for (const key of Object.keys(object)) {
    if (depth === 0) conversion.topKey = key;
    let entry: unknown;
    try {
      entry = (object as Record<string, unknown>)[key];
    } catch (error) {
      markLossy(conversion);
      entry = `[Unreadable: ${errorParts(error).message}]`;
    }
    if (entry === undefined) continue; // as JSON.stringify does
    defineEntry(out, toWellFormed(key), convert(entry, depth + 1, conversion));
  }
  return out;
}
