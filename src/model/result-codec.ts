/**
 * The canonical JSON projection of a Result (upstream `rampart.trace.v2`
 * "result" object, snake_case, enum wire values). Encoding is total: it
 * coerces whatever a test hands over into valid JSON. Decoding is strict: it
 * validates every field and names the first bad one, with its path. The
 * worker transport and trace records both use this pair.
 */
import { Result } from './result';
import { EvalOutcome, EvaluationPurpose, TraceEndReason } from './trace-enums';
import { ObservabilityLevel, SafetyStatus } from './result-status';
import { PayloadFormat } from './payload-format';
import {
  type EvalResult,
  type InjectionRecord,
  type Payload,
  type PopulationRef,
  type Request,
  type Response,
  type SideEffect,
  type ToolCall,
  type Turn,
} from './trace-types';
import {
  type JsonValue,
  type LossyKeys,
  jsonString,
  toJsonSafeRecord,
  toWellFormed,
} from './json-safe';
import { ValueChecks } from './value-checks';

/** Raised when a serialized Result is malformed. */
export class SchemaError extends Error {
  override name = 'SchemaError';
}

type Json = Record<string, JsonValue>;

// ---------------------------------------------------------------- encoding

function str(value: unknown): string {
  return typeof value === 'string'
    ? toWellFormed(value)
    : value === undefined || value === null
      ? ''
      : toWellFormed(String(value));
}

function strOrNull(value: unknown): string | null {
  return value === undefined || value === null ? null : str(value);
}

function num(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : fallback;
}

function int(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isSafeInteger(value) ? value : fallback;
}

function list<T>(value: unknown): T[] {
  return Array.isArray(value) ? (value as T[]) : [];
}

function date(value: unknown): string | null {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString();
  return typeof value === 'string' ? str(value) : null;
}

function encodeEval(value: EvalResult | null | undefined): Json | null {
  if (!value || typeof value !== 'object') return null;
  return {
    outcome: str(value.outcome),
    // Non-finite confidence is written as null, as upstream.
    confidence:
      typeof value.confidence === 'number' && Number.isFinite(value.confidence)
        ? value.confidence
        : null,
    evidence: list<unknown>(value.evidence).map(str),
    rationale: str(value.rationale),
    undetermined_operands: list<unknown>(value.undeterminedOperands).map(str),
  };
}

function encodePayload(value: Payload): Json {
  return {
    content: str(value?.content),
    id: str(value?.id),
    format: str(value?.format ?? PayloadFormat.TEXT),
    artifact: strOrNull(value?.artifact),
    metadata: toJsonSafeRecord(value?.metadata),
  };
}

function encodeTurn(turn: Turn, index: number): Json {
  const request: Partial<Request> = turn?.request ?? {};
  const response: Partial<Response> = turn?.response ?? {};
  return {
    request: {
      prompt: strOrNull(request.prompt),
      attachments: list<Payload>(request.attachments).map(encodePayload),
    },
    response: {
      text: str(response.text),
      tool_calls: list<ToolCall>(response.toolCalls).map((call) => ({
        name: str(call?.name),
        arguments: toJsonSafeRecord(call?.arguments),
        result: strOrNull(call?.result),
        timestamp: date(call?.timestamp),
      })),
      side_effects: list<SideEffect>(response.sideEffects).map((effect) => ({
        kind: str(effect?.kind),
        details: toJsonSafeRecord(effect?.details),
      })),
      metadata: toJsonSafeRecord(response.metadata),
    },
    eval_result: encodeEval(turn?.evalResult),
    eval_purpose: strOrNull(turn?.evalPurpose),
    turn_number: int(turn?.turnNumber, index),
    timestamp: date(turn?.timestamp),
    driver_reasoning: str(turn?.driverReasoning),
  };
}

/** How one field of the canonical object is made from a Result. */
type FieldEncoder = (result: Result, lossyMetadata: LossyKeys | undefined) => JsonValue;

