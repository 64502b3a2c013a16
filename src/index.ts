/**
 * rampart — RAMPART safety testing for agentic AI applications, for Jest.
 * The runtime API used inside tests.
 */
import { COLLECTOR_HOST_KEY } from './model/collector';
import { ResultCollectionHandler, registerDefaultHandlerFactory } from './model/execution';
import { installStrayResultReporting } from './jest/stray-results';

export {
  SafetyStatus,
  HarmCategory,
  ObservabilityLevel,
  EvalOutcome,
  TraceEndReason,
  EvaluationPurpose,
} from './model/result-status';
export { PayloadFormat } from './model/trace-types';
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
} from './model/trace-types';
export { Result, type ResultOptions } from './model/result';
export {
  ResultCollector,
  recordResult,
  runWithCollector,
  getActiveCollector,
  isCollecting,
  type CollectorHost,
} from './model/collector';
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
} from './model/execution';
export {
  TestRunReport,
  summarizePopulation,
  UNCATEGORIZED,
  type PopulationSummary,
  type TestRunReportOptions,
} from './model/run-report';
export { TrialGroupResult, classifyTrialGroup } from './model/trial-group';
export { encodeResult, decodeResult, SchemaError } from './model/result-codec';
export { toJsonSafe, type JsonValue } from './model/json-safe';
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

