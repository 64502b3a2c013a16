/**
 * An {@link LlmClient} for any OpenAI-compatible `/chat/completions` endpoint
 * (OpenAI, Azure OpenAI's v1 API, vLLM, Ollama, LM Studio, ...) over the
 * global `fetch`: no SDK dependency. One attempt is one request; the call
 * policy (call-policy.ts) retries rate limits (429, honouring `Retry-After`
 * and `retry-after-ms`), server errors (5xx), network failures, timeouts and
 * empty replies, whether the client is called directly or by a judge.
 */
import { describeValue } from '../../model/value-description';
import {
  type ChatMessage,
  type CompletionRequest,
  type LlmClient,
  LlmError,
  LlmErrorReason,
} from './client';
import { argumentChecks } from '../../model/value-checks';
import { type BoundModel, TEXT_RECORDING, callModel } from './call-policy';
import type { ModelCallOptions } from './call-settings';
import { rootCauseMessage } from './error-cause';
import type { ModelReply } from './language-model';
import { retryAfterMs } from './retry-after';

const bindings = new WeakMap<object, BoundModel>();

/** The call-policy binding of an {@link OpenAiChatClient}, or undefined for anything else. */
export function openAiBinding(model: unknown): BoundModel | undefined {
  return model !== null && typeof model === 'object' ? bindings.get(model) : undefined;
}

/** Sampling parameters forwarded to the endpoint (upstream's whitelist). */
export interface ModelParams {
  temperature?: number;
  seed?: number;
  topP?: number;
  n?: number;
  maxTokens?: number;
  maxCompletionTokens?: number;
  presencePenalty?: number;
  frequencyPenalty?: number;
}

/** Options of {@link OpenAiChatClient}. */
export interface OpenAiChatClientOptions {
  /** Base URL, e.g. `https://api.openai.com/v1`; `/chat/completions` is appended. */
  endpoint: string;
  /** Model (or deployment) name, e.g. `gpt-4o`. */
  model: string;
  /** Sent as `Authorization: Bearer <apiKey>` when set (`process.env.OPENAI_API_KEY` may be undefined). */
  apiKey?: string | null | undefined;
  /** Extra headers (e.g. Azure's `api-key`). */
  headers?: Record<string, string>;
  params?: ModelParams;
  /** Retries after the first attempt; default: the call policy's (`maxAttempts` 4, so 3). */
  maxRetries?: number;
  /** First backoff delay, doubled per retry, with jitter; default the call policy's (1000 ms). */
  retryDelayMs?: number;
  /** Per-attempt timeout; default the call policy's `attemptTimeoutMs` (60000 ms). */
  timeoutMs?: number;
}

const PARAM_NAMES: Record<keyof ModelParams, string> = {
  temperature: 'temperature',
  seed: 'seed',
  topP: 'top_p',
  n: 'n',
  maxTokens: 'max_tokens',
  maxCompletionTokens: 'max_completion_tokens',
  presencePenalty: 'presence_penalty',
  frequencyPenalty: 'frequency_penalty',
};

function integerAtLeast(min: number, value: unknown, what: string, fallback: number): number {
  return value === undefined
    ? fallback
    : argumentChecks.integer(value, `OpenAiChatClient ${what}`, min);
}

/** Chat completions over `fetch`. */
export class OpenAiChatClient implements LlmClient {
  private readonly url: string;
  private readonly headers: Record<string, string>;
  private readonly model: string;
  private readonly params: Record<string, number>;

