/**
 * The public JSON projection of a run report (SPEC §2.6), compatible with
 * upstream's JsonFileReportSink: snake_case, upstream's key order, flat turns.
 * Deliberately separate from the transport codec. `readJsonReport` reads it
 * back for merging shard reports.
 */
import { Result } from '../core/result';
import { TestRunReport } from '../core/run-report';
import { ObservabilityLevel, SafetyStatus, isEnumValue } from '../core/status';
import { TrialGroupResult } from '../core/trial-group';
import type { EvalResult, Turn } from '../core/trace-types';
import { type JsonValue, defineEntry, toJsonSafe, toJsonSafeRecord } from '../core/json-safe';
import { describeValue } from '../core/value-description';

/** Version of this report format (our addition to upstream's schema). */
export const REPORT_SCHEMA_VERSION = 'rampart.jest.report.v1';

type Json = Record<string, JsonValue>;

const finiteOrNull = (value: number): number | null => (Number.isFinite(value) ? value : null);

function projectEval(evaluation: EvalResult): Json {
  const out: Json = {
    outcome: evaluation.outcome,
    confidence: finiteOrNull(evaluation.confidence),
    evidence: toJsonSafe(evaluation.evidence),
    rationale: toJsonSafe(evaluation.rationale),
  };
  if (evaluation.undeterminedOperands?.length)
    out.undetermined_operands = toJsonSafe(evaluation.undeterminedOperands);
  return out;
}

function projectTurn(turn: Turn): Json {
  const out: Json = {
    turn_number: turn.turnNumber,
    prompt: toJsonSafe(turn.request.prompt),
    response_text: toJsonSafe(turn.response.text),
    response_metadata: toJsonSafeRecord(turn.response.metadata),
  };
  if (turn.response.toolCalls.length > 0) {
    out.tool_calls = turn.response.toolCalls.map((call) => ({
      name: toJsonSafe(call.name),
      arguments: toJsonSafeRecord(call.arguments),
      result: toJsonSafe(call.result),
    }));
  }
  if (turn.response.sideEffects.length > 0) {
    out.side_effects = turn.response.sideEffects.map((effect) => ({
      kind: toJsonSafe(effect.kind),
      details: toJsonSafeRecord(effect.details),
    }));
  }
  if (turn.evalResult) {
    out.eval_outcome = turn.evalResult.outcome;
    out.eval_confidence = finiteOrNull(turn.evalResult.confidence);
    out.eval_rationale = toJsonSafe(turn.evalResult.rationale);
    if (turn.evalResult.undeterminedOperands.length > 0) {
      out.eval_undetermined_operands = toJsonSafe(turn.evalResult.undeterminedOperands);
    }
  }
  if (turn.driverReasoning) out.driver_reasoning = toJsonSafe(turn.driverReasoning);
  return out;
}

/** One Result as upstream's report writes it (+ attack/probe fields when present). */
export function projectResult(result: Result): Json {
  const out: Json = {
    safe: result.safe,
    status: result.status,
    summary: toJsonSafe(result.summary),
    harm_category: result.harmCategory ? toJsonSafe(result.harmCategory) : null,
    strategy: toJsonSafe(result.strategy),
    observability_level: result.observabilityLevel,
    duration_seconds: finiteOrNull(result.durationSeconds),
    metadata: toJsonSafeRecord(result.metadata),
    turns: result.turns.map(projectTurn),
  };
  if (result.terminalEvaluation)
    out.final_trace_evaluation = projectEval(result.terminalEvaluation);
  if (result.traceEndReason) out.trace_end_reason = result.traceEndReason;
  if (result.injections.length > 0) {
    out.injections = result.injections.map((record) => ({
      payload_id: toJsonSafe(record.payloadId),
      surface_name: toJsonSafe(record.surfaceName),
    }));
  }
  if (result.population) out.population = toJsonSafe(result.population);
  return out;
}

