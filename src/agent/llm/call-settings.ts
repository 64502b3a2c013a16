/**
 * The call policy's settings (docs/real-endpoints.md): how often and how
 * fast model calls may go, how failed ones are retried, cassettes and the
 * budget. Resolved in order: defaults, the run-wide settings the reporter
 * hands its workers (`RAMPART_MODEL_CALLS`), `configureModelCalls()`, the
 * model's own options, then the per-call overrides.
 */
import { describeValue } from '../../model/value-description';
import { argumentChecks } from '../../model/value-checks';

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

let configured: ModelCallOptions = {};
let fromEnvironment: ModelCallOptions | null = null;
let generation = 0;

function environmentOptions(): ModelCallOptions {
  if (fromEnvironment !== null) return fromEnvironment;
  const raw = process.env[MODEL_CALLS_ENV];
  fromEnvironment = {};
  if (raw) {
    try {
      fromEnvironment = checkModelCallOptions(JSON.parse(raw), MODEL_CALLS_ENV);
    } catch (error) {
      throw new TypeError(
        `${MODEL_CALLS_ENV} must be JSON model-call options: ${(error as Error).message}`,
      );
    }
  }
  return fromEnvironment;
}

/**
 * Configures every model call of this process (each Jest worker is one):
 * limits, retries, cassettes, budget. Call it in a setup file; fields not
 * given keep their value. Limits already in use keep counting.
 */
export function configureModelCalls(options: ModelCallOptions): void {
  configured = { ...configured, ...checkModelCallOptions(options, 'configureModelCalls options') };
  generation += 1;
}

/** Forgets `configureModelCalls()` and the environment's settings (for tests). */
export function resetModelCalls(): void {
  configured = {};
  fromEnvironment = null;
  generation += 1;
}

/** Bumped by every configuration change, so cached limiters are rebuilt. */
export function settingsGeneration(): number {
  return generation;
}

/** The settings in force, with the model's and the call's overrides on top. */
export function modelCallSettings(...overrides: ModelCallOptions[]): ModelCallSettings {
  const settings: ModelCallSettings = {
    ...DEFAULT_MODEL_CALL_SETTINGS,
    ...environmentOptions(),
    ...configured,
    ...Object.assign({}, ...overrides),
  };
  const mode = process.env.RAMPART_CASSETTE;
  if (mode) settings.cassette = argumentChecks.enumValue(CassetteMode, mode, 'RAMPART_CASSETTE');
  const dir = process.env.RAMPART_CASSETTE_DIR;
  if (dir) settings.cassetteDir = dir;
  return settings;
}