/** The canonical object's fields, in order: the one definition of both encodings below. */
const RESULT_FIELDS: ReadonlyArray<readonly [string, FieldEncoder]> = [
  ['status', (r) => str(r.status)],
  ['summary', (r) => str(r.summary)],
  ['observability_level', (r) => str(r.observabilityLevel)],
  ['terminal_evaluation', (r) => encodeEval(r.terminalEvaluation)],
  ['turns', (r) => list<Turn>(r.turns).map(encodeTurn)],
  ['trace_end_reason', (r) => strOrNull(r.traceEndReason)],
  ['duration_seconds', (r) => num(r.durationSeconds, 0)],
  ['harm_category', (r) => (r.harmCategory ? str(r.harmCategory) : null)],
  ['strategy', (r) => str(r.strategy)],
  [
    'injections',
    (r) =>
      list<InjectionRecord>(r.injections).map((record) => ({
        payload_id: strOrNull(record?.payloadId),
        surface_name: str(record?.surfaceName),
        ...(typeof record?.payloadText === 'string' ? { payload_text: record.payloadText } : {}),
      })),
  ],
  [
    'population',
    ({ population }) =>
      population && typeof population === 'object'
        ? {
            id: str(population.id),
            index: int(population.index, 0),
            size: int(population.size, 1),
            threshold: num(population.threshold, 0),
          }
        : null,
  ],
  ['metadata', (r, lossy) => toJsonSafeRecord(r.metadata, lossy)],
];

/**
 * The canonical JSON object of a Result. Never throws for odd field values.
 * `lossyMetadata` receives the metadata keys whose values could not be
 * represented as JSON.
 */
export function encodeResult(result: Result, lossyMetadata?: LossyKeys): Json {
  const out: Json = {};
  for (const [key, encode] of RESULT_FIELDS) out[key] = encode(result, lossyMetadata);
  return out;
}

/** `"key":` of each field, after `{` or `,`. */
const FIELD_PREFIXES = RESULT_FIELDS.map(
  ([key], i) => `${i === 0 ? '{' : ','}${JSON.stringify(key)}:`,
);

/** `JSON.stringify(value)` of a field value, without a pass over values that are plain. */
function fieldJson(value: JsonValue): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
      return jsonString(value);
    case 'number':
      // The values are finite (num/int): JSON writes them as String does.
      return String(value);
    default:
      return Array.isArray(value) && value.length === 0 ? '[]' : JSON.stringify(value);
  }
}

/**
 * `JSON.stringify(encodeResult(result, lossyMetadata))`, written field by
 * field: the keys are constant text and plain strings need no escaping, so
 * the canonical object is never built (the spool writes one per Result;
 * docs/performance-analysis.md, "What keeps a test cheap").
 */
export function encodeResultJson(result: Result, lossyMetadata?: LossyKeys): string {
  let text = '';
  for (let i = 0; i < RESULT_FIELDS.length; i += 1) {
    const encode = (RESULT_FIELDS[i] as readonly [string, FieldEncoder])[1];
    text += (FIELD_PREFIXES[i] as string) + fieldJson(encode(result, lossyMetadata));
  }
  return `${text}}`;
}

// ---------------------------------------------------------------- decoding

const fields: ValueChecks = new ValueChecks((message) => new SchemaError(message));

// Absent optional fields take their defaults; explicit nulls only where nullable.
function readStrOrNull(value: unknown, path: string): string | null {
  return value === undefined ? null : fields.stringOrNull(value, path);
}

function readArr(value: unknown, path: string): unknown[] {
  return value === undefined ? [] : fields.array(value, path);
}

function readStrings(value: unknown, path: string): string[] {
  return value === undefined ? [] : fields.strings(value, path);
}

function readEnumOrNull<T extends Record<string, string>>(
  e: T,
  value: unknown,
  path: string,
): T[keyof T] | null {
  return value === null || value === undefined ? null : fields.enumValue(e, value, path);
}

