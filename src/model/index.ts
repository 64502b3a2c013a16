/**
 * The model's part of the root entry point `rampart` (docs/entry-points.md)
 * that loads with it: the Result, its enumerations and evidence types,
 * recording, and the events of an execution. The rest of the model's part
 * (the execution lifecycle, payload formats, tags) is in authoring.ts,
 * loaded on first use. The report model and the codecs (`rampart/report`,
 * `rampart/trace`) and the hooks of a runner integration
 * (`rampart/integration`) are entry points of their own.
 */
export { SafetyStatus, HarmCategory, ObservabilityLevel } from './result-status';
export { EvalOutcome, TraceEndReason, EvaluationPurpose } from './trace-enums';
export type {
  Payload,
  Request,
  Response,
  ToolCall,
  SideEffect,
  EvalResult,
  Turn,
  InjectionRecord,
  PopulationRef,
} from './trace-types';
export { Result, type ResultOptions } from './result';
export { ResultCollector, recordResult, withResultMetadata } from './collector';
export {
  ExecutionEvent,
  type ExecutionEventData,
  type ExecutionEventHandler,
  type ObservableAdapter,
} from './execution-events';
