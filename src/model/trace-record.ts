/**
 * Trace records: one Result in upstream's versioned `rampart.trace.v2`
 * envelope, readable by the Python tool and back. The Result object itself is
 * encoded and decoded by the canonical codec (trace-codec); this module adds
 * the envelope and the record-level rules of the schema that the codec does
 * not check (integer notation, finite numbers, well-formed strings, requests
 * with a prompt or attachments, text-only payloads, purposes with results).
 */
import { isTextFormat } from './payload-format';
import { Result } from './result';
import { parseStrictJson } from './strict-json';
import { SchemaError, decodeResult, encodeResult } from './result-codec';
import type { EvalResult } from './trace-types';
import { describeValue, errorParts } from './value-description';
import { ValueChecks, argumentChecks } from './value-checks';

/** The schema version written and read. */
export const TRACE_SCHEMA_VERSION = 'rampart.trace.v2';

/** A record names a schema version this reader does not know. */
export class UnsupportedSchemaVersionError extends SchemaError {
  override name = 'UnsupportedSchemaVersionError';
}

/** One Result with its optional attribution. */
export interface ResultRecord {
  result: Result;
  /** Id of the test that recorded it (upstream `pytest_nodeid`; here the Jest test id). */
  nodeId?: string | null;
  /** 0-based position of the Result within its test. */
  resultIndex?: number | null;
}

// Integer fields of the record, as paths produced by parseStrictJson.
const INTEGER_FIELDS = [
  /^\.result_index$/,
  /^\.result\.turns\[\d+\]\.turn_number$/,
  /^\.result\.population\.(?:index|size)$/,
];

const fields: ValueChecks = new ValueChecks((message) => new SchemaError(message));

/** The record as JSON text. Throws SchemaError when the Result cannot be represented. */
export function serializeRecord(record: ResultRecord): string {
  if (record === null || typeof record !== 'object' || !(record.result instanceof Result))
    throw new TypeError(
      `serializeRecord expects { result: Result, ... }, got ${describeValue(record?.result ?? record)}`,
    );
  const envelope: Record<string, unknown> = { version: TRACE_SCHEMA_VERSION };
  if (record.nodeId !== undefined && record.nodeId !== null) {
    argumentChecks.string(record.nodeId, 'serializeRecord nodeId');
    envelope.pytest_nodeid = record.nodeId;
  }
  if (record.resultIndex !== undefined && record.resultIndex !== null)
    envelope.result_index = fields.integer(record.resultIndex, 'serializeRecord resultIndex');
  envelope.result = encodeResult(record.result);
  const text = JSON.stringify(envelope);
  // The encoder coerces odd values; reading the text back guarantees that
  // every record written is one the schema (and Python) accepts.
  deserializeRecord(text);
  return text;
}

/** Reads a record; throws SchemaError (or UnsupportedSchemaVersionError) naming the first bad field. */
export function deserializeRecord(data: string): ResultRecord {
  if (typeof data !== 'string') throw new SchemaError('record: expected a JSON string');
  let parsed;
  try {
    parsed = parseStrictJson(data);
  } catch (error) {
    throw new SchemaError(`record: invalid JSON (${errorParts(error).message})`);
  }
  const envelope = parsed.value;
  if (envelope === null || typeof envelope !== 'object' || Array.isArray(envelope))
    fields.fail('record', 'an object', envelope);
  const o = envelope as Record<string, unknown>;
  if (o.version !== TRACE_SCHEMA_VERSION) {
    throw new UnsupportedSchemaVersionError(
      `No decoder registered for trace schema version ${describeValue(o.version)}`,
    );
  }
  for (const path of parsed.nonIntegerNotation) {
    if (INTEGER_FIELDS.some((field) => field.test(path)))
      throw new SchemaError(
        `record${path} must be written in integer notation (no fraction or exponent)`,
      );
  }
  const record: ResultRecord = { result: decodeResult(o.result, 'result') };
  if (o.pytest_nodeid !== undefined) {
    record.nodeId = fields.string(o.pytest_nodeid, 'pytest_nodeid');
  }
  if (o.result_index !== undefined)
    record.resultIndex = fields.integer(o.result_index, 'result_index');
  checkRecordRules(record.result);
  return record;
}

function checkEval(evaluation: EvalResult | null, path: string): void {
  if (evaluation && !Number.isFinite(evaluation.confidence))
    fields.fail(`${path}.confidence`, 'a finite number', evaluation.confidence);
}

/** Schema rules on a decoded Result that the codec leaves to the record layer. */
function checkRecordRules(result: Result): void {
  checkEval(result.terminalEvaluation, 'result.terminal_evaluation');
  result.turns.forEach((turn, i) => {
    const path = `result.turns[${i}]`;
    if (turn.request.prompt === null && turn.request.attachments.length === 0)
      throw new SchemaError(
        `${path}.request: Request must include at least a prompt or attachments.`,
      );
    turn.request.attachments.forEach((payload, j) => {
      if (!isTextFormat(payload.format) || payload.artifact !== null) {
        throw new SchemaError(
          `${path}.request.attachments[${j}]: binary payloads (format ${describeValue(payload.format)}) are not representable in ${TRACE_SCHEMA_VERSION}`,
        );
      }
    });
    checkEval(turn.evalResult, `${path}.eval_result`);
    if (turn.evalPurpose !== null && turn.evalResult === null)
      throw new SchemaError(`${path}.eval_purpose: requires an eval_result on the same turn`);
  });
}
