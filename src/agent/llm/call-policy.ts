/**
 * The call policy every model call goes through (docs/real-endpoints.md):
 * per-model limits shared by everything in this process (calls in flight, a
 * requests-per-minute and a tokens-per-minute bucket, a pause for everyone
 * when the endpoint says `Retry-After`), retries with exponential backoff and
 * jitter that honour the endpoint's wait and fit inside the execution's
 * deadline, per-attempt timeouts, the execution's abort signal, cassettes,
 * the call budget and the per-role usage tally of the execution.
 */
import { abortableDelay } from '../protocol/abortable-delay';
import { currentExecutionScope } from '../../model/execution-scope';
import { type CompletionRequest, LlmError, LlmErrorReason } from './client';
import { cassetteKey, cassetteRequest, readCassette, writeCassette } from './cassette';
import {
  type ModelCallOptions,
  type ModelCallSettings,
  CassetteMode,
  modelCallSettings,
  settingsGeneration,
} from './call-settings';
import { rootCauseMessage } from './error-cause';
import type { ModelReply } from './language-model';
import { type Clock, Semaphore, TokenBucket } from './token-bucket';

/** Tokens of one reply, when the endpoint reported them. */
export interface Usage {
  inputTokens: number | null;
  outputTokens: number | null;
}

/** A model as the policy calls it: one attempt at a time. */
export interface BoundModel<
  Q extends { signal?: AbortSignal | undefined } = CompletionRequest,
  R extends Usage = ModelReply,
> {
  /** Names the model in messages and keys its limits, e.g. `openai:gpt-4o`. */
  readonly label: string;
  /** The model's id (`gpt-4o`), what usage is counted and prices are given per. */
  readonly model: string;
  /** What determines its answers besides the request (model, parameters): part of the cassette key. */
  readonly identity: unknown;
  /** The model's own settings (e.g. OpenAiChatClient's `maxRetries`). */
  readonly overrides: ModelCallOptions;
  /** One attempt; rejects with an {@link LlmError} (`retryable` set when another may help). */
  attempt(request: Q & { signal: AbortSignal }): Promise<R>;
  /** What of a request determines the answer (stored in a cassette, hashed into its key). */
  keyRequest(request: Q): unknown;
  /** A reply as a cassette stores it (JSON), and back; null when a recording is not one. */
  record(reply: R): unknown;
  replay(recorded: unknown): R | null;
}

/** The cassette handling of a text model (judge, driver, converter, generator). */
export const TEXT_RECORDING = {
  keyRequest: cassetteRequest,
  record: (reply: ModelReply): unknown => reply,
  replay: (recorded: unknown): ModelReply | null => {
    const r = recorded as Partial<ModelReply> | null;
    if (r === null || typeof r !== 'object' || typeof r.text !== 'string') return null;
    return {
      text: r.text,
      inputTokens: r.inputTokens ?? null,
      outputTokens: r.outputTokens ?? null,
    };
  },
};

/** Time and chance as the policy sees them; replaced in tests. */
export interface CallEnvironment extends Clock {
  /** A number in [0, 1). */
  random(): number;
}

const systemEnvironment: CallEnvironment = {
  now: () => Date.now(),
  sleep: (ms, signal) => abortableDelay(ms, signal),
  random: () => Math.random(),
};
let environment: CallEnvironment = systemEnvironment;

/** Replaces the clock and random source (null: the system's), for deterministic tests. */
export function setCallEnvironment(replacement: CallEnvironment | null): void {
  environment = replacement ?? systemEnvironment;
  limiters.clear();
}

/**
 * The wait before retry number `retry` (1 for the first retry): the
 * endpoint's wait when it gave one, plus up to 10% so workers do not return
 * in step; else `baseDelayMs * 2^(retry-1)` capped at `maxDelayMs`, of which
 * a random half is kept ("equal jitter").
 */
