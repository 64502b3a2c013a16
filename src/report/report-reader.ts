/**
 * Reading a JSON report back (`rampart merge`, and every command that takes
 * a report), fail-closed: every field is checked by the rules of
 * `schema/report.schema.json`, then by the rules across fields that a JSON
 * Schema cannot state (counts and rates agree with the Results, each Result
 * sits under its own category, trial verdicts follow from their counts).
 * Reports of ours carry `schema_version` and hold exactly the known fields;
 * reports of upstream RAMPART (Python) carry none and may hold keys we do not
 * know, which are ignored. docs/reporter.md lists the rules and messages.
 */
import { MODEL_USAGE_KEY } from '../model/model-usage';
import * as fs from 'node:fs';
import { ValueChecks, indexPath, keyPath, ownField } from '../model/value-checks';
import { defineEntry } from '../model/json-safe';
import { Result } from '../model/result';
import { RESULT_TAGS } from '../model/result-tags';
import { DEFAULT_CONFIDENCE, type RateInterval } from '../model/rate-interval';
import {
  type PopulationSummary,
  TestRunReport,
  UNCATEGORIZED,
  categoryKey,
  summarizePopulation,
} from '../model/run-report';
import { EvalOutcome, TraceEndReason } from '../model/trace-enums';
import { PayloadFormat } from '../model/payload-format';
import { ObservabilityLevel, SafetyStatus } from '../model/result-status';
import type { EvalResult, InjectionRecord, PopulationRef, Turn } from '../model/trace-types';
import { TrialGroupResult, trialGroupPasses } from '../model/trial-group';
import { parseStrictJson } from '../model/strict-json';
import {
  describeError,
  describeFileError,
  describeValue,
  errorParts,
} from '../model/value-description';
import { FILES_WITHOUT_RAMPART_KEY, MAX_LISTED_FILES } from './files-without-rampart';
import { REPORT_SCHEMA_VERSION } from './json-report';
import { readDerivedSections, readUtilityRow } from './derived-sections-reader';

/** The `schema_version`s this reader understands (reports without one are upstream's). */
export const READABLE_REPORT_VERSIONS: readonly string[] = [REPORT_SCHEMA_VERSION];

/**
 * What was wrong: the file could not be read, was not JSON, broke a rule of
 * the schema, or broke a rule across fields (counts, rates, categories).
 */
export type ReportProblem = 'file' | 'json' | 'schema' | 'consistency';

/** A report that cannot be used; the message names the file, the JSON path and the bad value. */
export class ReportReadError extends Error {
  override name = 'ReportReadError';

  constructor(
    message: string,
    /** The file (or other source) the report came from. */
    readonly source: string,
    readonly problem: ReportProblem,
  ) {
    super(message);
  }
}

/** A report that was read, with what it was. */
export interface ReadReport {
  source: string;
  /** Its `schema_version`; null for a report of upstream RAMPART, which has none. */
  schemaVersion: string | null;
  report: TestRunReport;
}

const TOP_KEYS = [
  'total_runs',
  'passed',
  'failed',
  'undetermined',
  'errors',
  'duration_seconds',
  'metadata',
  'population_summary',
  'by_harm_category',
  'trial_groups',
  'population_by_harm_category',
  'utility',
  'coverage',
  'schema_version',
];
const METADATA_KEYS = [
  'jest_version',
  'worker_count',
  'shard',
  FILES_WITHOUT_RAMPART_KEY,
  'incomplete',
  'incomplete_reasons',
  'merged_from',
  'shards',
  'started_at',
  'finished_at',
  'rampart_version',
  'node_version',
  'jest_projects',
  'git_commit',
  MODEL_USAGE_KEY,
];
/** ISO 8601 in UTC, as Date#toISOString writes it. */
const UTC_TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?Z$/;
const GIT_COMMIT = /^[0-9a-f]{40}(?:[0-9a-f]{24})?$/;
const USAGE_KEYS = ['calls', 'input_tokens', 'output_tokens'];
const PRICE_KEYS = ['input_per_million', 'output_per_million'];
const SUMMARY_KEYS = [
  'total_runs',
  'safe_count',
  'unsafe_count',
  'undetermined_count',
  'error_count',
  'attack_success_rate',
  'safety_pass_rate',
];
/** Our additions to a population summary, optional (reports before them lack them). */
const SUMMARY_INTERVAL_KEYS = ['attack_success_rate_interval', 'safety_pass_rate_interval'];
const INTERVAL_KEYS = ['low', 'high', 'confidence'];
const RESULT_KEYS = [
  'safe',
  'status',
  'summary',
  'harm_category',
  'strategy',
  'observability_level',
  'duration_seconds',
  'metadata',
  'turns',
  'final_trace_evaluation',
  'trace_end_reason',
  'injections',
  'population',
];
const TURN_KEYS = [
  'turn_number',
  'prompt',
  'response_text',
  'response_metadata',
  'tool_calls',
  'side_effects',
  'eval_outcome',
  'eval_confidence',
  'eval_rationale',
  'eval_undetermined_operands',
  'driver_reasoning',
  'attachments',
];
const EVALUATION_KEYS = ['outcome', 'confidence', 'evidence', 'rationale', 'undetermined_operands'];
const POPULATION_KEYS = ['id', 'index', 'size', 'threshold'];
const TRIAL_GROUP_KEYS = [
  'total',
  'safe',
  'unsafe',
  'errors',
  'no_result',
  'threshold',
  'pass_rate',
  'passed',
  'title',
  'confidence',
  'pass_rate_interval',
  'utility',
];

