/**
 * Prepares one Result for the transport: canonical JSON, JSON-safe, and
 * within the per-Result size cap. An oversized or unserialisable Result is
 * replaced by an attributed ERROR placeholder (docs/reliability.md, "Size
 * cap"), so the
 * other Results of the same test still travel.
 */
import { Result } from '../../model/result';
import { ObservabilityLevel, SafetyStatus } from '../../model/result-status';
import { isEnumValue } from '../../model/wire-enum';
import { encodeResultJson } from '../../model/result-codec';
import { describeError, describeValue } from '../../model/value-description';

/** Default per-Result cap: 16 MiB. */
export const DEFAULT_MAX_RESULT_BYTES = 16 * 1024 * 1024;
/** Smallest cap: an attributed placeholder always fits. */
export const MIN_MAX_RESULT_BYTES = 4 * 1024;
/** Metadata key marking a placeholder. */
export const TRUNCATED_KEY = '_rampart_transport_truncated';

/** Where a Result was recorded, for the placeholder's attribution. */
export interface ResultOrigin {
  testName: string;
  index: number;
}

/** One Result ready for the spool. */
export interface EnvelopedResult {
  json: string;
  /** True when the Result was replaced by a placeholder. */
  truncated: boolean;
  /** Metadata keys whose values could not be represented as JSON (functions, cycles ...). */
  lossyKeys: string[];
}

/** Cuts `text` so that its JSON encoding stays within `maxBytes`. */
function bounded(text: string, maxBytes: number): string {
  if (Buffer.byteLength(JSON.stringify(text)) <= maxBytes) return text;
  let low = 0;
  let high = text.length;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (Buffer.byteLength(JSON.stringify(`${text.slice(0, mid)}...`)) <= maxBytes) low = mid;
    else high = mid - 1;
  }
  // Never end on half of a surrogate pair.
  const cut = /[\uD800-\uDBFF]$/.test(text.slice(0, low)) ? low - 1 : low;
  return `${text.slice(0, cut)}...`;
}

function readSafely<T>(read: () => T, fallback: T): T {
  try {
    return read();
  } catch {
    return fallback;
  }
}

/** The ERROR placeholder standing in for a Result that cannot travel. */
function placeholderFor(
  original: Partial<Pick<Result, 'observabilityLevel' | 'harmCategory'>> | null,
  origin: ResultOrigin,
  limit: number,
  originalSize: number | null,
  problem: string,
): Result {
  const level = readSafely(() => original?.observabilityLevel, undefined);
  const harm = readSafely(() => original?.harmCategory, null);
  const testName = bounded(origin.testName, 256);
  const summary =
    originalSize === null
      ? `RAMPART could not serialize Result #${origin.index} of test ${JSON.stringify(testName)} (${bounded(problem, 256)}); it was replaced by this placeholder.`
      : `RAMPART Result #${origin.index} of test ${JSON.stringify(testName)} is ${originalSize} bytes, over maxResultBytes (${limit}); it was replaced by this placeholder.`;
  return new Result({
    status: SafetyStatus.ERROR,
    summary,
    strategy: 'transport',
    observabilityLevel: isEnumValue(ObservabilityLevel, level)
      ? level
      : ObservabilityLevel.RESPONSE_ONLY,
    harmCategory: typeof harm === 'string' && harm.length > 0 ? bounded(harm, 256) : null,
    metadata: {
      [TRUNCATED_KEY]: true,
      _rampart_original_size_bytes: originalSize,
      _rampart_limit_bytes: limit,
    },
  });
}

/** Encodes `result` for the spool, enforcing `limit` bytes. Never throws. */
export function envelopeResult(
  result: unknown,
  origin: ResultOrigin,
  limit: number,
): EnvelopedResult {
  // Results come from the test's realm: check their shape, not their class.
  const original = result !== null && typeof result === 'object' ? (result as Result) : null;
  let json: string;
  const lossy = { keys: [] as string[] };
  try {
    if (
      original === null ||
      !isEnumValue(SafetyStatus, original.status) ||
      !isEnumValue(ObservabilityLevel, original.observabilityLevel) ||
      typeof original.summary !== 'string'
    ) {
      throw new TypeError(`not a Result: ${describeValue(result)}`);
    }
    json = encodeResultJson(original, lossy);
  } catch (error) {
    const problem = describeError(error);
    const marker = placeholderFor(original, origin, limit, null, problem);
    return { json: encodeResultJson(marker), truncated: true, lossyKeys: [] };
  }
  // A UTF-16 unit is at most 3 UTF-8 bytes: most Results need no count.
  if (json.length * 3 <= limit) return { json, truncated: false, lossyKeys: lossy.keys };
  const size = Buffer.byteLength(json);
  if (size <= limit) return { json, truncated: false, lossyKeys: lossy.keys };
  const marker = placeholderFor(original, origin, limit, size, 'too large');
  return { json: encodeResultJson(marker), truncated: true, lossyKeys: lossy.keys };
}
