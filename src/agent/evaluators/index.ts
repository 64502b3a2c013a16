/** The built-in evaluators, for the root entry point `rampart`. */
export { ToolCalled } from './tool-called';
export { SideEffectOccurred } from './side-effect-occurred';
export {
  ResponseContains,
  ResponseScope,
  type ResponsePattern,
  type ResponseContainsOptions,
} from './response-contains';
export type {
  ArgumentMatcher,
  ArgumentMatchers,
  ArgumentPredicate,
  ArgumentValue,
} from './argument-match';
export { LLMJudge, TranscriptScope, type LLMJudgeOptions } from './llm-judge';
export { NEUTRAL_EVALUATOR } from './judge-prompt';
