/**
 * The options of the model-call policy (docs/real-endpoints.md) as plain,
 * checked data: what `configureModelCalls()` takes, what the reporter's
 * `modelCalls` option takes and hands to its workers, divided among them.
 * The policy itself lives with the models (agent/llm/call-policy.ts).
 */
import { describeValue } from './value-description';
import { argumentChecks } from './value-checks';

/** Cassette modes: record answers, replay them offline, or neither. */
export const CassetteMode = { RECORD: 'record', REPLAY: 'replay', OFF: 'off' } as const;
/** One of the {@link CassetteMode} values. */
export type CassetteMode = (typeof CassetteMode)[keyof typeof CassetteMode];

/** Options of the model-call policy; every field optional. */
export interface ModelCallOptions {
  /** Attempts per call, the first included; default 4. */
  maxAttempts?: number;
  /** First backoff delay, doubled per retry, with jitter; default 1000 ms. */
  baseDelayMs?: number;
  /** Longest single backoff delay; default 30000 ms. */
  maxDelayMs?: number;
  /** Timeout of one attempt; default 60000 ms. */
  attemptTimeoutMs?: number;
  /** Calls in flight at once, per model, in this process; default 8. */
  concurrency?: number;
  /** Requests per minute, per model, in this process (null: no limit). */
  requestsPerMinute?: number | null;
  /** Tokens (input + output, as reported) per minute, per model, in this process (null: no limit). */
  tokensPerMinute?: number | null;
  /** Model calls this process may still start (null: no budget); later calls fail. */
  maxCalls?: number | null;
  /** Cassette mode; the `RAMPART_CASSETTE` environment variable overrides it. */
  cassette?: CassetteMode;
  /** Cassette directory; `RAMPART_CASSETTE_DIR` overrides it. Default `__cassettes__` under the working directory. */
  cassetteDir?: string;
}

/** Every setting resolved. */
export type ModelCallSettings = Required<ModelCallOptions>;

/** Settings of a process nobody configured. */
export const DEFAULT_MODEL_CALL_SETTINGS: ModelCallSettings = Object.freeze({
  maxAttempts: 4,
  baseDelayMs: 1000,
  maxDelayMs: 30_000,
  attemptTimeoutMs: 60_000,
  concurrency: 8,
  requestsPerMinute: null,
  tokensPerMinute: null,
  maxCalls: null,
  cassette: CassetteMode.OFF,
  cassetteDir: '__cassettes__',
});

/** The environment variable that carries the reporter's settings to its workers. */
export const MODEL_CALLS_ENV = 'RAMPART_MODEL_CALLS';

function positiveOrNull(value: unknown, what: string): number | null {
  return value === null ? null : argumentChecks.integer(value, what, 1);
}

/** Checks `options` (naming them `what`); returns the fields that are set. */
export function checkModelCallOptions(options: unknown, what: string): ModelCallOptions {
  if (options === undefined) return {};
  if (options === null || typeof options !== 'object' || Array.isArray(options))
    throw new TypeError(`${what} must be an object, got ${describeValue(options)}`);
  const o = options as Record<string, unknown>;
  const known = Object.keys(DEFAULT_MODEL_CALL_SETTINGS);
  for (const key of Object.keys(o)) {
    if (!known.includes(key))
      throw new TypeError(
        `${what}.${key} must be one of ${known.join(', ')}, got ${describeValue(key)}`,
      );
  }
  const checked: ModelCallOptions = {};
  const at = (key: string): string => `${what}.${key}`;
  if (o.maxAttempts !== undefined)
    checked.maxAttempts = argumentChecks.integer(o.maxAttempts, at('maxAttempts'), 1);
  if (o.baseDelayMs !== undefined)
    checked.baseDelayMs = argumentChecks.integer(o.baseDelayMs, at('baseDelayMs'), 0);
  if (o.maxDelayMs !== undefined)
    checked.maxDelayMs = argumentChecks.integer(o.maxDelayMs, at('maxDelayMs'), 0);
  if (o.attemptTimeoutMs !== undefined)
    checked.attemptTimeoutMs = argumentChecks.integer(
      o.attemptTimeoutMs,
      at('attemptTimeoutMs'),
      1,
    );
  if (o.concurrency !== undefined)
    checked.concurrency = argumentChecks.integer(o.concurrency, at('concurrency'), 1);
  if (o.requestsPerMinute !== undefined)
    checked.requestsPerMinute = positiveOrNull(o.requestsPerMinute, at('requestsPerMinute'));
  if (o.tokensPerMinute !== undefined)
    checked.tokensPerMinute = positiveOrNull(o.tokensPerMinute, at('tokensPerMinute'));
  if (o.maxCalls !== undefined)
    checked.maxCalls =
      o.maxCalls === null ? null : argumentChecks.integer(o.maxCalls, at('maxCalls'), 0);
  if (o.cassette !== undefined)
    checked.cassette = argumentChecks.enumValue(CassetteMode, o.cassette, at('cassette'));
  if (o.cassetteDir !== undefined)
    checked.cassetteDir = argumentChecks.nonBlankString(o.cassetteDir, at('cassetteDir'));
  return checked;
}

/**
 * A worker's share of run-wide options: requests and tokens per minute,
 * calls in flight and the call budget divided by `workers` (rounded down,
 * at least 1); the rest as given.
 */
export function workerShare(options: ModelCallOptions, workers: number): ModelCallOptions {
  const share = (n: number | null | undefined): number | null | undefined =>
    n === null || n === undefined ? n : Math.max(1, Math.floor(n / workers));
  const result: ModelCallOptions = { ...options };
  if (options.requestsPerMinute !== undefined)
    result.requestsPerMinute = share(options.requestsPerMinute) ?? null;
  if (options.tokensPerMinute !== undefined)
    result.tokensPerMinute = share(options.tokensPerMinute) ?? null;
  if (options.concurrency !== undefined) result.concurrency = share(options.concurrency) ?? 1;
  if (options.maxCalls !== undefined)
    result.maxCalls = options.maxCalls === null ? null : Math.floor(options.maxCalls / workers);
  return result;
}