/** Rates written by another program may differ from ours in the last bits. */
const RATE_TOLERANCE = 1e-9;

/** One read: the checks, whether unknown keys are refused, and the rules to check at the end. */
class ReportReading {
  readonly fields: ValueChecks;
  /** Rules across fields, checked once every field is known to be well-formed. */
  readonly later: Array<() => void> = [];
  /** Our own format (with this version): every object holds exactly its known keys. */
  version: string | null = REPORT_SCHEMA_VERSION;
  /** Where each Result was listed, for the category rule. */
  readonly listed: Array<{ path: string; category: string; result: Result }> = [];

  constructor(readonly source: string) {
    this.fields = new ValueChecks(
      (message) => new ReportReadError(`${source}: ${message}`, source, 'schema'),
    );
  }

  /**
   * Refuses keys outside `known`: in every object of ours, and in the objects
   * whose keys are fixed in upstream's reports too (then `what` names it).
   */
  onlyKnown(o: Record<string, unknown>, path: string, known: readonly string[], what?: string) {
    if (this.version === null && what === undefined) return;
    for (const key of Object.keys(o)) {
      if (!known.includes(key))
        this.fields.fail(
          keyPath(path, key),
          `absent (${this.version ?? what} has no such field)`,
          o[key],
        );
    }
  }

  /** A rule across fields, broken: `<path> must be <expected>, got <value>`. */
  inconsistent(path: string, expected: string, value: unknown): never {
    throw new ReportReadError(
      `${this.source}: ${path} must be ${expected}, got ${describeValue(value)}`,
      this.source,
      'consistency',
    );
  }
}

function secondsOrNull(r: ReportReading, value: unknown, path: string): number | null {
  return value === null ? null : r.fields.nonNegative(value, path);
}

function numberOrNull(r: ReportReading, value: unknown, path: string): number | null {
  if (value === null) return null;
  return typeof value === 'number' && Number.isFinite(value)
    ? value
    : r.fields.fail(path, 'a number or null', value);
}

function shard(r: ReportReading, value: unknown, path: string): void {
  const o = r.fields.object(value, path);
  const index = r.fields.integer(ownField(o, 'shard_index'), `${path}.shard_index`, 1);
  const count = r.fields.integer(ownField(o, 'shard_count'), `${path}.shard_count`, 1);
  r.onlyKnown(o, path, ['shard_index', 'shard_count'], 'a shard');
  r.later.push(() => {
    if (index > count)
      r.inconsistent(`${path}.shard_index`, `at most shard_count (${count})`, index);
  });
}

function filesWithoutRampart(r: ReportReading, value: unknown, path: string): void {
  const o = r.fields.object(value, path);
  const count = r.fields.integer(ownField(o, 'count'), `${path}.count`, 1);
  const files = r.fields.strings(ownField(o, 'files'), `${path}.files`);
  if (files.length > MAX_LISTED_FILES)
    r.fields.fail(`${path}.files`, `at most ${MAX_LISTED_FILES} names`, files);
  r.onlyKnown(o, path, ['count', 'files'], `${FILES_WITHOUT_RAMPART_KEY}`);
  r.later.push(() => {
    if (files.length > count)
      r.inconsistent(`${path}.files`, `at most count (${count}) names`, files);
  });
}

/** Calls and token counts, and (at the top) the same per role and per model, and a cost estimate. */
function modelUsage(r: ReportReading, value: unknown, path: string, top = true): void {
  const o = r.fields.object(value, path);
  for (const key of USAGE_KEYS) r.fields.integer(ownField(o, key), keyPath(path, key));
  if (!top) return r.onlyKnown(o, path, USAGE_KEYS);
  for (const table of ['by_role', 'by_model']) {
    const entries = ownField(o, table);
    if (table === 'by_model' && entries === undefined) continue;
    const byKey = r.fields.object(entries, keyPath(path, table));
    for (const key of Object.keys(byKey))
      modelUsage(r, ownField(byKey, key), keyPath(keyPath(path, table), key), false);
  }
  if (ownField(o, 'cost_estimate') !== undefined)
    costEstimate(r, ownField(o, 'cost_estimate'), keyPath(path, 'cost_estimate'));
  r.onlyKnown(o, path, [...USAGE_KEYS, 'by_role', 'by_model', 'cost_estimate']);
}