/** The whole report object, keys in upstream's order, then our additions. */
export function projectReport(report: TestRunReport, withResults = true): Json {
  const summary = report.populationSummary();
  const byCategory: Json = {};
  if (withResults) {
    for (const [category, results] of report.byHarmCategory()) {
      defineEntry(byCategory, category, results.map(projectResult));
    }
  }
  const trialGroups: Json = {};
  for (const id of Object.keys(report.trialGroups).sort()) {
    const g = report.trialGroups[id] as TrialGroupResult;
    defineEntry(trialGroups, id, {
      total: g.total,
      safe: g.safe,
      unsafe: g.unsafe,
      errors: g.errors,
      no_result: g.noResult,
      threshold: g.threshold,
      pass_rate: g.passRate,
      passed: g.passed,
      title: g.title,
    });
  }
  return {
    total_runs: report.totalRuns,
    passed: report.passed,
    failed: report.failed,
    undetermined: report.undetermined,
    errors: report.errors,
    duration_seconds: finiteOrNull(report.durationSeconds),
    metadata: toJsonSafeRecord(report.metadata),
    population_summary: {
      total_runs: summary.totalRuns,
      safe_count: summary.safeCount,
      unsafe_count: summary.unsafeCount,
      undetermined_count: summary.undeterminedCount,
      error_count: summary.errorCount,
      attack_success_rate: summary.attackSuccessRate,
      safety_pass_rate: summary.safetyPassRate,
    },
    by_harm_category: byCategory,
    trial_groups: trialGroups,
    schema_version: REPORT_SCHEMA_VERSION,
  };
}

/** Serialised report text (2-space indent, trailing newline). */
export function serializeReport(report: TestRunReport): string {
  return `${JSON.stringify(projectReport(report), null, 2)}\n`;
}

const indent = (text: string, spaces: string): string => text.replace(/\n/g, `\n${spaces}`);

/** Pieces of about this many characters are handed to the writer. */
const PIECE_CHARS = 1 << 20;

/**
 * The same text as {@link serializeReport}, in pieces of bounded size, so a
 * report of any size can be written without holding it in one string.
 */
export function* serializeReportChunks(report: TestRunReport): Generator<string> {
  const placeholder = '\u0000by_harm_category\u0000';
  const skeleton = JSON.stringify(
    { ...projectReport(report, false), by_harm_category: placeholder },
    null,
    2,
  );
  const [head, tail] = skeleton.split(JSON.stringify(placeholder)) as [string, string];
  yield head;
  const categories = [...report.byHarmCategory()];
  if (categories.length === 0) yield '{}';
  let piece = '';
  for (const [c, [category, results]] of categories.entries()) {
    piece += `${c === 0 ? '{\n' : ''}    ${JSON.stringify(category)}: [\n`;
    for (const [r, result] of results.entries()) {
      const separator = r < results.length - 1 ? ',' : '';
      piece += `      ${indent(JSON.stringify(projectResult(result), null, 2), '      ')}${separator}\n`;
      if (piece.length >= PIECE_CHARS) {
        yield piece;
        piece = '';
      }
    }
    piece += `    ]${c < categories.length - 1 ? ',' : ''}\n${c === categories.length - 1 ? '  }' : ''}`;
  }
  yield piece;
  yield `${tail}\n`;
}

// ------------------------------------------------------------- reading back

/** Raised when a file is not a report this package can read. */
export class ReportFormatError extends Error {
  override name = 'ReportFormatError';
}

function bad(path: string, expected: string, value: unknown): never {
  throw new ReportFormatError(`${path}: expected ${expected}, got ${describeValue(value)}`);
}

function readObject(value: unknown, path: string): Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    bad(path, 'an object', value);
  return value as Record<string, unknown>;
}

function readTurn(value: unknown, path: string, index: number): Turn {
  const t = readObject(value, path);
  const outcome = t.eval_outcome;
  return {
    request: { prompt: typeof t.prompt === 'string' ? t.prompt : null, attachments: [] },
    response: {
      text: typeof t.response_text === 'string' ? t.response_text : '',
      toolCalls: Array.isArray(t.tool_calls)
        ? t.tool_calls.map((c: Record<string, unknown>) => ({
            name: String(c?.name ?? ''),
            arguments: (c?.arguments as Record<string, unknown>) ?? {},
            result: typeof c?.result === 'string' ? c.result : null,
            timestamp: null,
          }))
        : [],
      sideEffects: Array.isArray(t.side_effects)
        ? t.side_effects.map((e: Record<string, unknown>) => ({
            kind: String(e?.kind ?? ''),
            details: (e?.details as Record<string, unknown>) ?? {},
          }))
        : [],
      metadata: (t.response_metadata as Record<string, unknown>) ?? {},
    },
    evalResult:
      typeof outcome === 'string'
        ? {
            outcome: outcome as EvalResult['outcome'],
            confidence: typeof t.eval_confidence === 'number' ? t.eval_confidence : NaN,
            evidence: [],
            rationale: typeof t.eval_rationale === 'string' ? t.eval_rationale : '',
            undeterminedOperands: Array.isArray(t.eval_undetermined_operands)
              ? t.eval_undetermined_operands.map(String)
              : [],
          }
        : null,
    evalPurpose: null,
    turnNumber: typeof t.turn_number === 'number' ? t.turn_number : index,
    timestamp: null,
    driverReasoning: typeof t.driver_reasoning === 'string' ? t.driver_reasoning : '',
  };
}

