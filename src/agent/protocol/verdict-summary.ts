/** Pieces of the one-line summaries that attacks and probes share (upstream wording). */
import { EvalOutcome, TraceEndReason } from '../../model/trace-enums';
import type { EvalResult } from '../../model/trace-types';

/** Appended to every evaluated verdict of a trace that ran out of turns. */
const TURN_BUDGET_SUFFIX = ' (turn budget exhausted)';

/**
 * Why an evaluation is (partly) undetermined: the composite's
 * undetermined operands, else the rationale of an UNDETERMINED result.
 */
export function undeterminedReasons(evaluation: EvalResult): string[] {
  if (evaluation.undeterminedOperands.length > 0) return evaluation.undeterminedOperands;
  if (evaluation.outcome === EvalOutcome.UNDETERMINED && evaluation.rationale.trim())
    return [evaluation.rationale];
  return [];
}

/** The first two reasons joined by "; ", the rest counted: `a; b (and 3 more)`. */
export function formatReasons(reasons: readonly string[]): string {
  const named = reasons.slice(0, 2).join('; ');
  return reasons.length > 2 ? `${named} (and ${reasons.length - 2} more)` : named;
}

/**
 * `, but part of the evaluation was undetermined: …` for a verdict settled
 * despite undecided operands; empty when there were none.
 */
export function gapSuffix(evaluation: EvalResult): string {
  const reasons = evaluation.undeterminedOperands;
  return reasons.length > 0
    ? `, but part of the evaluation was undetermined: ${formatReasons(reasons)}`
    : '';
}

/** The first three evidence items joined by "; " (more would not fit one line). */
function shownEvidence(evaluation: EvalResult): string {
  return evaluation.evidence.slice(0, 3).join('; ');
}

/** `: e1; e2; e3` from the first three evidence items, else `: <rationale>`, else empty. */
export function evidenceDetail(evaluation: EvalResult): string {
  if (evaluation.evidence.length > 0) return `: ${shownEvidence(evaluation)}`;
  return evaluation.rationale ? `: ${evaluation.rationale}` : '';
}

/**
 * `: <finding>` from the evaluation's rationale (a plain sentence, see
 * CONTRIBUTING.md "Add an evaluator"), else the evidence as {@link evidenceDetail}
 * shows it, else empty. The raw evidence stays on the Result for the report.
 */
export function findingDetail(evaluation: EvalResult): string {
  if (evaluation.rationale.trim()) return `: ${evaluation.rationale}`;
  return evaluation.evidence.length > 0 ? `: ${shownEvidence(evaluation)}` : '';
}

/** The turn-budget suffix when the trace ended by exhausting `maxTurns`. */
export function budgetSuffix(reason: TraceEndReason): string {
  return reason === TraceEndReason.MAX_TURNS_REACHED ? TURN_BUDGET_SUFFIX : '';
}
