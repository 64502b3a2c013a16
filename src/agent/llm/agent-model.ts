/**
 * `withCallPolicy(model)`: an agent's own AI SDK model, wrapped so that its
 * calls go through the same call policy as the judge's (limits, retries,
 * timeouts, the execution's abort, cassettes, usage under the role `agent`):
 * a whole safety suite then replays offline, the agent included
 * (docs/real-endpoints.md, "Cassettes"). Structural, like every AI SDK
 * model RAMPART handles: no import of `ai`.
 */
import { CassetteMode, type ModelCallOptions, modelCallSettings } from './call-settings';
import { type BoundModel, callUnderPolicy } from './call-policy';
import { LlmError, LlmErrorReason } from './client';
import {
  type LanguageModelLike,
  asLlmError,
  checkSpecificationVersion,
  isLanguageModel,
  tokens,
} from './language-model';
import { describeValue } from '../../model/value-description';

/** Options of {@link withCallPolicy}. */
export interface WithCallPolicyOptions {
  /** The role its calls count under in usage metadata; default `agent`. */
  role?: string;
  /** Call-policy overrides for this model. */
  calls?: ModelCallOptions;
}

interface AgentCall {
  options: Record<string, unknown>;
  signal?: AbortSignal | undefined;
}

interface AgentReply {
  result: Record<string, unknown>;
  inputTokens: number | null;
  outputTokens: number | null;
}

/** The call options that determine the answer: no signal, no headers (they may hold keys). */
function keyOf(call: AgentCall): unknown {
  const rest: Record<string, unknown> = { ...call.options };
  delete rest.abortSignal;
  delete rest.headers;
  return JSON.parse(JSON.stringify(rest)) as unknown;
}

/** A generate result as a cassette keeps it: content, finish, usage, warnings, metadata; no request or headers. */
function recordOf(reply: AgentReply): unknown {
  const { content, finishReason, usage, warnings, providerMetadata, response } =
    reply.result as Record<string, unknown>;
  const r = (response ?? {}) as { id?: unknown; modelId?: unknown; timestamp?: unknown };
  return JSON.parse(
    JSON.stringify({
      content,
      finishReason,
      usage,
      warnings,
      providerMetadata,
      response: {
        id: r.id,
        modelId: r.modelId,
        timestamp: r.timestamp instanceof Date ? r.timestamp.toISOString() : r.timestamp,
      },
    }),
  ) as unknown;
}

function replayOf(recorded: unknown): AgentReply | null {
  if (recorded === null || typeof recorded !== 'object') return null;
  const result = { ...(recorded as Record<string, unknown>) };
  if (!Array.isArray(result.content)) return null;
  const response = result.response as { timestamp?: unknown } | undefined;
  if (response && typeof response.timestamp === 'string')
    result.response = { ...response, timestamp: new Date(response.timestamp) };
  const usage = result.usage as { inputTokens?: unknown; outputTokens?: unknown } | undefined;
  return {
    result,
    inputTokens: tokens(usage?.inputTokens),
    outputTokens: tokens(usage?.outputTokens),
  };
}

/**
 * `model` with its `doGenerate` calls under the call policy; use the result
 * wherever the agent used `model`. Streaming calls (`doStream`) pass through
 * unlimited when no cassette is in use and fail in `record` and `replay`
 * (a stream is not recorded): agents under a cassette must generate.
 */
export function withCallPolicy<M extends LanguageModelLike>(
  model: M,
  options: WithCallPolicyOptions = {},
): M {
  if (!isLanguageModel(model))
    throw new TypeError(
      `withCallPolicy model must be an AI SDK LanguageModel (specificationVersion, doGenerate), got ${describeValue(model)}`,
    );
  checkSpecificationVersion(model, 'withCallPolicy model');
  const role = options.role ?? 'agent';
  const label = `${String(model.provider)}:${String(model.modelId)}`;
  const bound: BoundModel<AgentCall, AgentReply> = {
    label,
    model: String(model.modelId),
    identity: { provider: model.provider, modelId: model.modelId },
    overrides: options.calls ?? {},
    keyRequest: keyOf,
    record: recordOf,
    replay: replayOf,
    attempt: async (call) => {
      let result: unknown;
      try {
        result = await model.doGenerate({ ...call.options, abortSignal: call.signal } as never);
      } catch (error) {
        if (call.signal.aborted) throw call.signal.reason;
        throw asLlmError(error, model, Date.now());
      }
      const usage = (result as { usage?: { inputTokens?: unknown; outputTokens?: unknown } }).usage;
      return {
        result: result as Record<string, unknown>,
        inputTokens: tokens(usage?.inputTokens),
        outputTokens: tokens(usage?.outputTokens),
      };
    },
  };
  const stream = (model as { doStream?: (o: unknown) => PromiseLike<unknown> }).doStream;
  const wrapped = Object.create(model) as M & { doStream?: unknown };
  Object.defineProperty(wrapped, 'doGenerate', {
    value: async (callOptions: Record<string, unknown>) =>
      (
        await callUnderPolicy(
          bound,
          { options: callOptions, signal: callOptions.abortSignal as AbortSignal | undefined },
          role,
        )
      ).result,
  });
  Object.defineProperty(wrapped, 'doStream', {
    value: (callOptions: unknown) => {
      if (modelCallSettings(bound.overrides).cassette !== CassetteMode.OFF)
        return Promise.reject(
          new LlmError(
            `${role} call to ${label}: a streamed call cannot be recorded or replayed; generate instead`,
            {
              reason: LlmErrorReason.BAD_RESPONSE,
            },
          ),
        );
      return stream?.call(model, callOptions);
    },
  });
  return wrapped;
}
