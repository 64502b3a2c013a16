/**
 * The real reason a call failed, dug out of `error.cause`: `fetch` throws
 * `TypeError: fetch failed` whose cause says `connect ECONNREFUSED
 * 127.0.0.1:9`; Node's dual-stack connect throws an AggregateError with one
 * error per address and an empty message.
 */
import { errorParts } from '../../model/value-description';

function ownMessage(error: unknown): string {
  const { message } = errorParts(error);
  const errors = (error as { errors?: unknown } | null)?.errors;
  if (message.trim() === '' && Array.isArray(errors) && errors.length > 0)
    return [...new Set(errors.map((e) => errorParts(e).message))].join('; ');
  if (message.trim() === '') {
    const code = (error as { code?: unknown } | null)?.code;
    if (typeof code === 'string') return code;
  }
  return message;
}

/**
 * The message of the innermost cause of `error` (at most 8 levels deep),
 * prefixed by the outer message when that one says more than "fetch failed".
 */
export function rootCauseMessage(error: unknown): string {
  const chain: unknown[] = [error];
  let current = error;
  for (let depth = 0; depth < 8; depth += 1) {
    const cause = (current as { cause?: unknown } | null)?.cause;
    if (cause === undefined || cause === null || chain.includes(cause)) break;
    chain.push(cause);
    current = cause;
  }
  const inner = ownMessage(chain[chain.length - 1]);
  if (chain.length === 1) return inner;
  const outer = ownMessage(error);
  return /^(fetch failed|terminated)$/i.test(outer.trim()) || outer.includes(inner)
    ? inner
    : `${outer} (${inner})`;
}