/** The estimate at the given prices: a total, the prices, the models without one. */
function costEstimate(r: ReportReading, value: unknown, path: string): void {
  const o = r.fields.object(value, path);
  r.fields.nonNegative(ownField(o, 'total'), keyPath(path, 'total'));
  const prices = r.fields.object(ownField(o, 'prices'), keyPath(path, 'prices'));
  for (const model of Object.keys(prices)) {
    const at = keyPath(keyPath(path, 'prices'), model);
    const price = r.fields.object(ownField(prices, model), at);
    for (const key of PRICE_KEYS) r.fields.nonNegative(ownField(price, key), keyPath(at, key));
    r.onlyKnown(price, at, PRICE_KEYS);
  }
  r.fields.strings(ownField(o, 'unpriced_models'), keyPath(path, 'unpriced_models'));
  r.onlyKnown(o, path, ['total', 'prices', 'unpriced_models']);
}

function reportMetadata(r: ReportReading, value: unknown): Record<string, unknown> {
  const path = '$.metadata';
  const o = r.fields.object(value, path);
  const field = (key: string) => ownField(o, key);
  const optional = (key: string, read: (value: unknown, path: string) => unknown) => {
    const required = r.version !== null && (key === 'jest_version' || key === 'worker_count');
    if (field(key) !== undefined || required) read(field(key), keyPath(path, key));
  };
  optional('jest_version', (v, p) => r.fields.string(v, p));
  optional('worker_count', (v, p) => r.fields.integer(v, p));
  optional('shard', (v, p) => shard(r, v, p));
  optional(FILES_WITHOUT_RAMPART_KEY, (v, p) => filesWithoutRampart(r, v, p));
  optional('incomplete', (v, p) => {
    if (v !== true) r.fields.fail(p, 'true (written only when the run is incomplete)', v);
  });
  optional('incomplete_reasons', (v, p) => {
    if (r.fields.strings(v, p).length === 0) r.fields.fail(p, 'a non-empty array of strings', v);
  });
  if ((field('incomplete') === undefined) !== (field('incomplete_reasons') === undefined)) {
    const missing = field('incomplete') === undefined ? 'incomplete' : 'incomplete_reasons';
    const other = missing === 'incomplete' ? 'incomplete_reasons' : 'incomplete';
    r.fields.fail(
      keyPath(path, missing),
      `${missing === 'incomplete' ? 'true' : 'an array of strings'} (${other} is set)`,
      undefined,
    );
  }
  optional('merged_from', (v, p) => r.fields.strings(v, p));
  const time = (v: unknown, p: string) => {
    if (!UTC_TIME.test(r.fields.string(v, p)))
      r.fields.fail(p, 'an ISO 8601 time in UTC like 2026-12-02T05:42:33.123Z', v);
  };
  optional('started_at', time);
  optional('finished_at', time);
  optional('rampart_version', (v, p) => r.fields.string(v, p));
  optional('node_version', (v, p) => r.fields.string(v, p));
  optional('jest_projects', (v, p) => r.fields.strings(v, p));
  optional('git_commit', (v, p) => {
    if (!GIT_COMMIT.test(r.fields.string(v, p)))
      r.fields.fail(p, 'a git commit id (40 or 64 lowercase hex digits)', v);
  });
  const started = field('started_at');
  const finished = field('finished_at');
  if (typeof started === 'string' && typeof finished === 'string')
    r.later.push(() => {
      if (Date.parse(finished) < Date.parse(started))
        r.inconsistent(
          keyPath(path, 'finished_at'),
          `at or after started_at (${started})`,
          finished,
        );
    });
  optional(MODEL_USAGE_KEY, (v, p) => modelUsage(r, v, p));
  optional('shards', (v, p) =>
    r.fields.array(v, p).forEach((item, i) => shard(r, item, indexPath(p, i))),
  );
  r.onlyKnown(o, path, METADATA_KEYS);
  return o;
}

/** A population summary as read: its numbers, and its intervals when written. */
interface ReadPopulation {
  numbers: Record<string, number>;
  intervals: Record<string, RateInterval | null | undefined>;
}

function rateInterval(r: ReportReading, value: unknown, path: string): RateInterval | null {
  if (value === null) return null;
  const o = r.fields.object(value, path);
  const read = {
    low: r.fields.ratio(ownField(o, 'low'), `${path}.low`),
    high: r.fields.ratio(ownField(o, 'high'), `${path}.high`),
    confidence: r.fields.openRatio(ownField(o, 'confidence'), `${path}.confidence`),
  };
  r.onlyKnown(o, path, INTERVAL_KEYS, 'an interval');
  return read;
}