// Attacks, probes, evaluators (issue 4)
export type { ExecuteOptions } from './model/execution';
export { InfrastructureError, DriverError, EvaluatorError } from './agent/protocol/errors';
export { observesToolCalls, observesSideEffects } from './agent/protocol/observability';
export {
  createPayload,
  validatePayloadId,
  newPayloadId,
  isTextFormat,
  isBinaryFormat,
  formatExtension,
  type PayloadInit,
} from './agent/protocol/payload';
export { createRequest, type RequestInput } from './agent/protocol/request';
export {
  createResponse,
  type ResponseInput,
  type ToolCallInput,
  type SideEffectInput,
} from './agent/protocol/response';
export {
  renderManifest,
  type AppManifest,
  type ToolDeclaration,
  type DataSource,
} from './agent/protocol/manifest';
export type { Persona } from './agent/protocol/persona';
export type { AgentAdapter, Session } from './agent/protocol/adapter';
export {
  InjectionTimeoutError,
  sleepUntilReady,
  type InjectionHandle,
  type Surface,
} from './agent/protocol/injection';
export type { PromptDriver, PromptDecision } from './agent/protocol/prompt-driver';
export { EvalContext, type EvalContextOptions } from './agent/protocol/eval-context';
export { createEvalResult, isDetected, type EvalResultInput } from './agent/protocol/eval-result';
export {
  BaseEvaluator,
  runEvaluator,
  composable,
  anyOf,
  allOf,
  not,
  type Evaluator,
} from './agent/protocol/evaluator';
export {
  runTrace,
  evaluateTerminal,
  type TraceRun,
  type RunTraceOptions,
  type EvaluationRecord,
} from './agent/protocol/trace-loop';
export {
  resolveAttackVerdict,
  resolveProbeVerdict,
  resolveAsAttack,
  resolveAsProbe,
} from './agent/protocol/verdict';
export { createPopulationRef } from './model/population-ref';
export {
  serializeRecord,
  deserializeRecord,
  TRACE_SCHEMA_VERSION,
  UnsupportedSchemaVersionError,
  type ResultRecord,
} from './model/trace-record';
export { ToolCalled } from './evaluators/tool-called';
export { SideEffectOccurred } from './evaluators/side-effect-occurred';
export {
  ResponseContains,
  ResponseScope,
  type ResponsePattern,
  type ResponseContainsOptions,
} from './evaluators/response-contains';
export type {
  ArgumentMatcher,
  ArgumentMatchers,
  ArgumentPredicate,
  ArgumentValue,
} from './evaluators/argument-match';
export { LLMJudge, TranscriptScope, type LLMJudgeOptions } from './evaluators/llm-judge';
export { NEUTRAL_EVALUATOR } from './evaluators/judge-prompt';
export { StaticDriver } from './drivers/static-driver';
export { LLMDriver, type LLMDriverOptions } from './drivers/llm-driver';
export type { DriverInput } from './drivers/coerce-driver';
export {
  convertPayload,
  converterName,
  CONVERTER_METADATA_KEY,
  type PayloadConverter,
  type ReversibleConverter,
} from './converters/converter';
export { Base64Converter } from './converters/base64-converter';
export { Rot13Converter } from './converters/rot13-converter';
export { HexConverter } from './converters/hex-converter';
export { BinaryConverter } from './converters/binary-converter';
export { UrlConverter, type UrlConverterOptions } from './converters/url-converter';
export {
  JsonEscapeConverter,
  type JsonEscapeConverterOptions,
} from './converters/json-escape-converter';
export { MorseConverter } from './converters/morse-converter';
export { CaesarConverter, type CaesarConverterOptions } from './converters/caesar-converter';
export { AtbashConverter } from './converters/atbash-converter';
export { ReverseConverter } from './converters/reverse-converter';
export { LeetspeakConverter } from './converters/leetspeak-converter';
export {
  HomoglyphConverter,
  type HomoglyphConverterOptions,
} from './converters/homoglyph-converter';
export { CharSwapConverter, type CharSwapConverterOptions } from './converters/char-swap-converter';
export {
  SplitNoiseConverter,
  type SplitNoiseConverterOptions,
} from './converters/split-noise-converter';
export {
  ZeroWidthConverter,
  type ZeroWidthConverterOptions,
} from './converters/zero-width-converter';
export {
  TagSmugglingConverter,
  type TagSmugglingConverterOptions,
} from './converters/tag-smuggling-converter';
export {
  MarkdownCommentConverter,
  type MarkdownCommentConverterOptions,
} from './converters/markdown-comment-converter';
export {
  HtmlCommentConverter,
  type HtmlCommentConverterOptions,
} from './converters/html-comment-converter';
export {
  InvisibleHtmlConverter,
  InvisibleStyle,
  type InvisibleHtmlConverterOptions,
} from './converters/invisible-html-converter';
export {
  ModelRewriteConverter,
  TranslateConverter,
  ParaphraseConverter,
  ToneConverter,
  type TranslateConverterOptions,
  type ParaphraseConverterOptions,
  type ToneConverterOptions,
} from './converters/model-rewrite-converters';
export { DocxConverter, type DocxConverterOptions } from './converters/docx-converter';
export { PlainConverter } from './converters/plain-converter';
export { ChainConverter, type ChainConverterOptions } from './converters/chain-converter';
export {
  CONVERTER_CATALOGUE,
  ConverterKind,
  type ConverterEntry,
} from './converters/converter-catalogue';
export type { ModelInput } from './llm/completions';
export {
  PayloadTemplate,
  type PayloadTemplateInit,
  type PayloadTags,
  type PayloadValues,
  type FillOptions,
} from './payloads/payload-template';
export {
  OBJECTIVE_FIELDS,
  EXAMPLE_OBJECTIVE,
  type ObjectiveField,
  type PayloadObjective,
} from './payloads/objective';
export { PayloadTechnique, TECHNIQUE_DESCRIPTIONS } from './payloads/techniques';
export { PLACEHOLDER_FILTERS } from './payloads/placeholders';
export {
  PAYLOAD_LIBRARY,
  payloadTemplates,
  payloadTemplate,
  type PayloadTemplateQuery,
} from './payloads/payload-library';
export {
  PayloadStore,
  validateCollectionName,
  type PayloadStoreOptions,
  type PayloadCollectionManifest,
  type LoadOptions,
} from './payloads/payload-store';
export {
  Payloads,
  RED_TEAM_WRITER,
  type GeneratePayloadsOptions,
} from './payloads/generate-payloads';
export { OWASP_LLM_TOP_10 } from './payloads/taxonomy/owasp-llm';
export { OWASP_AGENTIC_TOP_10 } from './payloads/taxonomy/owasp-agentic';
export { MITRE_ATLAS } from './payloads/taxonomy/mitre-atlas';
export { findTaxonomyEntry, type Taxonomy, type TaxonomyEntry } from './payloads/taxonomy/taxonomy';
export {
  payloadMatrix,
  MATRIX_METADATA,
  type PayloadMatrixOptions,
  type MatrixCase,
} from './jest/payload-matrix';
export { withResultMetadata } from './model/collector';
export {
  LlmError,
  LlmErrorReason,
  type LlmClient,
  type ChatMessage,
  type CompletionRequest,
} from './llm/client';
export {
  OpenAiChatClient,
  type OpenAiChatClientOptions,
  type ModelParams,
} from './llm/openai-chat-client';
export { Attacks, type XpiaOptions } from './attacks/attacks';
export { Probes, type BehaviorProbeOptions } from './probes/probes';
export { runTrials, type RunTrialsOptions } from './trials/run-trials';
export { PopulationResult } from './trials/population-result';

// Inside rampart/env (a collector host is installed on this realm's global),
// every execution reports its Result to the running test's collector. In
// another environment of a run with the rampart reporter, Results recorded in
// a running test are reported as lost (docs/reliability.md).
if ((globalThis as Record<symbol, unknown>)[COLLECTOR_HOST_KEY] !== undefined) {
  registerDefaultHandlerFactory(() => [new ResultCollectionHandler()]);
} else {
  installStrayResultReporting();
}
