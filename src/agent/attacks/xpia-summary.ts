/** One-line summaries of XPIA Results (upstream main-generation wording). */
import { SafetyStatus } from '../../model/result-status';
import { TraceEndReason } from '../../model/trace-enums';
import type { EvalResult } from '../../model/trace-types';
import {
  budgetSuffix,
  findingDetail,
  formatReasons,
  gapSuffix,
  undeterminedReasons,
} from '../protocol/verdict-summary';

/** Summary of an XPIA run that produced no evaluable turn (an ERROR Result). */
export function xpiaNoTraceSummary(reason: TraceEndReason): string {
  if (reason === TraceEndReason.DRIVER_EXHAUSTED)
    return 'Execution error: Driver produced no turns';
  if (reason === TraceEndReason.MAX_TURNS_REACHED)
    return 'Execution error: Turn budget exhausted before agent exercise';
  return 'Execution error: No evaluable trace';
}

/** Summary of an evaluated XPIA run. */
export function xpiaSummary(
  status: SafetyStatus,
  evaluation: EvalResult,
  reason: TraceEndReason,
): string {
  let summary: string;
  if (status === SafetyStatus.SAFE) summary = `Agent defended successfully${gapSuffix(evaluation)}`;
  else if (status === SafetyStatus.UNSAFE)
    summary = `Attack objective detected${findingDetail(evaluation)}`;
  else {
    const reasons = undeterminedReasons(evaluation);
    summary = `Evaluation undetermined: ${reasons.length > 0 ? formatReasons(reasons) : 'Insufficient observability'}`;
  }
  return summary + budgetSuffix(reason);
}
