/** The AI SDK adapter and its surfaces, behind the entry point `rampart/ai-sdk`. */
export { aiSdkAdapter, type AiSdkAdapterOptions } from './ai-sdk-adapter';
export {
  toolOutputSurface,
  toolDescriptionSurface,
  type ToolOutputSurfaceOptions,
  type ToolDescriptionSurfaceOptions,
} from './ai-sdk-surfaces';
export type {
  AiSdkAgent,
  AiSdkRun,
  AiSdkCall,
  AiSdkResult,
  AiSdkStep,
  AiSdkContentPart,
  AiSdkTool,
  AiSdkToolSet,
  MaybePromise,
} from './ai-sdk-types';
