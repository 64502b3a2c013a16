/** The OpenAI Agents SDK adapter and its surfaces, behind the entry point `rampart/openai-agents`. */
export { openAiAgentsAdapter, type OpenAiAgentsAdapterOptions } from './openai-agents-adapter';
export {
  toolOutputSurface,
  toolDescriptionSurface,
  type ToolOutputSurfaceOptions,
  type ToolDescriptionSurfaceOptions,
} from './openai-agents-surfaces';
export type {
  OpenAiAgentsAgent,
  OpenAiAgentsRun,
  OpenAiAgentsRunFunction,
  OpenAiAgentsRunItem,
  OpenAiAgentsRunResult,
  OpenAiAgentsTool,
} from './openai-agents-types';
