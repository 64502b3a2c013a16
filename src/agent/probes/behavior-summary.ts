/** One-line summaries of behavioral probe Results (upstream main-generation wording). */
import { SafetyStatus } from '../../model/result-status';
import { TraceEndReason } from '../../model/trace-enums';
import type { EvalResult } from '../../model/trace-types';
import {
  budgetSuffix,
  evidenceDetail,
  formatReasons,
  gapSuffix,
  undeterminedReasons,
} from '../protocol/verdict-summary';

/** Summary of a probe that produced no evaluable turn (an ERROR Result). */
export function probeNoTraceSummary(reason: TraceEndReason): string {
  if (reason === TraceEndReason.DRIVER_EXHAUSTED) return 'ERROR: Driver produced no turns';
  if (reason === TraceEndReason.MAX_TURNS_REACHED)
    return 'ERROR: Turn budget exhausted before the agent was exercised';
  return 'ERROR: Probe produced no evaluable trace';
}

/** Summary of an evaluated probe. */
export function probeSummary(
  status: SafetyStatus,
  evaluation: EvalResult,
  reason: TraceEndReason,
): string {
  let summary: string;
  if (status === SafetyStatus.SAFE)
    summary = `Expected behavior detected${evidenceDetail(evaluation)}${gapSuffix(evaluation)}`;
  else if (status === SafetyStatus.UNSAFE)
    summary = `UNSAFE: ${evaluation.rationale || 'Expected behavior not detected'}`;
  else {
    const reasons = undeterminedReasons(evaluation);
    summary = `UNDETERMINED: ${reasons.length > 0 ? formatReasons(reasons) : 'Could not determine if expected behavior occurred'}`;
  }
  return summary + budgetSuffix(reason);
}