function populationSummary(
  r: ReportReading,
  value: unknown,
  path = '$.population_summary',
): ReadPopulation {
  const o = r.fields.object(value, path);
  const numbers: Record<string, number> = {};
  for (const key of SUMMARY_KEYS) {
    const at = keyPath(path, key);
    numbers[key] = key.endsWith('_rate')
      ? r.fields.ratio(ownField(o, key), at)
      : r.fields.integer(ownField(o, key), at);
  }
  const intervals: ReadPopulation['intervals'] = {};
  if (r.version !== null) {
    for (const key of SUMMARY_INTERVAL_KEYS) {
      const given = ownField(o, key);
      intervals[key] = given === undefined ? undefined : rateInterval(r, given, keyPath(path, key));
    }
  }
  r.onlyKnown(o, path, [...SUMMARY_KEYS, ...SUMMARY_INTERVAL_KEYS]);
  return { numbers, intervals };
}

/** A written interval agrees with the one computed from the counts (when it was written). */
function intervalAgrees(
  r: ReportReading,
  path: string,
  written: RateInterval | null | undefined,
  expected: RateInterval | null,
  formula: string,
): void {
  if (written === undefined) return;
  const same =
    written === null || expected === null
      ? written === expected
      : Math.abs(written.low - expected.low) <= RATE_TOLERANCE &&
        Math.abs(written.high - expected.high) <= RATE_TOLERANCE &&
        written.confidence === expected.confidence;
  if (!same)
    r.inconsistent(
      path,
      expected === null
        ? `null (${formula}: no rated Result)`
        : `{ low: ${expected.low}, high: ${expected.high}, confidence: ${expected.confidence} } (${formula})`,
      written,
    );
}

/** A written population summary agrees with the Results it sums up. */
function populationAgrees(
  r: ReportReading,
  path: string,
  written: ReadPopulation,
  actual: PopulationSummary,
): void {
  const expectations: Array<[string, number, string]> = [
    ['total_runs', actual.totalRuns, 'the number of Results'],
    ['safe_count', actual.safeCount, 'the number of SAFE Results'],
    ['unsafe_count', actual.unsafeCount, 'the number of UNSAFE Results'],
    ['undetermined_count', actual.undeterminedCount, 'the number of UNDETERMINED Results'],
    ['error_count', actual.errorCount, 'the number of ERROR Results'],
  ];
  for (const [key, expected, what] of expectations) {
    if (written.numbers[key] !== expected)
      r.inconsistent(keyPath(path, key), `${expected} (${what})`, written.numbers[key]);
  }
  const rates: Array<[string, number, string]> = [
    ['attack_success_rate', actual.attackSuccessRate, 'unsafe / (total_runs - errors)'],
    ['safety_pass_rate', actual.safetyPassRate, 'safe / (total_runs - errors)'],
  ];
  for (const [key, expected, formula] of rates) {
    const value = written.numbers[key] as number;
    if (Math.abs(value - expected) > RATE_TOLERANCE)
      r.inconsistent(keyPath(path, key), `${expected} (${formula})`, value);
  }
  intervalAgrees(
    r,
    keyPath(path, 'attack_success_rate_interval'),
    written.intervals.attack_success_rate_interval,
    actual.attackSuccessRateInterval,
    'the 95% Wilson interval of unsafe / (total_runs - errors)',
  );
  intervalAgrees(
    r,
    keyPath(path, 'safety_pass_rate_interval'),
    written.intervals.safety_pass_rate_interval,
    actual.safetyPassRateInterval,
    'the 95% Wilson interval of safe / (total_runs - errors)',
  );
}

function evaluation(r: ReportReading, value: unknown, path: string): EvalResult {
  const o = r.fields.object(value, path);
  const operands = ownField(o, 'undetermined_operands');
  const confidence = numberOrNull(r, ownField(o, 'confidence'), `${path}.confidence`);
  const read: EvalResult = {
    outcome: r.fields.enumValue(EvalOutcome, ownField(o, 'outcome'), `${path}.outcome`),
    confidence: confidence ?? NaN,
    evidence: r.fields.strings(ownField(o, 'evidence'), `${path}.evidence`),
    rationale: r.fields.string(ownField(o, 'rationale'), `${path}.rationale`),
    undeterminedOperands:
      operands === undefined ? [] : r.fields.strings(operands, `${path}.undetermined_operands`),
  };
  r.onlyKnown(o, path, EVALUATION_KEYS);
  return read;
}

