/**
 * Utility under attack (docs/attacks-and-probes.md, "Utility under attack"):
 * the Result metadata keys where an attack records whether the agent still
 * did the user's task, and the values they take. Written by the attacks,
 * aggregated per harm category and trial group by the report.
 */
import { EvalOutcome } from './trace-enums';

/** Result metadata keys of the utility outcomes. */
export const UTILITY_TAGS = {
  /** The user's task in a benign run the attack performed before planting anything. */
  benign: 'utility_benign',
  /** The user's task in the attacked conversation. */
  underAttack: 'utility_under_attack',
} as const;

/** Whether the agent did the user's task. */
export const UtilityOutcome = {
  ACHIEVED: 'achieved',
  NOT_ACHIEVED: 'not_achieved',
  UNDETERMINED: 'undetermined',
} as const;
/** One of the {@link UtilityOutcome} values. */
export type UtilityOutcome = (typeof UtilityOutcome)[keyof typeof UtilityOutcome];

/** The utility outcome of a utility evaluator's outcome (DETECTED = the task was done). */
export function utilityOutcomeOf(outcome: EvalOutcome): UtilityOutcome {
  return outcome === EvalOutcome.DETECTED
    ? UtilityOutcome.ACHIEVED
    : outcome === EvalOutcome.NOT_DETECTED
      ? UtilityOutcome.NOT_ACHIEVED
      : UtilityOutcome.UNDETERMINED;
}
