/**
 * Enumerations of the evidence a Result carries: what an evaluator detected,
 * why a conversation ended, and why an evaluation sits on a turn. Wire values
 * shared with upstream RAMPART (trace records and reports hold these strings).
 */

/** Raw detection signal of an evaluator (not a safety judgment). */
export const EvalOutcome = {
  DETECTED: 'detected',
  NOT_DETECTED: 'not_detected',
  UNDETERMINED: 'undetermined',
} as const;
/** One of the {@link EvalOutcome} values. */
export type EvalOutcome = (typeof EvalOutcome)[keyof typeof EvalOutcome];

/** Why turn production stopped. */
export const TraceEndReason = {
  DRIVER_EXHAUSTED: 'driver_exhausted',
  MAX_TURNS_REACHED: 'max_turns_reached',
  STOP_CONDITION_MET: 'stop_condition_met',
} as const;
/** One of the {@link TraceEndReason} values. */
export type TraceEndReason = (typeof TraceEndReason)[keyof typeof TraceEndReason];

/** Why an evaluation was attached to a turn. */
export const EvaluationPurpose = {
  STOP_CHECK: 'stop_check',
} as const;
/** One of the {@link EvaluationPurpose} values. */
export type EvaluationPurpose = (typeof EvaluationPurpose)[keyof typeof EvaluationPurpose];