export function retryDelayMs(
  retry: number,
  retryAfter: number | null,
  settings: Pick<ModelCallSettings, 'baseDelayMs' | 'maxDelayMs'>,
  random: () => number,
): number {
  if (retryAfter !== null) return Math.ceil(retryAfter * (1 + 0.1 * random()));
  const exponential = Math.min(settings.maxDelayMs, settings.baseDelayMs * 2 ** (retry - 1));
  return Math.round(exponential / 2 + (exponential / 2) * random());
}

/** The limits of one model in this process. */
class Limiter {
  readonly inFlight: Semaphore;
  readonly requests: TokenBucket | null;
  readonly tokens: TokenBucket | null;
  /** `now()` before which nobody calls (the endpoint asked for a pause). */
  pausedUntil = 0;

  constructor(
    settings: ModelCallSettings,
    readonly generation: number,
  ) {
    this.inFlight = new Semaphore(settings.concurrency);
    // One second's worth of requests: a worker that paused (between test files)
    // catches up, in bursts no larger than an endpoint's one-second window.
    this.requests =
      settings.requestsPerMinute === null
        ? null
        : new TokenBucket(
            settings.requestsPerMinute,
            environment,
            Math.max(1, settings.requestsPerMinute / 60),
          );
    this.tokens =
      settings.tokensPerMinute === null
        ? null
        : new TokenBucket(settings.tokensPerMinute, environment);
  }

  async enter(signal: AbortSignal): Promise<() => void> {
    const release = await this.inFlight.acquire(signal);
    try {
      for (;;) {
        const wait = this.pausedUntil - environment.now();
        if (wait > 0) await environment.sleep(wait, signal);
        await this.requests?.take(1, signal);
        await this.tokens?.take(0, signal);
        if (this.pausedUntil <= environment.now()) return release;
      }
    } catch (error) {
      release();
      throw error;
    }
  }
}

const limiters = new Map<string, Limiter>();

function limiterFor(label: string, settings: ModelCallSettings): Limiter {
  const existing = limiters.get(label);
  if (existing && existing.generation === settingsGeneration()) return existing;
  const limiter = new Limiter(settings, settingsGeneration());
  limiters.set(label, limiter);
  return limiter;
}

let callsStarted = 0;

/** Forgets limiters and the budget count (for tests). */
export function resetCallPolicy(): void {
  limiters.clear();
  callsStarted = 0;
}

