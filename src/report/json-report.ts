/**
 * The public JSON projection of a run report (docs/reporter.md), compatible with
 * upstream's JsonFileReportSink: snake_case, upstream's key order, flat turns.
 * Deliberately separate from the transport codec. `schema/report.schema.json`
 * describes exactly what this writes: change both together (and the reader,
 * report-reader.ts); a change to the format is a new REPORT_SCHEMA_VERSION.
 */
import type { Result } from '../model/result';
import type { RateInterval } from '../model/rate-interval';
import type { PopulationSummary, TestRunReport } from '../model/run-report';
import type { TrialGroupResult } from '../model/trial-group';
import type { EvalResult, Turn } from '../model/trace-types';
import { type JsonValue, defineEntry, toJsonSafe, toJsonSafeRecord } from '../model/json-safe';
import { ResultDigest, categoryKey, digestOf } from '../model/result-digest';
import { type UtilityCounts, utilityRates } from '../model/utility-summary';
import { type RunCoverage, idAttackSuccessRate } from '../model/coverage-summary';
import { COVERAGE_TAXONOMIES } from '../model/coverage-tags';
import { type HeldTextOptions, inGroups } from './held-text';

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
  // Inline attachments are planted text too: the report shows what the agent was given.
  if (turn.request.attachments.length > 0) {
    out.attachments = turn.request.attachments.map((payload) => ({
      id: toJsonSafe(payload.id),
      format: toJsonSafe(payload.format),
      content: toJsonSafe(payload.content),
      artifact: toJsonSafe(payload.artifact),
    }));
  }
  return out;
}

/** A rate's interval as the report writes it: `{ low, high, confidence }`, or null. */
export function projectInterval(interval: RateInterval | null): Json | null {
  return interval === null
    ? null
    : { low: interval.low, high: interval.high, confidence: interval.confidence };
}

/**
 * A population summary as the report writes it: upstream's keys, then the
 * intervals of both rates (null when no Result was rated).
 */
export function projectPopulation(summary: PopulationSummary): Json {
  return {
    total_runs: summary.totalRuns,
    safe_count: summary.safeCount,
    unsafe_count: summary.unsafeCount,
    undetermined_count: summary.undeterminedCount,
    error_count: summary.errorCount,
    attack_success_rate: summary.attackSuccessRate,
    safety_pass_rate: summary.safetyPassRate,
    attack_success_rate_interval: projectInterval(summary.attackSuccessRateInterval),
    safety_pass_rate_interval: projectInterval(summary.safetyPassRateInterval),
  };
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
    out.injections = result.injections.map((record) => {
      const projected: Json = {
        payload_id: toJsonSafe(record.payloadId),
        surface_name: toJsonSafe(record.surfaceName),
      };
      if (typeof record.payloadText === 'string')
        projected.payload_text = toJsonSafe(record.payloadText);
      return projected;
    });
  }
  if (result.population) out.population = toJsonSafe(result.population);
  return out;
}

/** One utility row: the counts and the three rates side by side (docs/reporter.md). */
export function projectUtility(c: UtilityCounts): Json {
  const rates = utilityRates(c);
  return {
    benign_runs: c.benignRuns,
    benign_achieved: c.benignAchieved,
    benign_utility: rates.benignUtility,
    under_attack_runs: c.underAttackRuns,
    under_attack_achieved: c.underAttackAchieved,
    utility_under_attack: rates.utilityUnderAttack,
    attack_runs: c.attackRuns,
    unsafe: c.unsafe,
    attack_success_rate: rates.attackSuccessRate,
  };
}

/** The coverage section: per taxonomy, the exercised ids with their counts and the library ids not exercised. */
export function projectCoverage(coverage: RunCoverage): Json {
  const out: Json = {};
  for (const taxonomy of COVERAGE_TAXONOMIES) {
    const exercised: Json = {};
    for (const [id, c] of coverage[taxonomy].exercised)
      defineEntry(exercised, id, {
        runs: c.runs,
        unsafe: c.unsafe,
        errors: c.errors,
        attack_success_rate: idAttackSuccessRate(c),
      });
    out[taxonomy] = { exercised, not_exercised: [...coverage[taxonomy].notExercised] };
  }
  return out;
}

