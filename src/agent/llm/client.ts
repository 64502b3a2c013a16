/**
 * The chat-completion client interface a model is given as today, and the
 * error of a failed model call. Implement it over any SDK, or use
 * OpenAiChatClient; tests pass a scripted implementation. Every part of
 * RAMPART reaches a model through completions.ts, never through a client
 * directly.
 */
import { InfrastructureError } from '../protocol/errors';
import { describeValue } from '../../model/value-description';

/** One chat message. */
export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

/** One completion request. */
export interface CompletionRequest {
  messages: readonly ChatMessage[];
  /** `json` asks the model for a single JSON object (the judge does). Default `text`. */
  responseFormat?: 'text' | 'json';
  signal?: AbortSignal;
}

/** A chat-completion model. */
export interface LlmClient {
  /** The assistant's reply text. Rejects with an {@link LlmError} when the model cannot answer. */
  complete(request: CompletionRequest): Promise<string>;
}

/** Why a model call failed. */
export const LlmErrorReason = {
  /** Still rate-limited (HTTP 429) after the retries. */
  RATE_LIMITED: 'rate_limited',
  /** The model kept answering with no content. */
  EMPTY_RESPONSE: 'empty_response',
  /** Any other HTTP error status. */
  HTTP_ERROR: 'http_error',
  /** The body was not a chat-completion response. */
  BAD_RESPONSE: 'bad_response',
  /** Connection failure or timeout. */
  NETWORK: 'network',
  /** Replaying a cassette that holds no answer for the call. */
  CASSETTE_MISS: 'cassette_miss',
  /** The model-call budget of the run is spent. */
  BUDGET_EXHAUSTED: 'budget_exhausted',
} as const;
/** One of the {@link LlmErrorReason} values. */
export type LlmErrorReason = (typeof LlmErrorReason)[keyof typeof LlmErrorReason];

/** A failed model call. */
export class LlmError extends InfrastructureError {
  override name = 'LlmError';
  readonly reason: LlmErrorReason;
  /** HTTP status, when there was a response. */
  readonly status: number | null;
  /** Whether another attempt may succeed (rate limits, 5xx, connection errors). */
  readonly retryable: boolean;
  /** The wait the endpoint asked for (`Retry-After`, `retry-after-ms`), in ms; null when none. */
  readonly retryAfterMs: number | null;
  /** Attempts made before giving up; 1 for a single attempt. */
  readonly attempts: number;

  constructor(
    message: string,
    options: {
      reason: LlmErrorReason;
      status?: number | null;
      cause?: unknown;
      retryable?: boolean;
      retryAfterMs?: number | null;
      attempts?: number;
    },
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.reason = options.reason;
    this.status = options.status ?? null;
    this.retryable = options.retryable ?? false;
    this.retryAfterMs = options.retryAfterMs ?? null;
    this.attempts = options.attempts ?? 1;
  }
}

/** Throws a TypeError unless `value` is an {@link LlmClient}. */
export function checkLlmClient(value: unknown, what: string): LlmClient {
  if (
    value === null ||
    typeof value !== 'object' ||
    typeof (value as Partial<LlmClient>).complete !== 'function'
  ) {
    throw new TypeError(
      `${what} must be an LlmClient (an object with complete(request)), got ${describeValue(value)}`,
    );
  }
  return value as LlmClient;
}