  constructor(options: OpenAiChatClientOptions) {
    if (typeof options?.model !== 'string' || options.model.trim() === '')
      throw new TypeError(
        `OpenAiChatClient model is required (e.g. 'gpt-4o'), got ${describeValue(options?.model)}`,
      );
    if (typeof options.endpoint !== 'string' || !/^https?:\/\//i.test(options.endpoint)) {
      throw new TypeError(
        `OpenAiChatClient endpoint is required (e.g. 'https://api.openai.com/v1'), got ${describeValue(options.endpoint)}`,
      );
    }
    this.url = `${options.endpoint.replace(/\/+$/, '')}/chat/completions`;
    this.model = options.model;
    this.headers = { 'content-type': 'application/json', ...options.headers };
    if (options.apiKey) this.headers.authorization = `Bearer ${options.apiKey}`;
    this.params = {};
    for (const [key, value] of Object.entries(options.params ?? {})) {
      const wire = PARAM_NAMES[key as keyof ModelParams];
      if (!wire) {
        throw new TypeError(
          `OpenAiChatClient params.${key} is not supported; use ${Object.keys(PARAM_NAMES).join(', ')}`,
        );
      }
      this.params[wire] = argumentChecks.finite(value, `OpenAiChatClient params.${key}`);
    }
    const overrides: ModelCallOptions = {};
    if (options.maxRetries !== undefined)
      overrides.maxAttempts = integerAtLeast(0, options.maxRetries, 'maxRetries', 3) + 1;
    if (options.retryDelayMs !== undefined)
      overrides.baseDelayMs = integerAtLeast(0, options.retryDelayMs, 'retryDelayMs', 1000);
    if (options.timeoutMs !== undefined)
      overrides.attemptTimeoutMs = integerAtLeast(1, options.timeoutMs, 'timeoutMs', 60_000);
    bindings.set(this, {
      label: `${this.model} at ${options.endpoint.replace(/\/+$/, '')}`,
      model: this.model,
      // The endpoint is left out: a recording made against one deployment replays against another.
      identity: { model: this.model, params: this.params },
      overrides,
      ...TEXT_RECORDING,
      attempt: (request) => this.attempt(request),
    });
  }

  async complete(request: CompletionRequest): Promise<string> {
    return callModel(bindings.get(this) as BoundModel, request, 'model');
  }

  private async attempt(request: CompletionRequest): Promise<ModelReply> {
    const body = JSON.stringify({
      model: this.model,
      messages: request.messages.map((m: ChatMessage) => ({ role: m.role, content: m.content })),
      ...(request.responseFormat === 'json' ? { response_format: { type: 'json_object' } } : {}),
      ...this.params,
    });
    const signal = request.signal;
    signal?.throwIfAborted();
    let response: globalThis.Response;
    let text: string;
    try {
      response = await fetch(this.url, { method: 'POST', headers: this.headers, body, signal });
      text = await response.text();
    } catch (error) {
      if (signal?.aborted) throw signal.reason;
      throw new LlmError(`LLM request to ${this.url} failed: ${rootCauseMessage(error)}`, {
        reason: LlmErrorReason.NETWORK,
        retryable: true,
        cause: error,
      });
    }
    return this.interpret(response.status, response.headers, text);
  }

  private interpret(status: number, headers: Headers, text: string): ModelReply {
    const fail = (reason: LlmErrorReason, message: string, retryable: boolean): never => {
      throw new LlmError(message, {
        reason,
        status,
        retryable,
        retryAfterMs: retryAfterMs(headers, Date.now()),
      });
    };
    if (status === 429)
      return fail(
        LlmErrorReason.RATE_LIMITED,
        `LLM endpoint rate-limited the request (HTTP 429)`,
        true,
      );
    if (status < 200 || status >= 300) {
      return fail(
        LlmErrorReason.HTTP_ERROR,
        `LLM endpoint answered HTTP ${status}: ${describeValue(text, 200)}`,
        status >= 500,
      );
    }
    let content: unknown;
    let usage: { prompt_tokens?: unknown; completion_tokens?: unknown } | undefined;
    try {
      const parsed = JSON.parse(text) as {
        choices?: Array<{ message?: { content?: unknown } }>;
        usage?: { prompt_tokens?: unknown; completion_tokens?: unknown };
      };
      content = parsed.choices?.[0]?.message?.content;
      usage = parsed.usage;
    } catch {
      return fail(
        LlmErrorReason.BAD_RESPONSE,
        `LLM endpoint returned non-JSON: ${describeValue(text, 200)}`,
        false,
      );
    }
    if (content !== undefined && content !== null && typeof content !== 'string') {
      return fail(
        LlmErrorReason.BAD_RESPONSE,
        `LLM endpoint returned no text content: ${describeValue(content)}`,
        false,
      );
    }
    if (typeof content !== 'string' || content.trim() === '')
      return fail(LlmErrorReason.EMPTY_RESPONSE, 'LLM endpoint returned an empty response', true);
    const count = (n: unknown): number | null =>
      typeof n === 'number' && Number.isFinite(n) ? n : null;
    return {
      text: content,
      inputTokens: count(usage?.prompt_tokens),
      outputTokens: count(usage?.completion_tokens),
    };
  }
}