function turnEvaluation(
  r: ReportReading,
  o: Record<string, unknown>,
  path: string,
): EvalResult | null {
  const outcome = ownField(o, 'eval_outcome');
  const dependants = ['eval_confidence', 'eval_rationale', 'eval_undetermined_operands'];
  if (outcome === undefined) {
    const set = dependants.find((key) => ownField(o, key) !== undefined);
    if (set !== undefined)
      r.fields.fail(
        `${path}.eval_outcome`,
        `one of ${Object.values(EvalOutcome).join(', ')} (${set} is set)`,
        undefined,
      );
    return null;
  }
  const operands = ownField(o, 'eval_undetermined_operands');
  const read = r.fields.enumValue(EvalOutcome, outcome, `${path}.eval_outcome`);
  const confidence = ownField(o, 'eval_confidence');
  if (confidence === undefined)
    r.fields.fail(`${path}.eval_confidence`, 'a number or null (eval_outcome is set)', undefined);
  const rationale = ownField(o, 'eval_rationale');
  if (rationale === undefined)
    r.fields.fail(`${path}.eval_rationale`, 'a string (eval_outcome is set)', undefined);
  return {
    outcome: read,
    confidence: numberOrNull(r, confidence, `${path}.eval_confidence`) ?? NaN,
    evidence: [],
    rationale: r.fields.string(rationale, `${path}.eval_rationale`),
    undeterminedOperands:
      operands === undefined
        ? []
        : r.fields.strings(operands, `${path}.eval_undetermined_operands`),
  };
}

function turn(r: ReportReading, value: unknown, path: string): Turn {
  const o = r.fields.object(value, path);
  const field = (key: string) => ownField(o, key);
  const list = <T>(key: string, read: (item: unknown, at: string) => T): T[] =>
    field(key) === undefined
      ? []
      : r.fields
          .array(field(key), `${path}.${key}`)
          .map((item, i) => read(item, indexPath(`${path}.${key}`, i)));
  const read: Turn = {
    turnNumber: r.fields.integer(field('turn_number'), `${path}.turn_number`),
    request: {
      prompt: r.fields.stringOrNull(field('prompt'), `${path}.prompt`),
      attachments: list('attachments', (item, at) => {
        const payload = r.fields.object(item, at);
        const read = {
          id: r.fields.string(ownField(payload, 'id'), `${at}.id`),
          format: r.fields.enumValue(PayloadFormat, ownField(payload, 'format'), `${at}.format`),
          content: r.fields.string(ownField(payload, 'content'), `${at}.content`),
          artifact: r.fields.stringOrNull(ownField(payload, 'artifact'), `${at}.artifact`),
          metadata: {},
        };
        r.onlyKnown(payload, at, ['id', 'format', 'content', 'artifact'], 'an attachment');
        return read;
      }),
    },
    response: {
      text: r.fields.string(field('response_text'), `${path}.response_text`),
      metadata: r.fields.object(field('response_metadata'), `${path}.response_metadata`),
      toolCalls: list('tool_calls', (item, at) => {
        const call = r.fields.object(item, at);
        const read = {
          name: r.fields.string(ownField(call, 'name'), `${at}.name`),
          arguments: r.fields.object(ownField(call, 'arguments'), `${at}.arguments`),
          result: r.fields.stringOrNull(ownField(call, 'result'), `${at}.result`),
          timestamp: null,
        };
        r.onlyKnown(call, at, ['name', 'arguments', 'result'], 'a tool call');
        return read;
      }),
      sideEffects: list('side_effects', (item, at) => {
        const effect = r.fields.object(item, at);
        const read = {
          kind: r.fields.string(ownField(effect, 'kind'), `${at}.kind`),
          details: r.fields.object(ownField(effect, 'details'), `${at}.details`),
        };
        r.onlyKnown(effect, at, ['kind', 'details'], 'a side effect');
        return read;
      }),
    },
    evalResult: turnEvaluation(r, o, path),
    evalPurpose: null,
    timestamp: null,
    driverReasoning:
      field('driver_reasoning') === undefined
        ? ''
        : r.fields.string(field('driver_reasoning'), `${path}.driver_reasoning`),
  };
  r.onlyKnown(o, path, TURN_KEYS);
  return read;
}

function injection(r: ReportReading, value: unknown, path: string): InjectionRecord {
  const o = r.fields.object(value, path);
  const text = ownField(o, 'payload_text');
  const planted = text === undefined ? null : r.fields.stringOrNull(text, `${path}.payload_text`);
  const read: InjectionRecord = {
    payloadId: r.fields.stringOrNull(ownField(o, 'payload_id'), `${path}.payload_id`),
    surfaceName: r.fields.string(ownField(o, 'surface_name'), `${path}.surface_name`),
    ...(planted === null ? {} : { payloadText: planted }),
  };
  r.onlyKnown(o, path, ['payload_id', 'surface_name', 'payload_text'], 'an injection');
  return read;
}

