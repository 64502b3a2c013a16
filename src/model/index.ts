/**
 * The model's part of the root entry point `rampart` (docs/entry-points.md):
 * the Result, its enumerations and evidence types, recording, and the
 * execution lifecycle a custom attack extends. The report model and the
 * codecs (`rampart/report`, `rampart/trace`) and the hooks of a runner
 * integration (`rampart/integration`) are entry points of their own.
 */
export { SafetyStatus, HarmCategory, ObservabilityLevel } from './result-status';
export { EvalOutcome, TraceEndReason, EvaluationPurpose } from './trace-enums';
export { PayloadFormat, isTextFormat, isBinaryFormat, formatExtension } from './payload-format';
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
  BaseExecution,
  ExecutionEvent,
  type ExecuteOptions,
  type ExecutionEventData,
  type ExecutionEventHandler,
  type ExecutionOptions,
  type ObservableAdapter,
} from './execution';
export { ExecutionTimeoutError, ExecutionAbortedError, type RoleUsage } from './execution-scope';
export { createPopulationRef } from './population-ref';
export { UTILITY_TAGS, UtilityOutcome } from './utility-tags';
export { COVERAGE_TAXONOMIES, LIBRARY_TAXONOMY_IDS, type CoverageTaxonomy } from './coverage-tags';
