/** The model seam and the OpenAI-compatible client, for the root entry point `rampart`. */
export {
  LlmError,
  LlmErrorReason,
  type LlmClient,
  type ChatMessage,
  type CompletionRequest,
} from './client';
export type { ModelInput } from './completions';
export { configureModelCalls, CassetteMode, type ModelCallOptions } from './call-settings';
export type { LanguageModelLike, LanguageModelCallOptions } from './language-model';
export {
  OpenAiChatClient,
  type OpenAiChatClientOptions,
  type ModelParams,
} from './openai-chat-client';
export { withCallPolicy, type WithCallPolicyOptions } from './agent-model';
