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
 * (docs/architecture.md, "Layers loaded on first use"). For each such name,
 * `export let X: typeof layer.X` declares the value and its type without
 * loading the layer (TypeScript compiles it to `exports.X = void 0`, which
 * is also how Node's ESM loader finds the name), `export type X = layer.X`
 * gives a class its instance type, and `lazyExports` at the end turns the
 * names into getters that load the layer when first read.
 */
/* eslint-disable @typescript-eslint/no-require-imports -- a layer is required when first used */
// For its effect: Results of this test realm reach the running test's collector.
import './jest/register-result-collection';
import { lazyExports } from './model/lazy-exports';
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

// Jest suites generated from the agent layer: payloadMatrix (src/suites).
export type { PayloadMatrixOptions, MatrixCase } from './suites';
export let payloadMatrix: typeof suites.payloadMatrix;
export let MATRIX_METADATA: typeof suites.MATRIX_METADATA;
lazyExports(exports, () => require('./suites') as typeof suites, [
  'payloadMatrix',
  'MATRIX_METADATA',
]);

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
export let InfrastructureError: typeof protocol.InfrastructureError;
export type InfrastructureError = protocol.InfrastructureError;
export let DriverError: typeof protocol.DriverError;
export type DriverError = protocol.DriverError;
export let EvaluatorError: typeof protocol.EvaluatorError;
export type EvaluatorError = protocol.EvaluatorError;
export let observesToolCalls: typeof protocol.observesToolCalls;
export let observesSideEffects: typeof protocol.observesSideEffects;
export let createPayload: typeof protocol.createPayload;
export let validatePayloadId: typeof protocol.validatePayloadId;
export let newPayloadId: typeof protocol.newPayloadId;
export let createRequest: typeof protocol.createRequest;
export let createResponse: typeof protocol.createResponse;
export let toolArguments: typeof protocol.toolArguments;
export let renderManifest: typeof protocol.renderManifest;
export let InjectionTimeoutError: typeof protocol.InjectionTimeoutError;
export type InjectionTimeoutError = protocol.InjectionTimeoutError;
export let sleepUntilReady: typeof protocol.sleepUntilReady;
export let EvalContext: typeof protocol.EvalContext;
export type EvalContext = protocol.EvalContext;
export let createEvalResult: typeof protocol.createEvalResult;
export let isDetected: typeof protocol.isDetected;
export let BaseEvaluator: typeof protocol.BaseEvaluator;
export type BaseEvaluator = protocol.BaseEvaluator;
export let runEvaluator: typeof protocol.runEvaluator;
export let composable: typeof protocol.composable;
export let anyOf: typeof protocol.anyOf;
export let allOf: typeof protocol.allOf;
export let not: typeof protocol.not;
export let runTrace: typeof protocol.runTrace;
export let evaluateTerminal: typeof protocol.evaluateTerminal;
export let resolveAttackVerdict: typeof protocol.resolveAttackVerdict;
export let resolveProbeVerdict: typeof protocol.resolveProbeVerdict;
export let resolveAsAttack: typeof protocol.resolveAsAttack;
export let resolveAsProbe: typeof protocol.resolveAsProbe;
lazyExports(exports, () => require('./agent/protocol') as typeof protocol, [
  'InfrastructureError',
  'DriverError',
  'EvaluatorError',
  'observesToolCalls',
  'observesSideEffects',
  'createPayload',
  'validatePayloadId',
  'newPayloadId',
  'createRequest',
  'createResponse',
  'toolArguments',
  'renderManifest',
  'InjectionTimeoutError',
  'sleepUntilReady',
  'EvalContext',
  'createEvalResult',
  'isDetected',
  'BaseEvaluator',
  'runEvaluator',
  'composable',
  'anyOf',
  'allOf',
  'not',
  'runTrace',
  'evaluateTerminal',
  'resolveAttackVerdict',
  'resolveProbeVerdict',
  'resolveAsAttack',
  'resolveAsProbe',
]);

// Attack strategies (src/agent/attacks).
export type {
  XpiaOptions,
  AdaptiveXpiaOptions,
  CrescendoOptions,
  TapOptions,
  PairOptions,
} from './agent/attacks';
export let Attacks: typeof attacks.Attacks;
export let AttackerError: typeof attacks.AttackerError;
export type AttackerError = attacks.AttackerError;
lazyExports(exports, () => require('./agent/attacks') as typeof attacks, [
  'Attacks',
  'AttackerError',
]);

// Probe strategies (src/agent/probes).
export type { BehaviorProbeOptions } from './agent/probes';
export let Probes: typeof probes.Probes;
lazyExports(exports, () => require('./agent/probes') as typeof probes, ['Probes']);

// runTrials and PopulationResult (src/agent/populations).
export type { RunTrialsOptions } from './agent/populations';
export let runTrials: typeof populations.runTrials;
export let PopulationResult: typeof populations.PopulationResult;
export type PopulationResult = populations.PopulationResult;
lazyExports(exports, () => require('./agent/populations') as typeof populations, [
  'runTrials',
  'PopulationResult',
]);

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
export let ToolCalled: typeof evaluators.ToolCalled;
export type ToolCalled = evaluators.ToolCalled;
export let SideEffectOccurred: typeof evaluators.SideEffectOccurred;
export type SideEffectOccurred = evaluators.SideEffectOccurred;
export let ResponseContains: typeof evaluators.ResponseContains;
export type ResponseContains = evaluators.ResponseContains;
export let ResponseScope: typeof evaluators.ResponseScope;
export type ResponseScope = evaluators.ResponseScope;
export let LLMJudge: typeof evaluators.LLMJudge;
export type LLMJudge = evaluators.LLMJudge;
export let TranscriptScope: typeof evaluators.TranscriptScope;
export type TranscriptScope = evaluators.TranscriptScope;
export let NEUTRAL_EVALUATOR: typeof evaluators.NEUTRAL_EVALUATOR;
export let LeakChannel: typeof evaluators.LeakChannel;
export type LeakChannel = evaluators.LeakChannel;
export let CanaryLeak: typeof evaluators.CanaryLeak;
export type CanaryLeak = evaluators.CanaryLeak;
export let PiiLeak: typeof evaluators.PiiLeak;
export type PiiLeak = evaluators.PiiLeak;
export let PiiKind: typeof evaluators.PiiKind;
export type PiiKind = evaluators.PiiKind;
export let luhnValid: typeof evaluators.luhnValid;
export let MarkdownExfiltration: typeof evaluators.MarkdownExfiltration;
export type MarkdownExfiltration = evaluators.MarkdownExfiltration;
export let ToolSequence: typeof evaluators.ToolSequence;
export type ToolSequence = evaluators.ToolSequence;
export let SequenceOrder: typeof evaluators.SequenceOrder;
export type SequenceOrder = evaluators.SequenceOrder;
export let Refusal: typeof evaluators.Refusal;
export type Refusal = evaluators.Refusal;
lazyExports(exports, () => require('./agent/evaluators') as typeof evaluators, [
  'ToolCalled',
  'SideEffectOccurred',
  'ResponseContains',
  'ResponseScope',
  'LLMJudge',
  'TranscriptScope',
  'NEUTRAL_EVALUATOR',
  'LeakChannel',
  'CanaryLeak',
  'PiiLeak',
  'PiiKind',
  'luhnValid',
  'MarkdownExfiltration',
  'ToolSequence',
  'SequenceOrder',
  'Refusal',
]);

// The built-in prompt drivers (src/agent/drivers).
export type { LLMDriverOptions, DriverInput } from './agent/drivers';
export let StaticDriver: typeof drivers.StaticDriver;
export type StaticDriver = drivers.StaticDriver;
export let LLMDriver: typeof drivers.LLMDriver;
export type LLMDriver = drivers.LLMDriver;
lazyExports(exports, () => require('./agent/drivers') as typeof drivers, [
  'StaticDriver',
  'LLMDriver',
]);

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
export let convertPayload: typeof converters.convertPayload;
export let converterName: typeof converters.converterName;
export let CONVERTER_METADATA_KEY: typeof converters.CONVERTER_METADATA_KEY;
export let Base64Converter: typeof converters.Base64Converter;
export type Base64Converter = converters.Base64Converter;
export let Rot13Converter: typeof converters.Rot13Converter;
export type Rot13Converter = converters.Rot13Converter;
export let HexConverter: typeof converters.HexConverter;
export type HexConverter = converters.HexConverter;
export let BinaryConverter: typeof converters.BinaryConverter;
export type BinaryConverter = converters.BinaryConverter;
export let UrlConverter: typeof converters.UrlConverter;
export type UrlConverter = converters.UrlConverter;
export let JsonEscapeConverter: typeof converters.JsonEscapeConverter;
export type JsonEscapeConverter = converters.JsonEscapeConverter;
export let MorseConverter: typeof converters.MorseConverter;
export type MorseConverter = converters.MorseConverter;
export let CaesarConverter: typeof converters.CaesarConverter;
export type CaesarConverter = converters.CaesarConverter;
export let AtbashConverter: typeof converters.AtbashConverter;
export type AtbashConverter = converters.AtbashConverter;
export let ReverseConverter: typeof converters.ReverseConverter;
export type ReverseConverter = converters.ReverseConverter;
export let LeetspeakConverter: typeof converters.LeetspeakConverter;
export type LeetspeakConverter = converters.LeetspeakConverter;
export let HomoglyphConverter: typeof converters.HomoglyphConverter;
export type HomoglyphConverter = converters.HomoglyphConverter;
export let CharSwapConverter: typeof converters.CharSwapConverter;
export type CharSwapConverter = converters.CharSwapConverter;
export let SplitNoiseConverter: typeof converters.SplitNoiseConverter;
export type SplitNoiseConverter = converters.SplitNoiseConverter;
export let ZeroWidthConverter: typeof converters.ZeroWidthConverter;
export type ZeroWidthConverter = converters.ZeroWidthConverter;
export let TagSmugglingConverter: typeof converters.TagSmugglingConverter;
export type TagSmugglingConverter = converters.TagSmugglingConverter;
export let MarkdownCommentConverter: typeof converters.MarkdownCommentConverter;
export type MarkdownCommentConverter = converters.MarkdownCommentConverter;
export let HtmlCommentConverter: typeof converters.HtmlCommentConverter;
export type HtmlCommentConverter = converters.HtmlCommentConverter;
export let InvisibleHtmlConverter: typeof converters.InvisibleHtmlConverter;
export type InvisibleHtmlConverter = converters.InvisibleHtmlConverter;
export let InvisibleStyle: typeof converters.InvisibleStyle;
export type InvisibleStyle = converters.InvisibleStyle;
export let ModelRewriteConverter: typeof converters.ModelRewriteConverter;
export type ModelRewriteConverter = converters.ModelRewriteConverter;
export let TranslateConverter: typeof converters.TranslateConverter;
export type TranslateConverter = converters.TranslateConverter;
export let ParaphraseConverter: typeof converters.ParaphraseConverter;
export type ParaphraseConverter = converters.ParaphraseConverter;
export let ToneConverter: typeof converters.ToneConverter;
export type ToneConverter = converters.ToneConverter;
export let DocxConverter: typeof converters.DocxConverter;
export type DocxConverter = converters.DocxConverter;
export let PlainConverter: typeof converters.PlainConverter;
export type PlainConverter = converters.PlainConverter;
export let ChainConverter: typeof converters.ChainConverter;
export type ChainConverter = converters.ChainConverter;
export let CONVERTER_CATALOGUE: typeof converters.CONVERTER_CATALOGUE;
export let ConverterKind: typeof converters.ConverterKind;
export type ConverterKind = converters.ConverterKind;
lazyExports(exports, () => require('./agent/converters') as typeof converters, [
  'convertPayload',
  'converterName',
  'CONVERTER_METADATA_KEY',
  'Base64Converter',
  'Rot13Converter',
  'HexConverter',
  'BinaryConverter',
  'UrlConverter',
  'JsonEscapeConverter',
  'MorseConverter',
  'CaesarConverter',
  'AtbashConverter',
  'ReverseConverter',
  'LeetspeakConverter',
  'HomoglyphConverter',
  'CharSwapConverter',
  'SplitNoiseConverter',
  'ZeroWidthConverter',
  'TagSmugglingConverter',
  'MarkdownCommentConverter',
  'HtmlCommentConverter',
  'InvisibleHtmlConverter',
  'InvisibleStyle',
  'ModelRewriteConverter',
  'TranslateConverter',
  'ParaphraseConverter',
  'ToneConverter',
  'DocxConverter',
  'PlainConverter',
  'ChainConverter',
  'CONVERTER_CATALOGUE',
  'ConverterKind',
]);

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
export let PayloadTemplate: typeof payloads.PayloadTemplate;
export type PayloadTemplate = payloads.PayloadTemplate;
export let OBJECTIVE_FIELDS: typeof payloads.OBJECTIVE_FIELDS;
export let EXAMPLE_OBJECTIVE: typeof payloads.EXAMPLE_OBJECTIVE;
export let PayloadTechnique: typeof payloads.PayloadTechnique;
export type PayloadTechnique = payloads.PayloadTechnique;
export let TECHNIQUE_DESCRIPTIONS: typeof payloads.TECHNIQUE_DESCRIPTIONS;
export let PLACEHOLDER_FILTERS: typeof payloads.PLACEHOLDER_FILTERS;
export let PAYLOAD_LIBRARY: typeof payloads.PAYLOAD_LIBRARY;
export let payloadTemplates: typeof payloads.payloadTemplates;
export let payloadTemplate: typeof payloads.payloadTemplate;
export let PayloadStore: typeof payloads.PayloadStore;
export type PayloadStore = payloads.PayloadStore;
export let validateCollectionName: typeof payloads.validateCollectionName;
export let Payloads: typeof payloads.Payloads;
export let RED_TEAM_WRITER: typeof payloads.RED_TEAM_WRITER;
export let OWASP_LLM_TOP_10: typeof payloads.OWASP_LLM_TOP_10;
export let OWASP_AGENTIC_TOP_10: typeof payloads.OWASP_AGENTIC_TOP_10;
export let MITRE_ATLAS: typeof payloads.MITRE_ATLAS;
export let findTaxonomyEntry: typeof payloads.findTaxonomyEntry;
lazyExports(exports, () => require('./agent/payloads') as typeof payloads, [
  'PayloadTemplate',
  'OBJECTIVE_FIELDS',
  'EXAMPLE_OBJECTIVE',
  'PayloadTechnique',
  'TECHNIQUE_DESCRIPTIONS',
  'PLACEHOLDER_FILTERS',
  'PAYLOAD_LIBRARY',
  'payloadTemplates',
  'payloadTemplate',
  'PayloadStore',
  'validateCollectionName',
  'Payloads',
  'RED_TEAM_WRITER',
  'OWASP_LLM_TOP_10',
  'OWASP_AGENTIC_TOP_10',
  'MITRE_ATLAS',
  'findTaxonomyEntry',
]);

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
export let LlmError: typeof llm.LlmError;
export type LlmError = llm.LlmError;
export let LlmErrorReason: typeof llm.LlmErrorReason;
export type LlmErrorReason = llm.LlmErrorReason;
export let configureModelCalls: typeof llm.configureModelCalls;
export let CassetteMode: typeof llm.CassetteMode;
export type CassetteMode = llm.CassetteMode;
export let OpenAiChatClient: typeof llm.OpenAiChatClient;
export type OpenAiChatClient = llm.OpenAiChatClient;
export let withCallPolicy: typeof llm.withCallPolicy;
lazyExports(exports, () => require('./agent/llm') as typeof llm, [
  'LlmError',
  'LlmErrorReason',
  'configureModelCalls',
  'CassetteMode',
  'OpenAiChatClient',
  'withCallPolicy',
]);
