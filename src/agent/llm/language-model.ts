/**
 * AI SDK language models (`LanguageModel` of `ai` 6 and 7: provider
 * specification v3 and v4, and v2 results) called structurally, with no
 * import of `ai` or `@ai-sdk/provider`: a model is an object with
 * `specificationVersion` and `doGenerate`. So OpenAI, Azure OpenAI,
 * Anthropic, Ollama and every other provider work as judge or driver, and
 * `require('rampart')` never loads the SDK (docs/real-endpoints.md).
 */
import { describeValue } from '../../model/value-description';
import { type CompletionRequest, LlmError, LlmErrorReason } from './client';
import { rootCauseMessage } from './error-cause';
import { retryAfterMs } from './retry-after';

/** The specification versions whose `doGenerate` this module speaks. */
export const SUPPORTED_SPECIFICATION_VERSIONS = ['v2', 'v3', 'v4'] as const;

/**
 * The part of an AI SDK `LanguageModel` (`LanguageModelV3` in `ai` 6,
 * `LanguageModelV4` in `ai` 7) that RAMPART calls. Declared here so the
 * published types need no AI SDK package.
 */
export interface LanguageModelLike {
  readonly specificationVersion: string;
  readonly provider: string;
  readonly modelId: string;
  doGenerate(options: LanguageModelCallOptions): PromiseLike<unknown>;
}

/** The call options RAMPART passes to `doGenerate` (a subset of the spec's). */
export interface LanguageModelCallOptions {
  prompt: Array<
    | { role: 'system'; content: string }
    | { role: 'user' | 'assistant'; content: Array<{ type: 'text'; text: string }> }
  >;
  responseFormat?: { type: 'json' } | { type: 'text' };
  abortSignal?: AbortSignal;
}

/** What one call of a model produced. */
export interface ModelReply {
  text: string;
  /** Tokens read and written, when the endpoint reported them. */
  inputTokens: number | null;
  outputTokens: number | null;
}

/** True when `value` looks like an AI SDK language model (any spec version). */
export function isLanguageModel(value: unknown): value is LanguageModelLike {
  return (
    value !== null &&
    typeof value === 'object' &&
    typeof (value as { specificationVersion?: unknown }).specificationVersion === 'string' &&
    typeof (value as { doGenerate?: unknown }).doGenerate === 'function'
  );
}

/** Throws a TypeError unless the model's specification version is supported. */
export function checkSpecificationVersion(model: LanguageModelLike, what: string): void {
  if (!(SUPPORTED_SPECIFICATION_VERSIONS as readonly string[]).includes(model.specificationVersion))
    throw new TypeError(
      `${what} specificationVersion must be one of ${SUPPORTED_SPECIFICATION_VERSIONS.join(', ')}, got ${describeValue(model.specificationVersion)}`,
    );
}

/** A token count of a spec v2 (number) or v3/v4 (`{ total }`) usage field. */
export function tokens(value: unknown): number | null {
  if (typeof value === 'number' && Number.isFinite(value)) return value; // spec v2: flat numbers
  const total = (value as { total?: unknown } | null)?.total; // v3, v4: { total, ... }
  return typeof total === 'number' && Number.isFinite(total) ? total : null;
}

/** The AI SDK's `APICallError` (and the like) as an {@link LlmError} the policy can retry. */
export function asLlmError(error: unknown, model: LanguageModelLike, now: number): unknown {
  if (error instanceof LlmError) return error;
  const e = (error ?? {}) as {
    statusCode?: unknown;
    responseHeaders?: unknown;
    isRetryable?: unknown;
  };
  const status = typeof e.statusCode === 'number' ? e.statusCode : null;
  const headers =
    e.responseHeaders && typeof e.responseHeaders === 'object'
      ? (e.responseHeaders as Record<string, string>)
      : null;
  const where = `${model.provider}:${model.modelId}`;
  if (status === 429)
    return new LlmError(`${where} rate-limited the request (HTTP 429)`, {
      reason: LlmErrorReason.RATE_LIMITED,
      status,
      retryable: true,
      retryAfterMs: retryAfterMs(headers, now),
      cause: error,
    });
  if (status !== null)
    return new LlmError(`${where} answered HTTP ${status}: ${rootCauseMessage(error)}`, {
      reason: LlmErrorReason.HTTP_ERROR,
      status,
      retryable: status >= 500 || e.isRetryable === true,
      retryAfterMs: retryAfterMs(headers, now),
      cause: error,
    });
  if (e.isRetryable === true)
    return new LlmError(`${where} failed: ${rootCauseMessage(error)}`, {
      reason: LlmErrorReason.NETWORK,
      retryable: true,
      cause: error,
    });
  return error;
}

/** One `doGenerate` call of `model`: the reply's text and token usage. */
export async function generateOnce(
  model: LanguageModelLike,
  request: CompletionRequest,
): Promise<ModelReply> {
  const options: LanguageModelCallOptions = {
    prompt: request.messages.map((m) =>
      m.role === 'system'
        ? { role: 'system', content: m.content }
        : { role: m.role, content: [{ type: 'text', text: m.content }] },
    ),
    ...(request.responseFormat === 'json' ? { responseFormat: { type: 'json' } } : {}),
    ...(request.signal ? { abortSignal: request.signal } : {}),
  };
  let result: unknown;
  try {
    result = await model.doGenerate(options);
  } catch (error) {
    if (request.signal?.aborted) throw request.signal.reason;
    throw asLlmError(error, model, Date.now());
  }
  const content = (result as { content?: unknown } | null)?.content;
  if (!Array.isArray(content))
    throw new LlmError(
      `${model.provider}:${model.modelId} doGenerate() must return { content: [...] }, got ${describeValue(result)}`,
      { reason: LlmErrorReason.BAD_RESPONSE },
    );
  const text = content
    .filter(
      (part): part is { type: 'text'; text: string } =>
        part?.type === 'text' && typeof part.text === 'string',
    )
    .map((part) => part.text)
    .join('');
  const usage = (result as { usage?: { inputTokens?: unknown; outputTokens?: unknown } }).usage;
  return {
    text,
    inputTokens: tokens(usage?.inputTokens),
    outputTokens: tokens(usage?.outputTokens),
  };
}
