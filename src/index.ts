/**
 * `rampart`: what a test author writes with — harm() and trial(), the Result
 * and recordResult(), custom executions, attacks, probes, evaluators,
 * drivers, converters, the payload library, adapters and surfaces, runTrials
 * and the matchers' types. The report model, the codecs and the hooks of a
 * runner integration are entry points of their own: `rampart/report`,
 * `rampart/trace`, `rampart/integration` (docs/entry-points.md).
 *
 * Jest evaluates this module again for every test file, so it loads only
 * what recording Results needs (the model and the Jest layer's `harm` and
 * `trial`); every other layer is loaded on first use of one of its names
 * (docs/architecture.md, "Layers loaded on first use"). Each layer's values
 * are declared once, destructured from a stand-in of the layer that loads
 * nothing (`export const { A, B } = onFirstUse(() => require(...))`: their
 * types come from the layer, and TypeScript compiles it to `exports.A = ...`,
 * which is how Node's and Jest's ES module loaders find the names); a class
 * adds its instance type (`export type A = layer.A`); `lazyExports` at the
 * end turns the names into getters that load the layer when first read.
 */
/* eslint-disable @typescript-eslint/no-require-imports -- a layer is required when first used */
// For its effect: Results of this test realm reach the running test's collector.
import './jest/register-result-collection';
import { lazyExports, onFirstUse } from './model/lazy-exports';
import type * as authoring from './model/authoring';
import type { ObservableAdapter } from './model/execution-events';
import type * as suites from './suites';
import type * as protocol from './agent/protocol';
import type * as attacks from './agent/attacks';
import type * as probes from './agent/probes';
import type * as populations from './agent/populations';
import type * as evaluators from './agent/evaluators';
import type * as drivers from './agent/drivers';
import type * as converters from './agent/converters';
import type * as payloads from './agent/payloads';
import type * as llm from './agent/llm';

export * from './model';
export * from './jest';

// The model's names for building executions and evidence (src/model/authoring.ts).
export type {
  ExecuteOptions,
  ExecutionOptions,
  RoleUsage,
  CoverageTaxonomy,
} from './model/authoring';
export const {
  PayloadFormat,
  isTextFormat,
  isBinaryFormat,
  formatExtension,
  BaseExecution,
  ExecutionTimeoutError,
  ExecutionAbortedError,
  createPopulationRef,
  UTILITY_TAGS,
  UtilityOutcome,
  COVERAGE_TAXONOMIES,
  LIBRARY_TAXONOMY_IDS,
} = onFirstUse(() => require('./model/authoring') as typeof authoring);
export type PayloadFormat = authoring.PayloadFormat;
export type BaseExecution<A extends ObservableAdapter = ObservableAdapter> =
  authoring.BaseExecution<A>;
export type ExecutionTimeoutError = authoring.ExecutionTimeoutError;
export type ExecutionAbortedError = authoring.ExecutionAbortedError;
export type UtilityOutcome = authoring.UtilityOutcome;

// Jest suites generated from the agent layer: payloadMatrix (src/suites).
export type { PayloadMatrixOptions, MatrixCase } from './suites';
export const { payloadMatrix, MATRIX_METADATA } = onFirstUse(
  () => require('./suites') as typeof suites,
);

// The agent protocol: adapters, surfaces, payloads, evaluators' base, the trace loop, verdicts (src/agent/protocol).
export type {
  PayloadInit,
  RequestInput,
  ResponseInput,
  ToolCallInput,
  SideEffectInput,
  AppManifest,
  ToolDeclaration,
  DataSource,
  Persona,
  AgentAdapter,
  Session,
  SendOptions,
  InjectionHandle,
  Surface,
  PromptDriver,
  PromptDecision,
  EvalContextOptions,
  EvalResultInput,
  Evaluator,
  TraceRun,
  RunTraceOptions,
  EvaluationRecord,
} from './agent/protocol';
export const {
  InfrastructureError,
  DriverError,
  EvaluatorError,
  observesToolCalls,
  observesSideEffects,
  createPayload,
  validatePayloadId,
  newPayloadId,
  createRequest,
  createResponse,
  toolArguments,
  renderManifest,
  InjectionTimeoutError,
  sleepUntilReady,
  EvalContext,
  createEvalResult,
  isDetected,
  BaseEvaluator,
  runEvaluator,
  composable,
  anyOf,
  allOf,
  not,
  runTrace,
  evaluateTerminal,
  resolveAttackVerdict,
  resolveProbeVerdict,
  resolveAsAttack,
  resolveAsProbe,
} = onFirstUse(() => require('./agent/protocol') as typeof protocol);
export type InfrastructureError = protocol.InfrastructureError;
export type DriverError = protocol.DriverError;
export type EvaluatorError = protocol.EvaluatorError;
export type InjectionTimeoutError = protocol.InjectionTimeoutError;
export type EvalContext = protocol.EvalContext;
export type BaseEvaluator = protocol.BaseEvaluator;

