/**
 * rampart — RAMPART safety testing for agentic AI applications, for Jest.
 * The runtime API used inside tests.
 */
import { COLLECTOR_HOST_KEY } from './model/collector';
import { ResultCollectionHandler, registerDefaultHandlerFactory } from './model/execution';
import { installStrayResultReporting } from './jest/stray-results';

export { SafetyStatus, HarmCategory, ObservabilityLevel } from './model/result-status';
export { EvalOutcome, TraceEndReason, EvaluationPurpose } from './model/trace-enums';
export { PayloadFormat } from './model/payload-format';
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
export type { RampartMatchers } from './jest/matcher-types';

// Attacks, probes, evaluators (issue 4)
export type { ExecuteOptions } from './model/execution';
export { InfrastructureError, DriverError, EvaluatorError } from './agent/protocol/errors';
export { observesToolCalls, observesSideEffects } from './agent/protocol/observability';
export {
  createPayload,
  validatePayloadId,
  newPayloadId,
  type PayloadInit,
} from './agent/protocol/payload';
export { isTextFormat, isBinaryFormat, formatExtension } from './model/payload-format';
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
export { ToolCalled } from './agent/evaluators/tool-called';
export { SideEffectOccurred } from './agent/evaluators/side-effect-occurred';
export {
  ResponseContains,
  ResponseScope,
  type ResponsePattern,
  type ResponseContainsOptions,
} from './agent/evaluators/response-contains';
export type {
  ArgumentMatcher,
  ArgumentMatchers,
  ArgumentPredicate,
  ArgumentValue,
} from './agent/evaluators/argument-match';
export { LLMJudge, TranscriptScope, type LLMJudgeOptions } from './agent/evaluators/llm-judge';
export { NEUTRAL_EVALUATOR } from './agent/evaluators/judge-prompt';
export { StaticDriver } from './agent/drivers/static-driver';
export { LLMDriver, type LLMDriverOptions } from './agent/drivers/llm-driver';
export type { DriverInput } from './agent/drivers/coerce-driver';
export {
  convertPayload,
  converterName,
  CONVERTER_METADATA_KEY,
  type PayloadConverter,
  type ReversibleConverter,
} from './agent/converters/converter';
export { Base64Converter } from './agent/converters/base64-converter';
export { Rot13Converter } from './agent/converters/rot13-converter';
export { HexConverter } from './agent/converters/hex-converter';
export { BinaryConverter } from './agent/converters/binary-converter';
export { UrlConverter, type UrlConverterOptions } from './agent/converters/url-converter';
export {
  JsonEscapeConverter,
  type JsonEscapeConverterOptions,
} from './agent/converters/json-escape-converter';
export { MorseConverter } from './agent/converters/morse-converter';
export { CaesarConverter, type CaesarConverterOptions } from './agent/converters/caesar-converter';
export { AtbashConverter } from './agent/converters/atbash-converter';
export { ReverseConverter } from './agent/converters/reverse-converter';
export { LeetspeakConverter } from './agent/converters/leetspeak-converter';
export {
  HomoglyphConverter,
  type HomoglyphConverterOptions,
} from './agent/converters/homoglyph-converter';
export {
  CharSwapConverter,
  type CharSwapConverterOptions,
} from './agent/converters/char-swap-converter';
export {
  SplitNoiseConverter,
  type SplitNoiseConverterOptions,
} from './agent/converters/split-noise-converter';
export {
  ZeroWidthConverter,
  type ZeroWidthConverterOptions,
} from './agent/converters/zero-width-converter';
export {
  TagSmugglingConverter,
  type TagSmugglingConverterOptions,
} from './agent/converters/tag-smuggling-converter';
export {
  MarkdownCommentConverter,
  type MarkdownCommentConverterOptions,
} from './agent/converters/markdown-comment-converter';
export {
  HtmlCommentConverter,
  type HtmlCommentConverterOptions,
} from './agent/converters/html-comment-converter';
export {
  InvisibleHtmlConverter,
  InvisibleStyle,
  type InvisibleHtmlConverterOptions,
} from './agent/converters/invisible-html-converter';
export {
  ModelRewriteConverter,
  TranslateConverter,
  ParaphraseConverter,
  ToneConverter,
  type TranslateConverterOptions,
  type ParaphraseConverterOptions,
  type ToneConverterOptions,
} from './agent/converters/model-rewrite-converters';
export { DocxConverter, type DocxConverterOptions } from './agent/converters/docx-converter';
export { PlainConverter } from './agent/converters/plain-converter';
export { ChainConverter, type ChainConverterOptions } from './agent/converters/chain-converter';
export {
  CONVERTER_CATALOGUE,
  ConverterKind,
  type ConverterEntry,
} from './agent/converters/converter-catalogue';
export type { ModelInput } from './agent/llm/completions';
export {
  PayloadTemplate,
  type PayloadTemplateInit,
  type PayloadTags,
  type PayloadValues,
  type FillOptions,
} from './agent/payloads/payload-template';
export {
  OBJECTIVE_FIELDS,
  EXAMPLE_OBJECTIVE,
  type ObjectiveField,
  type PayloadObjective,
} from './agent/payloads/objective';
export { PayloadTechnique, TECHNIQUE_DESCRIPTIONS } from './agent/payloads/techniques';
export { PLACEHOLDER_FILTERS } from './agent/payloads/placeholders';
export {
  PAYLOAD_LIBRARY,
  payloadTemplates,
  payloadTemplate,
  type PayloadTemplateQuery,
} from './agent/payloads/payload-library';
export {
  PayloadStore,
  validateCollectionName,
  type PayloadStoreOptions,
  type PayloadCollectionManifest,
  type LoadOptions,
} from './agent/payloads/payload-store';
export {
  Payloads,
  RED_TEAM_WRITER,
  type GeneratePayloadsOptions,
} from './agent/payloads/generate-payloads';
export { OWASP_LLM_TOP_10 } from './agent/payloads/taxonomy/owasp-llm';
export { OWASP_AGENTIC_TOP_10 } from './agent/payloads/taxonomy/owasp-agentic';
export { MITRE_ATLAS } from './agent/payloads/taxonomy/mitre-atlas';
export {
  findTaxonomyEntry,
  type Taxonomy,
  type TaxonomyEntry,
} from './agent/payloads/taxonomy/taxonomy';
export {
  payloadMatrix,
  MATRIX_METADATA,
  type PayloadMatrixOptions,
  type MatrixCase,
} from './suites/payload-matrix';
export { withResultMetadata } from './model/collector';
export {
  LlmError,
  LlmErrorReason,
  type LlmClient,
  type ChatMessage,
  type CompletionRequest,
} from './agent/llm/client';
export {
  OpenAiChatClient,
  type OpenAiChatClientOptions,
  type ModelParams,
} from './agent/llm/openai-chat-client';
export { Attacks, type XpiaOptions } from './agent/attacks/attacks';
export { Probes, type BehaviorProbeOptions } from './agent/probes/probes';
export { runTrials, type RunTrialsOptions } from './agent/populations/run-trials';
export { PopulationResult } from './agent/populations/population-result';

// Inside rampart/env (a collector host is installed on this realm's global),
// every execution reports its Result to the running test's collector. In
// another environment of a run with the rampart reporter, Results recorded in
// a running test are reported as lost (docs/reliability.md).
if ((globalThis as Record<symbol, unknown>)[COLLECTOR_HOST_KEY] !== undefined) {
  registerDefaultHandlerFactory(() => [new ResultCollectionHandler()]);
} else {
  installStrayResultReporting();
}
