/**
 * An {@link LlmClient} for any OpenAI-compatible `/chat/completions` endpoint
 * (OpenAI, Azure OpenAI's v1 API, vLLM, Ollama, LM Studio, ...) over the
 * global `fetch`: no SDK dependency. Rate limits (429), server errors (5xx),
 * network failures, timeouts and empty replies are retried with exponential
 * backoff.
 */
import { abortableDelay } from '../protocol/abortable-delay';
import { describeValue, errorParts } from '../../model/value-description';
import {
  type ChatMessage,
  type CompletionRequest,
  type LlmClient,
  LlmError,
  LlmErrorReason,
} from './client';
import { argumentChecks } from '../../model/value-checks';

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
  /** Retries after the first attempt; default 3. */
  maxRetries?: number;
  /** First backoff delay, doubled per retry; default 1000 ms. */
  retryDelayMs?: number;
  /** Per-attempt timeout; default 60000 ms. */
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

/** Why one attempt failed, and whether another attempt may help. */
class AttemptFailure {
  constructor(
    readonly error: LlmError,
    readonly retryable: boolean,
  ) {}
}

/** Chat completions over `fetch`. */
export class OpenAiChatClient implements LlmClient {
  private readonly url: string;
  private readonly headers: Record<string, string>;
  private readonly model: string;
  private readonly params: Record<string, number>;
  private readonly maxRetries: number;
  private readonly retryDelayMs: number;
  private readonly timeoutMs: number;

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
    this.maxRetries = integerAtLeast(0, options.maxRetries, 'maxRetries', 3);
    this.retryDelayMs = integerAtLeast(0, options.retryDelayMs, 'retryDelayMs', 1000);
    this.timeoutMs = integerAtLeast(1, options.timeoutMs, 'timeoutMs', 60_000);
  }

  async complete(request: CompletionRequest): Promise<string> {
    const body = JSON.stringify({
      model: this.model,
      messages: request.messages.map((m: ChatMessage) => ({ role: m.role, content: m.content })),
      ...(request.responseFormat === 'json' ? { response_format: { type: 'json_object' } } : {}),
      ...this.params,
    });
    let failure: AttemptFailure | undefined;
    for (let attempt = 0; attempt <= this.maxRetries; attempt += 1) {
      if (attempt > 0) await abortableDelay(this.retryDelayMs * 2 ** (attempt - 1), request.signal);
      const outcome = await this.attempt(body, request.signal);
      if (typeof outcome === 'string') return outcome;
      failure = outcome;
      if (!failure.retryable) break;
    }
    throw (failure as AttemptFailure).error;
  }

  private async attempt(body: string, signal?: AbortSignal): Promise<string | AttemptFailure> {
    signal?.throwIfAborted();
    const controller = new AbortController();
    const onAbort = (): void => controller.abort(signal?.reason);
    signal?.addEventListener('abort', onAbort, { once: true });
    const timer = setTimeout(() => controller.abort(new Error('timed out')), this.timeoutMs);
    let response: globalThis.Response;
    let text: string;
    try {
      response = await fetch(this.url, {
        method: 'POST',
        headers: this.headers,
        body,
        signal: controller.signal,
      });
      text = await response.text();
    } catch (error) {
      if (signal?.aborted) throw signal.reason;
      return new AttemptFailure(
        new LlmError(`LLM request to ${this.url} failed: ${errorParts(error).message}`, {
          reason: LlmErrorReason.NETWORK,
          cause: error,
        }),
        true,
      );
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    }
    return this.interpret(response.status, text);
  }

  private interpret(status: number, text: string): string | AttemptFailure {
    const fail = (reason: LlmErrorReason, message: string, retryable: boolean): AttemptFailure =>
      new AttemptFailure(new LlmError(message, { reason, status }), retryable);
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
    try {
      const parsed = JSON.parse(text) as { choices?: Array<{ message?: { content?: unknown } }> };
      content = parsed.choices?.[0]?.message?.content;
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
    return content;
  }
}
