/**
 * The one seam that turns "a model" into completions, for every model-backed
 * part of RAMPART: LLMJudge, LLMDriver, the model-backed converters and
 * payload generation. Today a model is an {@link LlmClient}; widening
 * {@link ModelInput} here (other model types, a call policy) is all it takes
 * to change how every part calls a model.
 */
import { type CompletionRequest, type LlmClient, checkLlmClient } from './client';

/** What a model-backed part accepts as its model. */
export type ModelInput = LlmClient;

/** Asks the model once; resolves to the reply text. */
export type Complete = (request: CompletionRequest) => Promise<string>;

/** A completion function over `model`; throws a TypeError naming `what` when it is not a model. */
export function completionsFrom(model: unknown, what: string): Complete {
  const client = checkLlmClient(model, what);
  return (request) => client.complete(request);
}