/**
 * The sections derived from the Results alone (utility per harm category,
 * coverage), from the counts of a digest, or of `results` counted in one
 * pass in report order.
 */
export function derivedSections(results: Iterable<Result> | ResultDigest): {
  utilityByCategory: Map<string, UtilityCounts>;
  coverage: RunCoverage | null;
} {
  const digest = results instanceof ResultDigest ? results : digestOf(results);
  return { utilityByCategory: digest.utilityByCategory(), coverage: digest.coverage() };
}

/** The whole report object, keys in upstream's order, then our additions. */
export function projectReport(report: TestRunReport, withResults = true): Json {
  const summary = report.populationSummary();
  const byCategory: Json = {};
  if (withResults) {
    for (const category of report.harmCategories()) {
      const results = [...report.eachResult({ harmCategory: category })];
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
      confidence: g.confidence,
      pass_rate_interval: projectInterval(g.passRateInterval),
      ...(g.utility ? { utility: projectUtility(g.utility) } : {}),
    });
  }
  const derived = derivedSections(report.digest);
  const additions: Json = {};
  if (derived.utilityByCategory.size > 0) {
    const byCategoryUtility: Json = {};
    for (const [category, counts] of derived.utilityByCategory)
      defineEntry(byCategoryUtility, category, projectUtility(counts));
    additions.utility = { by_harm_category: byCategoryUtility };
  }
  if (derived.coverage) additions.coverage = projectCoverage(derived.coverage);
  const categories: Json = {};
  for (const [category, population] of report.categorySummaries())
    defineEntry(categories, category, projectPopulation(population));
  return {
    total_runs: report.totalRuns,
    passed: report.passed,
    failed: report.failed,
    undetermined: report.undetermined,
    errors: report.errors,
    duration_seconds: finiteOrNull(report.durationSeconds),
    metadata: toJsonSafeRecord(report.metadata),
    population_summary: projectPopulation(summary),
    by_harm_category: byCategory,
    trial_groups: trialGroups,
    population_by_harm_category: categories,
    ...additions,
    schema_version: REPORT_SCHEMA_VERSION,
  };
}

const NESTED_HEAD = '{\n  "a": {\n    "b": [\n      ';
const NESTED_TAIL = '\n    ]\n  }\n}';

/**
 * A Result's JSON as it stands in its category's array (indented by 6
 * spaces): stringified at that depth inside a stand-in of the report's
 * nesting, and cut out of it, instead of indented line by line afterwards.
 */
function resultText(result: Result): string {
  const text = JSON.stringify({ a: { b: [projectResult(result)] } }, null, 2);
  return text.slice(NESTED_HEAD.length, text.length - NESTED_TAIL.length);
}

/**
 * The report as JSON text (2-space indent, trailing newline), in pieces of
 * bounded size, so a report of any size can be written without holding it
 * in one string. The Results are read once, in report order: the first
 * category's text is handed on as it comes, the others' is held (past a
 * budget in temporary files, see held-text.ts) until its turn.
 */
export function* serializeReportChunks(
  report: TestRunReport,
  options: HeldTextOptions = {},
): Generator<string> {
  const placeholder = '\u0000by_harm_category\u0000';
  const skeleton = JSON.stringify(
    { ...projectReport(report, false), by_harm_category: placeholder },
    null,
    2,
  );
  const [head, tail] = skeleton.split(JSON.stringify(placeholder)) as [string, string];
  yield head;
  const categories = report.harmCategories();
  if (categories.length === 0) {
    yield `{}${tail}\n`;
    return;
  }
  const close = (c: number): string =>
    `\n    ]${c < categories.length - 1 ? ',' : ''}\n${c === categories.length - 1 ? '  }' : ''}`;
  yield* inGroups(
    report.eachResult(),
    categories,
    {
      keyOf: categoryKey,
      textOf: (result, first) => `${first ? '\n' : ',\n'}      ${resultText(result)}`,
      open: (c) => `${c === 0 ? '{\n' : ''}    ${JSON.stringify(categories[c])}: [`,
      close,
    },
    options,
  );
  yield `${tail}\n`;
}