function readRecord(value: unknown, path: string): Record<string, unknown> {
  return value === undefined ? {} : fields.object(value, path);
}

// ISO 8601 date-time as Python's isoformat() writes it: 'T' or ' ', optional
// fraction, optional offset. Without an offset (a naive Python datetime) the
// time is read as UTC, not in this machine's zone.
const ISO_DATE_TIME =
  /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?)(Z|[+-]\d{2}:?\d{2}(?::\d{2})?)?$/i;

function readDate(value: unknown, path: string): Date | null {
  if (value === null || value === undefined) return null;
  const match = ISO_DATE_TIME.exec(fields.string(value, path));
  if (!match) fields.fail(path, 'an ISO 8601 timestamp', value);
  const [, day, time, zone] = match;
  // JavaScript parses milliseconds only, and offsets without seconds.
  const clock = (time as string).replace(/(\.\d{3})\d+$/, '$1');
  const offset =
    zone === undefined
      ? 'Z'
      : zone.toUpperCase() === 'Z'
        ? 'Z'
        : zone.replace(/^([+-]\d{2}):?(\d{2}).*$/, '$1:$2');
  const parsed = new Date(`${day}T${clock}${offset}`);
  return Number.isNaN(parsed.getTime())
    ? fields.fail(path, 'an ISO 8601 timestamp', value)
    : parsed;
}

function readEval(value: unknown, path: string): EvalResult | null {
  if (value === null || value === undefined) return null;
  const o = fields.object(value, path);
  const confidence = o.confidence;
  if (confidence !== undefined && confidence !== null && typeof confidence !== 'number')
    fields.fail(`${path}.confidence`, 'a number or null', confidence);
  return {
    outcome: fields.enumValue(EvalOutcome, o.outcome, `${path}.outcome`),
    // Missing means an old writer (1.0); null means "not a finite number".
    confidence: confidence === undefined ? 1 : confidence === null ? NaN : confidence,
    evidence: readStrings(o.evidence, `${path}.evidence`),
    rationale: o.rationale === undefined ? '' : fields.string(o.rationale, `${path}.rationale`),
    undeterminedOperands: readStrings(o.undetermined_operands, `${path}.undetermined_operands`),
  };
}

function readPayload(value: unknown, path: string): Payload {
  const o = fields.object(value, path);
  return {
    content: fields.string(o.content, `${path}.content`),
    id: fields.string(o.id, `${path}.id`),
    format:
      o.format === undefined
        ? PayloadFormat.TEXT
        : fields.enumValue(PayloadFormat, o.format, `${path}.format`),
    artifact: readStrOrNull(o.artifact, `${path}.artifact`),
    metadata: readRecord(o.metadata, `${path}.metadata`),
  };
}

function readToolCall(value: unknown, path: string): ToolCall {
  const call = fields.object(value, path);
  return {
    name: fields.string(call.name, `${path}.name`),
    arguments: readRecord(call.arguments, `${path}.arguments`),
    result: readStrOrNull(call.result, `${path}.result`),
    timestamp: readDate(call.timestamp, `${path}.timestamp`),
  };
}

function readSideEffect(value: unknown, path: string): SideEffect {
  const effect = fields.object(value, path);
  return {
    kind: fields.string(effect.kind, `${path}.kind`),
    details: readRecord(effect.details, `${path}.details`),
  };
}

