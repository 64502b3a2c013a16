/**
 * How long an endpoint asked us to wait before the next attempt: the
 * `retry-after-ms` header (OpenAI, Azure) or `Retry-After` in seconds or as
 * an HTTP date (RFC 9110 §10.2.3).
 */

/** Response headers as `fetch` gives them or as a plain record (the AI SDK's). */
export type HeaderSource =
  { get(name: string): string | null } | Readonly<Record<string, string | undefined>>;

function header(headers: HeaderSource, name: string): string | undefined {
  if (typeof (headers as { get?: unknown }).get === 'function') {
    return (headers as { get(name: string): string | null }).get(name) ?? undefined;
  }
  for (const [key, value] of Object.entries(headers as Record<string, string | undefined>))
    if (key.toLowerCase() === name) return value;
  return undefined;
}

/**
 * The wait the headers ask for, in milliseconds (0 or more), or null when
 * they ask for none or it cannot be read. `now` is epoch milliseconds.
 */
export function retryAfterMs(headers: HeaderSource | null | undefined, now: number): number | null {
  if (!headers) return null;
  const ms = header(headers, 'retry-after-ms')?.trim();
  if (ms && /^\d+(\.\d+)?$/.test(ms)) return Math.ceil(Number(ms));
  const value = header(headers, 'retry-after')?.trim();
  if (!value) return null;
  if (/^\d+(\.\d+)?$/.test(value)) return Math.ceil(Number(value) * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}