// Attack strategies (src/agent/attacks).
export type {
  XpiaOptions,
  AdaptiveXpiaOptions,
  CrescendoOptions,
  TapOptions,
  PairOptions,
} from './agent/attacks';
export const { Attacks, AttackerError } = onFirstUse(
  () => require('./agent/attacks') as typeof attacks,
);
export type AttackerError = attacks.AttackerError;

// Probe strategies (src/agent/probes).
export type { BehaviorProbeOptions } from './agent/probes';
export const { Probes } = onFirstUse(() => require('./agent/probes') as typeof probes);

// runTrials and PopulationResult (src/agent/populations).
export type { RunTrialsOptions } from './agent/populations';
export const { runTrials, PopulationResult } = onFirstUse(
  () => require('./agent/populations') as typeof populations,
);
export type PopulationResult = populations.PopulationResult;

// The built-in evaluators (src/agent/evaluators).
export type {
  ResponsePattern,
  ResponseContainsOptions,
  ArgumentMatcher,
  ArgumentMatchers,
  ArgumentPredicate,
  ArgumentValue,
  LLMJudgeOptions,
  CanaryLeakOptions,
  PiiLeakOptions,
  PiiDetector,
  MarkdownExfiltrationOptions,
  ToolStep,
  ToolSequenceOptions,
  RefusalOptions,
} from './agent/evaluators';
export const {
  ToolCalled,
  SideEffectOccurred,
  ResponseContains,
  ResponseScope,
  LLMJudge,
  TranscriptScope,
  NEUTRAL_EVALUATOR,
  LeakChannel,
  CanaryLeak,
  PiiLeak,
  PiiKind,
  luhnValid,
  MarkdownExfiltration,
  ToolSequence,
  SequenceOrder,
  Refusal,
} = onFirstUse(() => require('./agent/evaluators') as typeof evaluators);
export type ToolCalled = evaluators.ToolCalled;
export type SideEffectOccurred = evaluators.SideEffectOccurred;
export type ResponseContains = evaluators.ResponseContains;
export type ResponseScope = evaluators.ResponseScope;
export type LLMJudge = evaluators.LLMJudge;
export type TranscriptScope = evaluators.TranscriptScope;
export type LeakChannel = evaluators.LeakChannel;
export type CanaryLeak = evaluators.CanaryLeak;
export type PiiLeak = evaluators.PiiLeak;
export type PiiKind = evaluators.PiiKind;
export type MarkdownExfiltration = evaluators.MarkdownExfiltration;
export type ToolSequence = evaluators.ToolSequence;
export type SequenceOrder = evaluators.SequenceOrder;
export type Refusal = evaluators.Refusal;

// The built-in prompt drivers (src/agent/drivers).
export type { LLMDriverOptions, DriverInput } from './agent/drivers';
export const { StaticDriver, LLMDriver } = onFirstUse(
  () => require('./agent/drivers') as typeof drivers,
);
export type StaticDriver = drivers.StaticDriver;
export type LLMDriver = drivers.LLMDriver;