function readTurn(value: unknown, path: string): Turn {
  const o = fields.object(value, path);
  const request = fields.object(o.request, `${path}.request`);
  const response = fields.object(o.response, `${path}.response`);
  const turnNumber = fields.integer(o.turn_number ?? 0, `${path}.turn_number`);
  return {
    request: {
      prompt: readStrOrNull(request.prompt, `${path}.request.prompt`),
      attachments: readArr(request.attachments, `${path}.request.attachments`).map((p, i) =>
        readPayload(p, `${path}.request.attachments[${i}]`),
      ),
    },
    response: {
      text: fields.string(response.text, `${path}.response.text`),
      toolCalls: readArr(response.tool_calls, `${path}.response.tool_calls`).map((c, i) =>
        readToolCall(c, `${path}.response.tool_calls[${i}]`),
      ),
      sideEffects: readArr(response.side_effects, `${path}.response.side_effects`).map((e, i) =>
        readSideEffect(e, `${path}.response.side_effects[${i}]`),
      ),
      metadata: readRecord(response.metadata, `${path}.response.metadata`),
    },
    evalResult: readEval(o.eval_result, `${path}.eval_result`),
    evalPurpose: readEnumOrNull(EvaluationPurpose, o.eval_purpose, `${path}.eval_purpose`),
    turnNumber,
    timestamp: readDate(o.timestamp, `${path}.timestamp`),
    driverReasoning:
      o.driver_reasoning === undefined
        ? ''
        : fields.string(o.driver_reasoning, `${path}.driver_reasoning`),
  };
}

function readPopulation(value: unknown, path: string): PopulationRef | null {
  if (value === null || value === undefined) return null;
  const o = fields.object(value, path);
  const id = fields.nonEmptyString(o.id, `${path}.id`);
  const size = fields.integer(o.size, `${path}.size`, 1);
  const index = o.index;
  if (typeof index !== 'number' || !Number.isSafeInteger(index) || index < 0 || index >= size)
    fields.fail(`${path}.index`, 'an integer between 0 and size - 1', index);
  return { id, index, size, threshold: fields.ratio(o.threshold, `${path}.threshold`) };
}

/** Rebuilds a Result from its canonical JSON object; throws SchemaError naming the bad field. */
export function decodeResult(value: unknown, path = 'result'): Result {
  const o = fields.object(value, path);
  const duration = o.duration_seconds ?? 0;
  const harm = o.harm_category;
  if (harm !== null && harm !== undefined && typeof harm !== 'string')
    fields.fail(`${path}.harm_category`, 'a string or null', harm);
  return new Result({
    status: fields.enumValue(SafetyStatus, o.status, `${path}.status`),
    summary: fields.string(o.summary, `${path}.summary`),
    observabilityLevel: fields.enumValue(
      ObservabilityLevel,
      o.observability_level,
      `${path}.observability_level`,
    ),
    terminalEvaluation: readEval(o.terminal_evaluation, `${path}.terminal_evaluation`),
    turns: readArr(o.turns, `${path}.turns`).map((t, i) => readTurn(t, `${path}.turns[${i}]`)),
    traceEndReason: readEnumOrNull(TraceEndReason, o.trace_end_reason, `${path}.trace_end_reason`),
    // A corrupt duration is not worth losing the Result over.
    durationSeconds:
      typeof duration === 'number' && Number.isFinite(duration) && duration >= 0 ? duration : 0,
    harmCategory: typeof harm === 'string' && harm.length > 0 ? harm : null,
    strategy: o.strategy === undefined ? '' : fields.string(o.strategy, `${path}.strategy`),
    injections: readArr(o.injections, `${path}.injections`).map((r, i) => {
      const record = fields.object(r, `${path}.injections[${i}]`);
      return {
        payloadId: readStrOrNull(record.payload_id, `${path}.injections[${i}].payload_id`),
        surfaceName: fields.string(record.surface_name, `${path}.injections[${i}].surface_name`),
        ...(record.payload_text === undefined || record.payload_text === null
          ? {}
          : {
              payloadText: fields.string(
                record.payload_text,
                `${path}.injections[${i}].payload_text`,
              ),
            }),
      };
    }),
    population: readPopulation(o.population, `${path}.population`),
    metadata: readRecord(o.metadata, `${path}.metadata`),
  });
}
