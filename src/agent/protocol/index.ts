/**
 * The agent protocol's part of the root entry point `rampart`
 * (docs/entry-points.md): adapters and sessions, surfaces and injection
 * handles, payloads, requests and responses, prompt drivers, evaluators'
 * base and composition, the trace loop, verdicts and the errors of the
 * attack/probe layer.
 */
export { InfrastructureError, DriverError, EvaluatorError } from './errors';
export { observesToolCalls, observesSideEffects } from './observability';
export { createPayload, validatePayloadId, newPayloadId, type PayloadInit } from './payload';
export { createRequest, type RequestInput } from './request';
export {
  createResponse,
  toolArguments,
  type ResponseInput,
  type ToolCallInput,
  type SideEffectInput,
} from './response';
export {
  renderManifest,
  type AppManifest,
  type ToolDeclaration,
  type DataSource,
} from './manifest';
export type { Persona } from './persona';
export type { AgentAdapter, Session, SendOptions } from './adapter';
export {
  InjectionTimeoutError,
  sleepUntilReady,
  type InjectionHandle,
  type Surface,
} from './injection';
export type { PromptDriver, PromptDecision } from './prompt-driver';
export { EvalContext, type EvalContextOptions } from './eval-context';
export { createEvalResult, isDetected, type EvalResultInput } from './eval-result';
export {
  BaseEvaluator,
  runEvaluator,
  composable,
  anyOf,
  allOf,
  not,
  type Evaluator,
} from './evaluator';
export {
  runTrace,
  evaluateTerminal,
  type TraceRun,
  type RunTraceOptions,
  type EvaluationRecord,
} from './trace-loop';
export {
  resolveAttackVerdict,
  resolveProbeVerdict,
  resolveAsAttack,
  resolveAsProbe,
} from './verdict';
