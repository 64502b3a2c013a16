/** The LangChain.js / LangGraph adapter and its surfaces, behind the entry point `rampart/langchain`. */
export { langchainAdapter, type LangChainAdapterOptions } from './langchain-adapter';
export {
  toolOutputSurface,
  toolDescriptionSurface,
  type ToolOutputSurfaceOptions,
  type ToolDescriptionSurfaceOptions,
} from './langchain-surfaces';
export type {
  LangChainAgent,
  LangChainChatModel,
  LangChainRun,
  LangChainCall,
  LangChainState,
  LangChainRunConfig,
  LangChainMessage,
  LangChainTool,
} from './langchain-types';
