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
export { LeakChannel } from './leak-channels';
export { CanaryLeak, type CanaryLeakOptions } from './canary-leak';
export { PiiLeak, PiiKind, luhnValid, type PiiLeakOptions, type PiiDetector } from './pii-leak';
export { MarkdownExfiltration, type MarkdownExfiltrationOptions } from './markdown-exfiltration';
export {
  ToolSequence,
  SequenceOrder,
  type ToolStep,
  type ToolSequenceOptions,
} from './tool-sequence';
export { Refusal, type RefusalOptions } from './refusal';
