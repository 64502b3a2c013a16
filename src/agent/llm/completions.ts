/**
 * The one seam that turns "a model" into completions, for every model-backed
 * part of RAMPART: LLMJudge, LLMDriver, the model-backed converters and
 * payload generation. A model is an {@link LlmClient} (OpenAiChatClient or
 * your own) or an AI SDK `LanguageModel`; every call goes through the call
 * policy (limits, retries, timeouts, cassettes, usage: docs/real-endpoints.md).
 */
import { describeValue } from '../../model/value-description';
import { type CompletionRequest, type LlmClient } from './client';
import { type BoundModel, TEXT_RECORDING, callModel } from './call-policy';
import { type ModelCallOptions, checkModelCallOptions } from './call-settings';
import {
  type LanguageModelLike,
  checkSpecificationVersion,
  generateOnce,
  isLanguageModel,
} from './language-model';
import { openAiBinding } from './openai-chat-client';

/**
 * What a model-backed part accepts as its model: an {@link LlmClient}, or an
 * AI SDK `LanguageModel` (`ai` 6 or 7, any provider).
 */
export type ModelInput = LlmClient | LanguageModelLike;

/** Asks the model once (under the call policy); resolves to the reply text. */
export type Complete = (request: CompletionRequest) => Promise<string>;

function bind(model: unknown, what: string): BoundModel {
  if (isLanguageModel(model)) {
    checkSpecificationVersion(model, what);
    const label = `${String(model.provider)}:${String(model.modelId)}`;
    return {
      label,
      model: String(model.modelId),
      identity: { provider: model.provider, modelId: model.modelId },
      overrides: {},
      ...TEXT_RECORDING,
      attempt: (request) => generateOnce(model, request),
    };
  }
  const openAi = openAiBinding(model);
  if (openAi) return openAi;
  if (
    model !== null &&
    typeof model === 'object' &&
    typeof (model as Partial<LlmClient>).complete === 'function'
  ) {
    const client = model as LlmClient;
    const name = client.constructor?.name || 'LlmClient';
    return {
      label: name,
      model: name,
      identity: { client: name },
      overrides: {},
      ...TEXT_RECORDING,
      attempt: async (request) => ({
        text: await client.complete(request),
        inputTokens: null,
        outputTokens: null,
      }),
    };
  }
  throw new TypeError(
    `${what} must be an LlmClient (an object with complete(request)) or an AI SDK LanguageModel (specificationVersion, doGenerate), got ${describeValue(model)}`,
  );
}

/**
 * A completion function over `model`; throws a TypeError naming `what` when
 * it is not a model. `role` names the caller in usage metadata and errors
 * (`judge`, `driver`, `converter`, `generator`); `calls` overrides the call
 * policy for this part.
 */
export function completionsFrom(
  model: unknown,
  what: string,
  role = 'model',
  calls?: ModelCallOptions,
): Complete {
  const bound = bind(model, what);
  const overrides = checkModelCallOptions(calls, `${what.replace(/:.*$/, '')}: 'calls'`);
  return (request) => callModel(bound, request, role, overrides);
}
