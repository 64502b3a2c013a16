/**
 * Makes any value JSON-safe without throwing: cycles, BigInt, functions,
 * symbols, non-finite numbers, lone UTF-16 surrogates, throwing getters and
 * revoked proxies all become plain JSON. Keys such as `__proto__` are kept as
 * ordinary data properties, never as prototypes (SPEC §3, hostile values).
 */

/** A JSON value. */
export type JsonValue =
  null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/** Nesting beyond this depth is replaced by a marker. */
export const MAX_JSON_DEPTH = 32;

// Lone surrogates cannot be encoded as UTF-8; replace them with U+FFFD.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** `text` with lone surrogates replaced by U+FFFD. */
export function toWellFormed(text: string): string {
  return text.replace(LONE_SURROGATE, '\uFFFD');
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

function describeThrown(error: unknown): string {
  try {
    // Structural, not instanceof: errors from a test's realm have another Error class.
    const message = (error as { message?: unknown } | null)?.message;
    return typeof message === 'string' ? message : String(error);
  } catch {
    return 'unknown error';
  }
}

/** Converts `value` into a JSON value. Never throws. */
export function toJsonSafe(value: unknown): JsonValue {
  return convert(value, 0, new Set());
}

/** Converts a free-form mapping; anything that is not an object becomes `{}` plus a `_value` entry. */
export function toJsonSafeRecord(value: unknown): Record<string, JsonValue> {
  const converted = toJsonSafe(value);
  if (converted !== null && typeof converted === 'object' && !Array.isArray(converted))
    return converted;
  if (value === undefined || value === null) return {};
  const wrapped: Record<string, JsonValue> = {};
  defineEntry(wrapped, '_value', converted);
  return wrapped;
}

function convert(value: unknown, depth: number, ancestors: Set<object>): JsonValue {
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
      return toWellFormed(value.toString());
    case 'function':
      return `[Function: ${toWellFormed(safeName(value))}]`;
    default:
      break;
  }
  if (value === null) return null;
  const object = value as object;
  if (ancestors.has(object)) return '[Circular]';
  if (depth >= MAX_JSON_DEPTH) return '[Max depth]';
  ancestors.add(object);
  try {
    return convertObject(object, depth, ancestors);
  } catch (error) {
    return `[Unreadable: ${toWellFormed(describeThrown(error))}]`;
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

function convertObject(object: object, depth: number, ancestors: Set<object>): JsonValue {
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
    for (let i = 0; i < object.length; i += 1) out.push(convert(object[i], depth + 1, ancestors));
    return out;
  }
  if (tag === '[object Map]') {
    return [...Map.prototype.entries.call(object)].map(([k, v]) => [
      convert(k, depth + 1, ancestors),
      convert(v, depth + 1, ancestors),
    ]);
  }
  if (tag === '[object Set]') {
    return [...Set.prototype.values.call(object)].map((v) => convert(v, depth + 1, ancestors));
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
    return convert(toJSON.call(object), depth + 1, ancestors);
  }
  const out: Record<string, JsonValue> = {};
  for (const key of Object.keys(object)) {
    let entry: unknown;
    try {
      entry = (object as Record<string, unknown>)[key];
    } catch (error) {
      entry = `[Unreadable: ${describeThrown(error)}]`;
    }
    if (entry === undefined) continue; // as JSON.stringify does
    defineEntry(out, toWellFormed(key), convert(entry, depth + 1, ancestors));
  }
  return out;
}
