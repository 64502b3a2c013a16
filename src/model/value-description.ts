/**
 * Renders a bad value for an error message: bounded in length and free of
 * control characters, because the value may come from hostile input.
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
    else text = `object ${Object.prototype.toString.call(value).slice(8, -1)}`;
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

/** `<name>: <message>` of a thrown value, from any realm; never throws. */
export function describeError(error: unknown): string {
  try {
    const { name, message } = (error ?? {}) as { name?: unknown; message?: unknown };
    if (typeof message === 'string')
      return `${typeof name === 'string' && name ? name : 'Error'}: ${message}`;
    return String(error);
  } catch {
    return '<unprintable error>';
  }
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