function readResult(value: unknown, path: string): Result {
  const r = readObject(value, path);
  if (!isEnumValue(SafetyStatus, r.status)) bad(`${path}.status`, 'a SafetyStatus value', r.status);
  if (!isEnumValue(ObservabilityLevel, r.observability_level))
    bad(`${path}.observability_level`, 'an ObservabilityLevel value', r.observability_level);
  if (typeof r.summary !== 'string') bad(`${path}.summary`, 'a string', r.summary);
  const evaluation = r.final_trace_evaluation as Record<string, unknown> | undefined;
  return new Result({
    status: r.status,
    summary: r.summary,
    observabilityLevel: r.observability_level,
    harmCategory: typeof r.harm_category === 'string' && r.harm_category ? r.harm_category : null,
    strategy: typeof r.strategy === 'string' ? r.strategy : '',
    durationSeconds:
      typeof r.duration_seconds === 'number' && r.duration_seconds >= 0 ? r.duration_seconds : 0,
    metadata: r.metadata === undefined ? {} : readObject(r.metadata, `${path}.metadata`),
    turns: Array.isArray(r.turns)
      ? r.turns.map((t, i) => readTurn(t, `${path}.turns[${i}]`, i))
      : [],
    terminalEvaluation: evaluation
      ? {
          outcome: evaluation.outcome as EvalResult['outcome'],
          confidence: typeof evaluation.confidence === 'number' ? evaluation.confidence : NaN,
          evidence: Array.isArray(evaluation.evidence) ? evaluation.evidence.map(String) : [],
          rationale: typeof evaluation.rationale === 'string' ? evaluation.rationale : '',
          undeterminedOperands: Array.isArray(evaluation.undetermined_operands)
            ? evaluation.undetermined_operands.map(String)
            : [],
        }
      : null,
    traceEndReason: (r.trace_end_reason as Result['traceEndReason']) ?? null,
    injections: Array.isArray(r.injections)
      ? r.injections.map((i: Record<string, unknown>) => ({
          payloadId: typeof i?.payload_id === 'string' ? i.payload_id : null,
          surfaceName: String(i?.surface_name ?? ''),
        }))
      : [],
    population: (r.population as Result['population']) ?? null,
  });
}

/** Reads a report written by {@link serializeReport} (or by upstream's sink). */
export function readJsonReport(value: unknown, source = 'report'): TestRunReport {
  const root = readObject(value, source);
  const byCategory = readObject(root.by_harm_category ?? {}, `${source}.by_harm_category`);
  const results: Result[] = [];
  for (const [category, list] of Object.entries(byCategory)) {
    if (!Array.isArray(list)) bad(`${source}.by_harm_category.${category}`, 'an array', list);
    list.forEach((item, i) =>
      results.push(readResult(item, `${source}.by_harm_category.${category}[${i}]`)),
    );
  }
  const trialGroups: Record<string, TrialGroupResult> = {};
  const groups = readObject(root.trial_groups ?? {}, `${source}.trial_groups`);
  for (const [id, raw] of Object.entries(groups)) {
    const g = readObject(raw, `${source}.trial_groups.${id}`);
    const num = (key: string): number =>
      typeof g[key] === 'number'
        ? (g[key] as number)
        : bad(`${source}.trial_groups.${id}.${key}`, 'a number', g[key]);
    trialGroups[id] = new TrialGroupResult({
      total: num('total'),
      safe: num('safe'),
      unsafe: num('unsafe'),
      errors: num('errors'),
      noResult: num('no_result'),
      threshold: num('threshold'),
      passRate: num('pass_rate'),
      passed: g.passed === true,
      title: typeof g.title === 'string' ? g.title : id,
    });
  }
  return new TestRunReport({
    results,
    durationSeconds: typeof root.duration_seconds === 'number' ? root.duration_seconds : 0,
    metadata: root.metadata === undefined ? {} : readObject(root.metadata, `${source}.metadata`),
    trialGroups,
  });
}