function population(r: ReportReading, value: unknown, path: string): PopulationRef {
  const o = r.fields.object(value, path);
  const read = {
    id: r.fields.nonEmptyString(ownField(o, 'id'), `${path}.id`),
    index: r.fields.integer(ownField(o, 'index'), `${path}.index`),
    size: r.fields.integer(ownField(o, 'size'), `${path}.size`, 1),
    threshold: r.fields.ratio(ownField(o, 'threshold'), `${path}.threshold`),
  };
  r.onlyKnown(o, path, POPULATION_KEYS);
  r.later.push(() => {
    if (read.index >= read.size)
      r.inconsistent(`${path}.index`, `less than size (${read.size})`, read.index);
  });
  return read;
}

function resultMetadata(r: ReportReading, value: unknown, path: string): Record<string, unknown> {
  const o = r.fields.object(value, path);
  const tag = (key: string, read: (value: unknown, path: string) => unknown) => {
    if (ownField(o, key) !== undefined) read(ownField(o, key), keyPath(path, key));
  };
  tag(RESULT_TAGS.testName, (v, p) => r.fields.string(v, p));
  tag(RESULT_TAGS.testId, (v, p) => r.fields.string(v, p));
  tag(RESULT_TAGS.project, (v, p) => r.fields.string(v, p));
  tag(RESULT_TAGS.index, (v, p) => r.fields.integer(v, p));
  tag(RESULT_TAGS.worker, (v, p) => r.fields.string(v, p));
  tag(RESULT_TAGS.attempt, (v, p) => r.fields.integer(v, p, 1));
  tag(RESULT_TAGS.location, (v, p) => testLocation(r, v, p));
  return o;
}

function testLocation(r: ReportReading, value: unknown, path: string): void {
  const o = r.fields.object(value, path);
  r.fields.nonEmptyString(ownField(o, 'file'), `${path}.file`);
  r.fields.integer(ownField(o, 'line'), `${path}.line`, 1);
  r.fields.integer(ownField(o, 'column'), `${path}.column`, 1);
  r.onlyKnown(o, path, ['file', 'line', 'column'], 'a test location');
}

function result(r: ReportReading, value: unknown, path: string, category: string): Result {
  const o = r.fields.object(value, path);
  const field = (key: string) => ownField(o, key);
  const safe = r.fields.boolean(field('safe'), `${path}.safe`);
  const status = r.fields.enumValue(SafetyStatus, field('status'), `${path}.status`);
  if (safe !== (status === SafetyStatus.SAFE))
    r.fields.fail(`${path}.safe`, `${!safe} (status is ${describeValue(status)})`, safe);
  const harm = field('harm_category');
  if (harm !== null && !(typeof harm === 'string' && harm.length > 0))
    r.fields.fail(`${path}.harm_category`, 'a non-empty string or null', harm);
  const read = new Result({
    status,
    summary: r.fields.string(field('summary'), `${path}.summary`),
    harmCategory: harm as string | null,
    strategy: r.fields.string(field('strategy'), `${path}.strategy`),
    observabilityLevel: r.fields.enumValue(
      ObservabilityLevel,
      field('observability_level'),
      `${path}.observability_level`,
    ),
    durationSeconds: secondsOrNull(r, field('duration_seconds'), `${path}.duration_seconds`) ?? 0,
    metadata: resultMetadata(r, field('metadata'), `${path}.metadata`),
    turns: r.fields
      .array(field('turns'), `${path}.turns`)
      .map((item, i) => turn(r, item, indexPath(`${path}.turns`, i))),
    terminalEvaluation:
      field('final_trace_evaluation') === undefined
        ? null
        : evaluation(r, field('final_trace_evaluation'), `${path}.final_trace_evaluation`),
    traceEndReason:
      field('trace_end_reason') === undefined
        ? null
        : r.fields.enumValue(TraceEndReason, field('trace_end_reason'), `${path}.trace_end_reason`),
    injections:
      field('injections') === undefined
        ? []
        : r.fields
            .array(field('injections'), `${path}.injections`)
            .map((item, i) => injection(r, item, indexPath(`${path}.injections`, i))),
    population:
      field('population') === undefined
        ? null
        : population(r, field('population'), `${path}.population`),
  });
  r.onlyKnown(o, path, RESULT_KEYS);
  r.listed.push({ path, category, result: read });
  return read;
}