// The converters and their catalogue (src/agent/converters).
export type {
  PayloadConverter,
  ReversibleConverter,
  UrlConverterOptions,
  JsonEscapeConverterOptions,
  CaesarConverterOptions,
  HomoglyphConverterOptions,
  CharSwapConverterOptions,
  SplitNoiseConverterOptions,
  ZeroWidthConverterOptions,
  TagSmugglingConverterOptions,
  MarkdownCommentConverterOptions,
  HtmlCommentConverterOptions,
  InvisibleHtmlConverterOptions,
  TranslateConverterOptions,
  ParaphraseConverterOptions,
  ToneConverterOptions,
  DocxConverterOptions,
  ChainConverterOptions,
  ConverterEntry,
} from './agent/converters';
export const {
  convertPayload,
  converterName,
  CONVERTER_METADATA_KEY,
  Base64Converter,
  Rot13Converter,
  HexConverter,
  BinaryConverter,
  UrlConverter,
  JsonEscapeConverter,
  MorseConverter,
  CaesarConverter,
  AtbashConverter,
  ReverseConverter,
  LeetspeakConverter,
  HomoglyphConverter,
  CharSwapConverter,
  SplitNoiseConverter,
  ZeroWidthConverter,
  TagSmugglingConverter,
  MarkdownCommentConverter,
  HtmlCommentConverter,
  InvisibleHtmlConverter,
  InvisibleStyle,
  ModelRewriteConverter,
  TranslateConverter,
  ParaphraseConverter,
  ToneConverter,
  DocxConverter,
  PlainConverter,
  ChainConverter,
  CONVERTER_CATALOGUE,
  ConverterKind,
} = onFirstUse(() => require('./agent/converters') as typeof converters);
export type Base64Converter = converters.Base64Converter;
export type Rot13Converter = converters.Rot13Converter;
export type HexConverter = converters.HexConverter;
export type BinaryConverter = converters.BinaryConverter;
export type UrlConverter = converters.UrlConverter;
export type JsonEscapeConverter = converters.JsonEscapeConverter;
export type MorseConverter = converters.MorseConverter;
export type CaesarConverter = converters.CaesarConverter;
export type AtbashConverter = converters.AtbashConverter;
export type ReverseConverter = converters.ReverseConverter;
export type LeetspeakConverter = converters.LeetspeakConverter;
export type HomoglyphConverter = converters.HomoglyphConverter;
export type CharSwapConverter = converters.CharSwapConverter;
export type SplitNoiseConverter = converters.SplitNoiseConverter;
export type ZeroWidthConverter = converters.ZeroWidthConverter;
export type TagSmugglingConverter = converters.TagSmugglingConverter;
export type MarkdownCommentConverter = converters.MarkdownCommentConverter;
export type HtmlCommentConverter = converters.HtmlCommentConverter;
export type InvisibleHtmlConverter = converters.InvisibleHtmlConverter;
export type InvisibleStyle = converters.InvisibleStyle;
export type ModelRewriteConverter = converters.ModelRewriteConverter;
export type TranslateConverter = converters.TranslateConverter;
export type ParaphraseConverter = converters.ParaphraseConverter;
export type ToneConverter = converters.ToneConverter;
export type DocxConverter = converters.DocxConverter;
export type PlainConverter = converters.PlainConverter;
export type ChainConverter = converters.ChainConverter;
export type ConverterKind = converters.ConverterKind;

// Payload templates, the library, taxonomies, the store, generation (src/agent/payloads).
export type {
  PayloadTemplateInit,
  PayloadTags,
  PayloadValues,
  FillOptions,
  ObjectiveField,
  PayloadObjective,
  PayloadTemplateQuery,
  PayloadStoreOptions,
  PayloadCollectionManifest,
  LoadOptions,
  GeneratePayloadsOptions,
  Taxonomy,
  TaxonomyEntry,
} from './agent/payloads';
export const {
  PayloadTemplate,
  OBJECTIVE_FIELDS,
  EXAMPLE_OBJECTIVE,
  PayloadTechnique,
  TECHNIQUE_DESCRIPTIONS,
  PLACEHOLDER_FILTERS,
  PAYLOAD_LIBRARY,
  payloadTemplates,
  payloadTemplate,
  PayloadStore,
  validateCollectionName,
  Payloads,
  RED_TEAM_WRITER,
  OWASP_LLM_TOP_10,
  OWASP_AGENTIC_TOP_10,
  MITRE_ATLAS,
  findTaxonomyEntry,
} = onFirstUse(() => require('./agent/payloads') as typeof payloads);
export type PayloadTemplate = payloads.PayloadTemplate;
export type PayloadTechnique = payloads.PayloadTechnique;
export type PayloadStore = payloads.PayloadStore;

// The model seam and the OpenAI-compatible client (src/agent/llm).
export type {
  LlmClient,
  ChatMessage,
  CompletionRequest,
  ModelInput,
  ModelCallOptions,
  LanguageModelLike,
  LanguageModelCallOptions,
  OpenAiChatClientOptions,
  ModelParams,
  WithCallPolicyOptions,
} from './agent/llm';
export const {
  LlmError,
  LlmErrorReason,
  configureModelCalls,
  CassetteMode,
  OpenAiChatClient,
  withCallPolicy,
} = onFirstUse(() => require('./agent/llm') as typeof llm);
export type LlmError = llm.LlmError;
export type LlmErrorReason = llm.LlmErrorReason;
export type CassetteMode = llm.CassetteMode;
export type OpenAiChatClient = llm.OpenAiChatClient;

lazyExports(exports);
