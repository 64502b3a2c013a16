/**
 * The one seam that turns "a model" into completions for the parts of
 * RAMPART that generate text (model-backed converters, payload generation).
 * Today a model is an {@link LlmClient}; widening {@link ModelInput} here is
 * all it takes to accept other model types everywhere.
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