function trialGroup(r: ReportReading, value: unknown, path: string): TrialGroupResult {
  const o = r.fields.object(value, path);
  const count = (key: string, minimum = 0) =>
    r.fields.integer(ownField(o, key), keyPath(path, key), minimum);
  const group = new TrialGroupResult({
    total: count('total', 1),
    safe: count('safe'),
    unsafe: count('unsafe'),
    errors: count('errors'),
    noResult: count('no_result'),
    threshold: r.fields.ratio(ownField(o, 'threshold'), `${path}.threshold`),
    passRate: r.fields.ratio(ownField(o, 'pass_rate'), `${path}.pass_rate`),
    passed: r.fields.boolean(ownField(o, 'passed'), `${path}.passed`),
    title: r.fields.string(ownField(o, 'title'), `${path}.title`),
    confidence:
      ownField(o, 'confidence') === undefined || ownField(o, 'confidence') === null
        ? null
        : r.fields.openRatio(ownField(o, 'confidence'), `${path}.confidence`),
    utility:
      ownField(o, 'utility') === undefined
        ? null
        : readUtilityRow(r, ownField(o, 'utility'), `${path}.utility`),
  });
  const interval =
    ownField(o, 'pass_rate_interval') === undefined
      ? undefined
      : rateInterval(r, ownField(o, 'pass_rate_interval'), `${path}.pass_rate_interval`);
  r.onlyKnown(o, path, TRIAL_GROUP_KEYS, 'a trial group');
  r.later.push(() => {
    const classified = group.safe + group.unsafe + group.errors + group.noResult;
    if (classified > group.total)
      r.inconsistent(
        `${path}.total`,
        `at least safe + unsafe + errors + no_result (${classified})`,
        group.total,
      );
    const rate = group.safe / group.total;
    if (Math.abs(group.passRate - rate) > RATE_TOLERANCE)
      r.inconsistent(`${path}.pass_rate`, `safe / total (${rate})`, group.passRate);
    const passed = trialGroupPasses(group);
    if (group.passed !== passed)
      r.inconsistent(
        `${path}.passed`,
        group.confidence === null
          ? `${passed} (${group.unsafe} unsafe, pass rate ${group.passRate}, threshold ${group.threshold})`
          : `${passed} (${group.unsafe} unsafe, pass rate interval from ${group.passRateInterval?.low}, threshold ${group.threshold}, confidence ${group.confidence})`,
        group.passed,
      );
    intervalAgrees(
      r,
      `${path}.pass_rate_interval`,
      interval,
      group.passRateInterval,
      `the Wilson interval of safe / total at ${group.confidence ?? DEFAULT_CONFIDENCE}`,
    );
  });
  return group;
}

function countsAgree(
  r: ReportReading,
  root: Record<string, unknown>,
  summary: ReadPopulation,
  results: readonly Result[],
): void {
  const actual = summarizePopulation(results);
  const expectations: Array<[string, number, string]> = [
    ['total_runs', actual.totalRuns, 'the number of Results in by_harm_category'],
    ['passed', actual.safeCount, 'the number of SAFE Results'],
    ['failed', actual.unsafeCount, 'the number of UNSAFE Results'],
    ['undetermined', actual.undeterminedCount, 'the number of UNDETERMINED Results'],
    ['errors', actual.errorCount, 'the number of ERROR Results'],
  ];
  for (const [key, expected, what] of expectations) {
    if (root[key] !== expected) r.inconsistent(`$.${key}`, `${expected} (${what})`, root[key]);
  }
  populationAgrees(r, '$.population_summary', summary, actual);
}

/** `population_by_harm_category`: one summary per category of by_harm_category, agreeing with it. */
function categoryPopulations(
  r: ReportReading,
  value: unknown,
  byCategory: Record<string, unknown>,
): void {
  const path = '$.population_by_harm_category';
  const o = r.fields.object(value, path);
  const read = new Map<string, ReadPopulation>();
  for (const category of Object.keys(o))
    read.set(category, populationSummary(r, o[category], keyPath(path, category)));
  r.later.push(() => {
    const actual = new Map<string, Result[]>();
    for (const { category, result } of r.listed) {
      const list = actual.get(category) ?? [];
      list.push(result);
      actual.set(category, list);
    }
    for (const category of Object.keys(byCategory)) {
      if (!read.has(category))
        r.inconsistent(
          keyPath(path, category),
          'a population summary (the category is in by_harm_category)',
          undefined,
        );
    }
    for (const [category, written] of read) {
      if (!Object.prototype.hasOwnProperty.call(byCategory, category))
        r.inconsistent(
          keyPath(path, category),
          'absent (by_harm_category has no such category)',
          o[category],
        );
      populationAgrees(
        r,
        keyPath(path, category),
        written,
        summarizePopulation(actual.get(category) ?? []),
      );
    }
  });
}

function describeKeys(o: Record<string, unknown>): string {
  const keys = Object.keys(o);
  if (keys.length === 0) return 'an empty object';
  const shown = keys.slice(0, 5).map((key) => describeValue(key, 40));
  return `an object with keys ${shown.join(', ')}${keys.length > 5 ? `, … (${keys.length})` : ''}`;
}

