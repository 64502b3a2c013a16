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
 * (docs/architecture.md, "Layers loaded on first use"). Each of those names
 * is declared with its layer's type (`export declare const { A, B }: typeof
 * layer`, which emits no code) and given its value by a getter of the
 * module's one object literal, at the end; a class adds its instance type
 * (`export type A = layer.A`).
 */
/* eslint-disable @typescript-eslint/no-require-imports -- a layer is required when first used */
// For its effect: Results of this test realm reach the running test's collector.
import './jest/register-result-collection';
import * as model from './model';
import * as jestLayer from './jest';
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
export declare const {
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
}: typeof authoring;
export type PayloadFormat = authoring.PayloadFormat;
export type BaseExecution<A extends ObservableAdapter = ObservableAdapter> =
  authoring.BaseExecution<A>;
export type ExecutionTimeoutError = authoring.ExecutionTimeoutError;
export type ExecutionAbortedError = authoring.ExecutionAbortedError;
export type UtilityOutcome = authoring.UtilityOutcome;

// Jest suites generated from the agent layer: payloadMatrix (src/suites).
export type { PayloadMatrixOptions, MatrixCase } from './suites';
export declare const { payloadMatrix, MATRIX_METADATA }: typeof suites;

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
export declare const {
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
}: typeof protocol;
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
export declare const { Attacks, AttackerError }: typeof attacks;
export type AttackerError = attacks.AttackerError;

// Probe strategies (src/agent/probes).
export type { BehaviorProbeOptions } from './agent/probes';
export declare const { Probes }: typeof probes;

// runTrials and PopulationResult (src/agent/populations).
export type { RunTrialsOptions } from './agent/populations';
export declare const { runTrials, PopulationResult }: typeof populations;
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
export declare const {
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
}: typeof evaluators;
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
export declare const { StaticDriver, LLMDriver }: typeof drivers;
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
export declare const {
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
}: typeof converters;
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
export declare const {
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
}: typeof payloads;
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
export declare const {
  LlmError,
  LlmErrorReason,
  configureModelCalls,
  CassetteMode,
  OpenAiChatClient,
  withCallPolicy,
}: typeof llm;
export type LlmError = llm.LlmError;
export type LlmErrorReason = llm.LlmErrorReason;
export type CassetteMode = llm.CassetteMode;
export type OpenAiChatClient = llm.OpenAiChatClient;

/** A layer, required the first time one of its names is read. */
function onFirstUse<Layer>(load: () => Layer): () => Layer {
  let layer: Layer | undefined;
  return () => (layer ??= load());
}

const layer = {
  authoring: onFirstUse(() => require('./model/authoring') as typeof authoring),
  suites: onFirstUse(() => require('./suites') as typeof suites),
  protocol: onFirstUse(() => require('./agent/protocol') as typeof protocol),
  attacks: onFirstUse(() => require('./agent/attacks') as typeof attacks),
  probes: onFirstUse(() => require('./agent/probes') as typeof probes),
  populations: onFirstUse(() => require('./agent/populations') as typeof populations),
  evaluators: onFirstUse(() => require('./agent/evaluators') as typeof evaluators),
  drivers: onFirstUse(() => require('./agent/drivers') as typeof drivers),
  converters: onFirstUse(() => require('./agent/converters') as typeof converters),
  payloads: onFirstUse(() => require('./agent/payloads') as typeof payloads),
  llm: onFirstUse(() => require('./agent/llm') as typeof llm),
};

// The module's values: the model's and the Jest layer's, then a getter for
// each name declared above. One object literal, because V8 builds it several
// times faster than the same getters defined one by one, and Jest builds it
// again for every test file (docs/performance-analysis.md, "What keeps the
// import cheap"). One getter per line, as a table.
// prettier-ignore
module.exports = {
  ...model,
  ...jestLayer,
  get PayloadFormat() { return layer.authoring().PayloadFormat; },
  get isTextFormat() { return layer.authoring().isTextFormat; },
  get isBinaryFormat() { return layer.authoring().isBinaryFormat; },
  get formatExtension() { return layer.authoring().formatExtension; },
  get BaseExecution() { return layer.authoring().BaseExecution; },
  get ExecutionTimeoutError() { return layer.authoring().ExecutionTimeoutError; },
  get ExecutionAbortedError() { return layer.authoring().ExecutionAbortedError; },
  get createPopulationRef() { return layer.authoring().createPopulationRef; },
  get UTILITY_TAGS() { return layer.authoring().UTILITY_TAGS; },
  get UtilityOutcome() { return layer.authoring().UtilityOutcome; },
  get COVERAGE_TAXONOMIES() { return layer.authoring().COVERAGE_TAXONOMIES; },
  get LIBRARY_TAXONOMY_IDS() { return layer.authoring().LIBRARY_TAXONOMY_IDS; },
  get payloadMatrix() { return layer.suites().payloadMatrix; },
  get MATRIX_METADATA() { return layer.suites().MATRIX_METADATA; },
  get InfrastructureError() { return layer.protocol().InfrastructureError; },
  get DriverError() { return layer.protocol().DriverError; },
  get EvaluatorError() { return layer.protocol().EvaluatorError; },
  get observesToolCalls() { return layer.protocol().observesToolCalls; },
  get observesSideEffects() { return layer.protocol().observesSideEffects; },
  get createPayload() { return layer.protocol().createPayload; },
  get validatePayloadId() { return layer.protocol().validatePayloadId; },
  get newPayloadId() { return layer.protocol().newPayloadId; },
  get createRequest() { return layer.protocol().createRequest; },
  get createResponse() { return layer.protocol().createResponse; },
  get toolArguments() { return layer.protocol().toolArguments; },
  get renderManifest() { return layer.protocol().renderManifest; },
  get InjectionTimeoutError() { return layer.protocol().InjectionTimeoutError; },
  get sleepUntilReady() { return layer.protocol().sleepUntilReady; },
  get EvalContext() { return layer.protocol().EvalContext; },
  get createEvalResult() { return layer.protocol().createEvalResult; },
  get isDetected() { return layer.protocol().isDetected; },
  get BaseEvaluator() { return layer.protocol().BaseEvaluator; },
  get runEvaluator() { return layer.protocol().runEvaluator; },
  get composable() { return layer.protocol().composable; },
  get anyOf() { return layer.protocol().anyOf; },
  get allOf() { return layer.protocol().allOf; },
  get not() { return layer.protocol().not; },
  get runTrace() { return layer.protocol().runTrace; },
  get evaluateTerminal() { return layer.protocol().evaluateTerminal; },
  get resolveAttackVerdict() { return layer.protocol().resolveAttackVerdict; },
  get resolveProbeVerdict() { return layer.protocol().resolveProbeVerdict; },
  get resolveAsAttack() { return layer.protocol().resolveAsAttack; },
  get resolveAsProbe() { return layer.protocol().resolveAsProbe; },
  get Attacks() { return layer.attacks().Attacks; },
  get AttackerError() { return layer.attacks().AttackerError; },
  get Probes() { return layer.probes().Probes; },
  get runTrials() { return layer.populations().runTrials; },
  get PopulationResult() { return layer.populations().PopulationResult; },
  get ToolCalled() { return layer.evaluators().ToolCalled; },
  get SideEffectOccurred() { return layer.evaluators().SideEffectOccurred; },
  get ResponseContains() { return layer.evaluators().ResponseContains; },
  get ResponseScope() { return layer.evaluators().ResponseScope; },
  get LLMJudge() { return layer.evaluators().LLMJudge; },
  get TranscriptScope() { return layer.evaluators().TranscriptScope; },
  get NEUTRAL_EVALUATOR() { return layer.evaluators().NEUTRAL_EVALUATOR; },
  get LeakChannel() { return layer.evaluators().LeakChannel; },
  get CanaryLeak() { return layer.evaluators().CanaryLeak; },
  get PiiLeak() { return layer.evaluators().PiiLeak; },
  get PiiKind() { return layer.evaluators().PiiKind; },
  get luhnValid() { return layer.evaluators().luhnValid; },
  get MarkdownExfiltration() { return layer.evaluators().MarkdownExfiltration; },
  get ToolSequence() { return layer.evaluators().ToolSequence; },
  get SequenceOrder() { return layer.evaluators().SequenceOrder; },
  get Refusal() { return layer.evaluators().Refusal; },
  get StaticDriver() { return layer.drivers().StaticDriver; },
  get LLMDriver() { return layer.drivers().LLMDriver; },
  get convertPayload() { return layer.converters().convertPayload; },
  get converterName() { return layer.converters().converterName; },
  get CONVERTER_METADATA_KEY() { return layer.converters().CONVERTER_METADATA_KEY; },
  get Base64Converter() { return layer.converters().Base64Converter; },
  get Rot13Converter() { return layer.converters().Rot13Converter; },
  get HexConverter() { return layer.converters().HexConverter; },
  get BinaryConverter() { return layer.converters().BinaryConverter; },
  get UrlConverter() { return layer.converters().UrlConverter; },
  get JsonEscapeConverter() { return layer.converters().JsonEscapeConverter; },
  get MorseConverter() { return layer.converters().MorseConverter; },
  get CaesarConverter() { return layer.converters().CaesarConverter; },
  get AtbashConverter() { return layer.converters().AtbashConverter; },
  get ReverseConverter() { return layer.converters().ReverseConverter; },
  get LeetspeakConverter() { return layer.converters().LeetspeakConverter; },
  get HomoglyphConverter() { return layer.converters().HomoglyphConverter; },
  get CharSwapConverter() { return layer.converters().CharSwapConverter; },
  get SplitNoiseConverter() { return layer.converters().SplitNoiseConverter; },
  get ZeroWidthConverter() { return layer.converters().ZeroWidthConverter; },
  get TagSmugglingConverter() { return layer.converters().TagSmugglingConverter; },
  get MarkdownCommentConverter() { return layer.converters().MarkdownCommentConverter; },
  get HtmlCommentConverter() { return layer.converters().HtmlCommentConverter; },
  get InvisibleHtmlConverter() { return layer.converters().InvisibleHtmlConverter; },
  get InvisibleStyle() { return layer.converters().InvisibleStyle; },
  get ModelRewriteConverter() { return layer.converters().ModelRewriteConverter; },
  get TranslateConverter() { return layer.converters().TranslateConverter; },
  get ParaphraseConverter() { return layer.converters().ParaphraseConverter; },
  get ToneConverter() { return layer.converters().ToneConverter; },
  get DocxConverter() { return layer.converters().DocxConverter; },
  get PlainConverter() { return layer.converters().PlainConverter; },
  get ChainConverter() { return layer.converters().ChainConverter; },
  get CONVERTER_CATALOGUE() { return layer.converters().CONVERTER_CATALOGUE; },
  get ConverterKind() { return layer.converters().ConverterKind; },
  get PayloadTemplate() { return layer.payloads().PayloadTemplate; },
  get OBJECTIVE_FIELDS() { return layer.payloads().OBJECTIVE_FIELDS; },
  get EXAMPLE_OBJECTIVE() { return layer.payloads().EXAMPLE_OBJECTIVE; },
  get PayloadTechnique() { return layer.payloads().PayloadTechnique; },
  get TECHNIQUE_DESCRIPTIONS() { return layer.payloads().TECHNIQUE_DESCRIPTIONS; },
  get PLACEHOLDER_FILTERS() { return layer.payloads().PLACEHOLDER_FILTERS; },
  get PAYLOAD_LIBRARY() { return layer.payloads().PAYLOAD_LIBRARY; },
  get payloadTemplates() { return layer.payloads().payloadTemplates; },
  get payloadTemplate() { return layer.payloads().payloadTemplate; },
  get PayloadStore() { return layer.payloads().PayloadStore; },
  get validateCollectionName() { return layer.payloads().validateCollectionName; },
  get Payloads() { return layer.payloads().Payloads; },
  get RED_TEAM_WRITER() { return layer.payloads().RED_TEAM_WRITER; },
  get OWASP_LLM_TOP_10() { return layer.payloads().OWASP_LLM_TOP_10; },
  get OWASP_AGENTIC_TOP_10() { return layer.payloads().OWASP_AGENTIC_TOP_10; },
  get MITRE_ATLAS() { return layer.payloads().MITRE_ATLAS; },
  get findTaxonomyEntry() { return layer.payloads().findTaxonomyEntry; },
  get LlmError() { return layer.llm().LlmError; },
  get LlmErrorReason() { return layer.llm().LlmErrorReason; },
  get configureModelCalls() { return layer.llm().configureModelCalls; },
  get CassetteMode() { return layer.llm().CassetteMode; },
  get OpenAiChatClient() { return layer.llm().OpenAiChatClient; },
  get withCallPolicy() { return layer.llm().withCallPolicy; },
};
Object.defineProperty(module.exports, '__esModule', { value: true });
