/**
 * How values and errors are described in messages: the one description of a
 * bad value (bounded in length and free of control characters, because the
 * value may come from hostile input) and the one description of a thrown
 * value, whatever realm or shape it comes from.
 */

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;
/** Longest string shown inside an object's description. */
const MEMBER_STRING_LENGTH = 24;

function quoted(text: string, maxLength: number): string {
  return JSON.stringify(text.length > maxLength ? `${text.slice(0, maxLength - 1)}…` : text);
}

/** The class name of an object that is no plain object (from any realm), else ''. */
function className(value: object): string {
  const prototype = Object.getPrototypeOf(value) as { constructor?: { name?: unknown } } | null;
  const name = prototype?.constructor?.name;
  return typeof name === 'string' && name !== 'Object' ? name : '';
}

/** One member of an object, shallowly: objects inside are not opened. */
function describeMember(value: unknown): string {
  if (typeof value === 'string') return quoted(value, MEMBER_STRING_LENGTH);
  if (value !== null && typeof value === 'object') {
    if (Array.isArray(value)) return `array(${value.length})`;
    const tag = Object.prototype.toString.call(value).slice(8, -1);
    if (tag !== 'Object') return `object ${tag}`;
    const name = className(value);
    return name ? `${name} {…}` : '{…}';
  }
  return describeValue(value);
}

/** `{ key: value, ... }` (with the class name in front for a class instance), cut once past `budget`. */
function describeObject(value: object, budget: number): string {
  const parts: string[] = [];
  let length = 0;
  for (const key of Object.keys(value)) {
    if (length > budget) {
      parts.push('…');
      break;
    }
    const name = IDENTIFIER.test(key) ? key : quoted(key, MEMBER_STRING_LENGTH);
    const part = `${name}: ${describeMember((value as Record<string, unknown>)[key])}`;
    parts.push(part);
    length += part.length + 2;
  }
  const body = parts.length > 0 ? `{ ${parts.join(', ')} }` : '{}';
  const name = className(value);
  return name ? `${name} ${body}` : body;
}

/**
 * Renders a bad value for an error message: strings quoted, arrays by
 * length, plain objects and class instances by their first members, other
 * built-in objects by kind; bounded by `maxLength`, control characters escaped.
 */
export function describeValue(value: unknown, maxLength = 80): string {
  let text: string;
  try {
    if (typeof value === 'string') text = JSON.stringify(value);
    else if (typeof value === 'bigint') text = `${value}n`;
    else if (typeof value === 'symbol') text = value.toString();
    else if (typeof value === 'function') text = `function ${value.name || '(anonymous)'}`;
    else if (value === null || typeof value !== 'object') text = String(value);
    else if (Array.isArray(value)) text = `array(${value.length})`;
    else {
      const tag = Object.prototype.toString.call(value).slice(8, -1);
      text = tag === 'Object' ? describeObject(value, maxLength) : `object ${tag}`;
    }
  } catch {
    text = '<unprintable value>';
  }
  // Escape what JSON.stringify leaves alone (C1 controls, DEL, line separators).
  text = text.replace(
    // eslint-disable-next-line no-control-regex
    /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
  return text.length > maxLength ? `${text.slice(0, maxLength - 1)}…` : text;
}

/** What was thrown, in two parts: its name and its message. */
export interface ErrorParts {
  /**
   * The error's name (`TypeError`, `LlmError`), else its class name; `Error`
   * for a thrown string or a nameless object with a message; else the type.
   */
  name: string;
  /** The error's message; a thrown string itself; any other value described. */
  message: string;
}

/** {@link ErrorParts}, and whether the message is the error's own (not a description of it). */
function readError(error: unknown): ErrorParts & { own: boolean } {
  try {
    if (typeof error === 'string') return { name: 'Error', message: error, own: false };
    if (error === null || typeof error !== 'object')
      return { name: typeof error, message: String(error), own: false };
    const { name, message } = error as { name?: unknown; message?: unknown };
    const given = (typeof name === 'string' && name) || className(error);
    return typeof message === 'string'
      ? { name: given || 'Error', message, own: true }
      : { name: given || typeof error, message: describeValue(error, 200), own: false };
  } catch {
    return { name: 'Error', message: '<unprintable error>', own: false };
  }
}

/**
 * The name and message of a thrown value, from any realm (structural, never
 * `instanceof`); never throws. A value without a string `message` (a plain
 * object, a number) is described rather than printed as `[object Object]`.
 */
export function errorParts(error: unknown): ErrorParts {
  const { name, message } = readError(error);
  return { name, message };
}

/**
 * `<name>: <message>` of a thrown Error (or error-like object); a thrown
 * string as it is; any other value described. Never throws.
 */
export function describeError(error: unknown): string {
  const { name, message, own } = readError(error);
  return own ? `${name}: ${message}` : message;
}

/**
 * What went wrong with a file operation, e.g. `no such file or directory`
 * (the system's words without the syscall and path Node adds); other errors
 * as {@link describeError}.
 */
export function describeFileError(error: unknown): string {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  if (typeof code === 'string' && typeof message === 'string') {
    const system = /^[A-Z0-9_]+: ([^,]+)/.exec(message);
    if (system?.[1]) return system[1];
  }
  return describeError(error);
}