/**
 * Reads a parsed JSON report (ours, or upstream RAMPART's). Throws
 * {@link ReportReadError} naming `source`, the JSON path and the bad value.
 */
export function readJsonReport(value: unknown, source = 'report'): ReadReport {
  const r = new ReportReading(source);
  const { fields } = r;
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    fields.fail('$', 'an object (a RAMPART JSON report)', value);
  const root = value as Record<string, unknown>;
  const field = (key: string) => ownField(root, key);
  if (field('total_runs') === undefined && field('by_harm_category') === undefined)
    fields.fail(
      '$',
      'a RAMPART JSON report (with total_runs and by_harm_category)',
      root,
      describeKeys(root),
    );

  const version = field('schema_version');
  const readable =
    READABLE_REPORT_VERSIONS.length === 1
      ? READABLE_REPORT_VERSIONS[0]
      : `one of ${READABLE_REPORT_VERSIONS.join(', ')}`;
  if (version === undefined) {
    // Upstream's reports have no version and none of our additions.
    if (field('trial_groups') !== undefined)
      fields.fail('$.schema_version', `${readable} (the report has trial_groups)`, undefined);
    r.version = null;
  } else if (typeof version === 'string' && READABLE_REPORT_VERSIONS.includes(version)) {
    r.version = version;
  } else {
    fields.fail(
      '$.schema_version',
      `${readable} (what this rampart reads; a newer report needs a newer rampart)`,
      version,
    );
  }

  for (const key of ['total_runs', 'passed', 'failed', 'undetermined', 'errors'])
    fields.integer(field(key), keyPath('$', key));
  const duration = secondsOrNull(r, field('duration_seconds'), '$.duration_seconds');
  const metadata = reportMetadata(r, field('metadata'));
  const summary = populationSummary(r, field('population_summary'));

  const results: Result[] = [];
  const byCategory = fields.object(field('by_harm_category'), '$.by_harm_category');
  for (const category of Object.keys(byCategory)) {
    const path = keyPath('$.by_harm_category', category);
    if (category.length === 0) fields.fail(path, 'a non-empty category name', category);
    fields
      .array(byCategory[category], path)
      .forEach((item, i) => results.push(result(r, item, indexPath(path, i), category)));
  }

  const trialGroups: Record<string, TrialGroupResult> = {};
  if (r.version !== null && field('population_by_harm_category') !== undefined)
    categoryPopulations(r, field('population_by_harm_category'), byCategory);
  if (r.version !== null) {
    const groups = fields.object(field('trial_groups'), '$.trial_groups');
    for (const id of Object.keys(groups)) {
      const path = keyPath('$.trial_groups', id);
      if (id.length === 0) fields.fail(path, 'a non-empty group id', id);
      defineEntry(trialGroups, id, trialGroup(r, groups[id], path));
    }
  }
  if (r.version !== null) readDerivedSections(r, field('utility'), field('coverage'), results);
  r.onlyKnown(root, '$', TOP_KEYS);

  countsAgree(r, root, summary, results);
  for (const { path, category, result } of r.listed) {
    if (categoryKey(result) !== category)
      r.inconsistent(
        `${path}.harm_category`,
        `${category === UNCATEGORIZED ? `null or ${describeValue(UNCATEGORIZED)}` : describeValue(category)} (the category it is listed under)`,
        result.harmCategory,
      );
  }
  for (const check of r.later) check();

  return {
    source,
    schemaVersion: r.version,
    report: new TestRunReport({
      results,
      durationSeconds: duration ?? 0,
      metadata,
      trialGroups,
    }),
  };
}

/**
 * Reads the report in `file`: a missing or unreadable file, text that is not
 * JSON and a JSON value that is not a valid report all throw
 * {@link ReportReadError} naming the file.
 */
export function readReportFile(file: string): ReadReport {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    const reason =
      (error as NodeJS.ErrnoException)?.code === 'ERR_STRING_TOO_LONG'
        ? 'it is longer than the longest string Node holds (about 512 MiB)'
        : describeFileError(error);
    throw new ReportReadError(`cannot read ${file}: ${reason}`, file, 'file');
  }
  if (text.startsWith('\uFEFF')) text = text.slice(1);
  if (text.trim() === '')
    throw new ReportReadError(`${file} is empty, not a JSON report`, file, 'json');
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    // V8's wording changes between Node versions; the strict parser says where, always alike.
    let reason = describeError(error);
    try {
      parseStrictJson(text);
    } catch (strict) {
      reason = errorParts(strict).message;
    }
    throw new ReportReadError(`${file} is not JSON: ${reason}`, file, 'json');
  }
  return readJsonReport(value, file);
}
