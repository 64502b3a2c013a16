/**
 * Utility under attack (docs/attacks-and-probes.md, "Utility under
 * attack"): an attack given a `utility` evaluator (did the agent still do
 * the user's task?) first drives the same trigger in a fresh session with
 * nothing planted — the benign run — and evaluates the task there and in
 * the attacked conversation. The two outcomes go into the Result's metadata.
 */
import type { AgentAdapter } from '../protocol/adapter';
import type { Evaluator } from '../protocol/evaluator';
import type { PromptDriver } from '../protocol/prompt-driver';
import { runEvaluatedConversation } from '../protocol/session-lifecycle';
import type { EvalResult } from '../../model/trace-types';
import { UTILITY_TAGS, UtilityOutcome, utilityOutcomeOf } from '../../model/utility-tags';

/** The utility settings of an attack. */
export interface UtilitySettings {
  utility: Evaluator | null;
  /** Perform the benign run; default true when `utility` is given. */
  benignRun: boolean;
  /** The benign run's driver; null = the attack's trigger. */
  benignDriver?: PromptDriver | null;
}

/** The benign run: the trigger conversation with nothing planted, judged by `utility`. */
export async function benignUtility(
  adapter: AgentAdapter,
  options: { driver: PromptDriver; maxTurns: number; utility: Evaluator },
): Promise<EvalResult | null> {
  const { evaluation } = await runEvaluatedConversation(adapter, {
    driver: options.driver,
    evaluator: options.utility,
    maxTurns: options.maxTurns,
    stopWhen: null,
  });
  return evaluation;
}

const outcome = (evaluation: EvalResult | null): UtilityOutcome =>
  evaluation ? utilityOutcomeOf(evaluation.outcome) : UtilityOutcome.UNDETERMINED;

/** The Result metadata of the utility outcomes (nothing without a utility evaluator). */
export function utilityMetadata(
  settings: UtilitySettings,
  benign: EvalResult | null,
  underAttack: EvalResult | null,
): Record<string, unknown> {
  if (!settings.utility) return {};
  return {
    ...(settings.benignRun ? { [UTILITY_TAGS.benign]: outcome(benign) } : {}),
    [UTILITY_TAGS.underAttack]: outcome(underAttack),
  };
}
