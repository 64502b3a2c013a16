/**
 * rampart — RAMPART safety testing for agentic AI applications, for Jest.
 * The runtime API used inside tests.
 */
import { COLLECTOR_HOST_KEY } from './core/collector';
import { ResultCollectionHandler, registerDefaultHandlerFactory } from './core/execution';

export {
  SafetyStatus,
  HarmCategory,
  ObservabilityLevel,
  EvalOutcome,
  TraceEndReason,
  EvaluationPurpose,
} from './core/status';
export { PayloadFormat } from './core/trace-types';
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
} from './core/trace-types';
export { Result, type ResultOptions } from './core/result';
export {
  ResultCollector,
  recordResult,
  runWithCollector,
  getActiveCollector,
  isCollecting,
  type CollectorHost,
} from './core/collector';
export {
  BaseExecution,
  ExecutionEvent,
  ResultCollectionHandler,
  registerDefaultHandlerFactory,
  clearDefaultHandlerFactory,
  defaultHandlers,
  executionLog,
  type ExecutionEventData,
  type ExecutionEventHandler,
  type ExecutionHandlerFactory,
  type ExecutionOptions,
  type ObservableAdapter,
} from './core/execution';
export {
  TestRunReport,
  summarizePopulation,
  UNCATEGORIZED,
  type PopulationSummary,
  type TestRunReportOptions,
} from './core/run-report';
export { TrialGroupResult, classifyTrialGroup } from './core/trial-group';
export { encodeResult, decodeResult, SchemaError } from './core/trace-codec';
export { toJsonSafe, type JsonValue } from './core/json-safe';
export { harm } from './jest/harm';
export { trial, type TrialOptions } from './jest/trial';
export type {
  ScopedDefinitions,
  DefineTest,
  DefineDescribe,
  DefineEach,
  TestBody,
} from './jest/definition-types';
export type { ReportSink } from './report/sink';
export { JsonFileReportSink, type JsonFileReportSinkOptions } from './report/json-file-sink';
export type { SinkFactory, SinkFactoryContext } from './report/sink-modules';
export type { RampartMatchers } from './matcher-types';

// Inside rampart/env (a collector host is installed on this realm's global),
// every execution reports its Result to the running test's collector.
if ((globalThis as Record<symbol, unknown>)[COLLECTOR_HOST_KEY] !== undefined) {
  registerDefaultHandlerFactory(() => [new ResultCollectionHandler()]);
}