/** One signal that aborts when any of `signals` does. */
function anySignal(signals: Array<AbortSignal | undefined>): {
  signal: AbortSignal;
  release: () => void;
} {
  const controller = new AbortController();
  const releases: Array<() => void> = [];
  for (const signal of signals) {
    if (!signal) continue;
    if (signal.aborted) {
      controller.abort(signal.reason);
      break;
    }
    const onAbort = (): void => controller.abort(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    releases.push(() => signal.removeEventListener('abort', onAbort));
  }
  return { signal: controller.signal, release: () => releases.forEach((r) => r()) };
}

async function attemptWithTimeout<Q extends { signal?: AbortSignal | undefined }, R extends Usage>(
  model: BoundModel<Q, R>,
  request: Q,
  signal: AbortSignal,
  timeoutMs: number,
): Promise<R> {
  const attempt = new AbortController();
  const timeout = new LlmError(`${model.label} did not answer within ${timeoutMs} ms`, {
    reason: LlmErrorReason.NETWORK,
    retryable: true,
  });
  const linked = anySignal([signal, attempt.signal]);
  const timer = setTimeout(() => attempt.abort(timeout), timeoutMs);
  try {
    return await new Promise<R>((resolve, reject) => {
      linked.signal.addEventListener('abort', () => reject(linked.signal.reason as unknown), {
        once: true,
      });
      model.attempt({ ...request, signal: linked.signal }).then(resolve, reject);
    });
  } catch (error) {
    throw attempt.signal.aborted && !signal.aborted ? timeout : error;
  } finally {
    clearTimeout(timer);
    linked.release();
  }
}

function gaveUp(
  what: string,
  model: { label: string },
  error: unknown,
  attempts: number,
  why = '',
): unknown {
  if (attempts === 1 && why === '') return error;
  const e = error instanceof LlmError ? error : null;
  return new LlmError(
    `${what} call to ${model.label} failed after ${attempts} attempt${attempts === 1 ? '' : 's'}${why}: ${rootCauseMessage(error)}`,
    {
      reason: e?.reason ?? LlmErrorReason.NETWORK,
      status: e?.status ?? null,
      attempts,
      cause: error,
    },
  );
}

/**
 * Calls `model` under the policy: the cassette, the budget, the limits,
 * retries, and the tally of the execution it runs in. `role` names the
 * caller in usage and messages (`judge`, `driver`, ...).
 */
export async function callModel(
  model: BoundModel,
  request: CompletionRequest,
  role: string,
  overrides: ModelCallOptions = {},
): Promise<string> {
  return (await callUnderPolicy(model, request, role, overrides)).text;
}

/** {@link callModel} for any kind of request and reply (an agent's own model: agent-model.ts). */
export async function callUnderPolicy<
  Q extends { signal?: AbortSignal | undefined },
  R extends Usage,
>(model: BoundModel<Q, R>, request: Q, role: string, overrides: ModelCallOptions = {}): Promise<R> {
  const settings = modelCallSettings(model.overrides, overrides);
  const scope = currentExecutionScope();
  const linked = anySignal([request.signal, scope?.signal]);
  const signal = linked.signal;
  try {
    signal.throwIfAborted();
    const entryRequest = model.keyRequest(request);
    const key =
      settings.cassette === CassetteMode.OFF ? '' : cassetteKey(model.identity, entryRequest);
    if (settings.cassette === CassetteMode.REPLAY) {
      const recorded = readCassette(settings.cassetteDir, key);
      const reply = recorded === undefined ? null : model.replay(recorded);
      if (reply === null)
        throw new LlmError(
          `${role} call to ${model.label}: no recorded answer for cassette key ${key} in ${settings.cassetteDir} (record it with RAMPART_CASSETTE=record)`,
          { reason: LlmErrorReason.CASSETTE_MISS },
        );
      scope?.usage.add(role, reply, model.model);
      return reply;
    }
    if (settings.maxCalls !== null && callsStarted >= settings.maxCalls)
      throw new LlmError(
        `${role} call to ${model.label} was not made: the model-call budget (maxCalls ${settings.maxCalls}) is spent`,
        { reason: LlmErrorReason.BUDGET_EXHAUSTED },
      );
    callsStarted += 1;
    const limiter = limiterFor(model.label, settings);
    for (let attempt = 1; ; attempt += 1) {
      const release = await limiter.enter(signal);
      let reply: R;
      try {
        reply = await attemptWithTimeout(model, request, signal, settings.attemptTimeoutMs);
      } catch (error) {
        release();
        if (signal.aborted) throw signal.reason;
        const llm = error instanceof LlmError ? error : null;
        if (llm?.retryAfterMs != null && llm.retryAfterMs > 0)
          limiter.pausedUntil = Math.max(limiter.pausedUntil, environment.now() + llm.retryAfterMs);
        if (!llm?.retryable || attempt >= settings.maxAttempts)
          throw gaveUp(role, model, error, attempt);
        const delay = retryDelayMs(attempt, llm.retryAfterMs, settings, environment.random);
        if (scope?.deadline != null && Date.now() + delay >= scope.deadline)
          throw gaveUp(
            role,
            model,
            error,
            attempt,
            ` (a retry in ${delay} ms would end after the execution's deadline)`,
          );
        await environment.sleep(delay, signal);
        continue;
      }
      release();
      limiter.tokens?.charge((reply.inputTokens ?? 0) + (reply.outputTokens ?? 0));
      scope?.usage.add(role, reply, model.model);
      if (settings.cassette === CassetteMode.RECORD)
        writeCassette(settings.cassetteDir, {
          key,
          model: model.identity,
          request: entryRequest,
          response: model.record(reply),
        });
      return reply;
    }
  } finally {
    linked.release();
  }
}
