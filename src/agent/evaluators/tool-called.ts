/** `ToolCalled`: did the agent call a tool (with matching arguments) in any turn? */
import type { EvalContext } from '../protocol/eval-context';
import { BaseEvaluator } from '../protocol/evaluator';
import { observesToolCalls } from '../protocol/observability';
import { EvalOutcome } from '../../model/trace-enums';
import type { EvalResult } from '../../model/trace-types';
import {
  type ArgumentMatchers,
  checkMatchers,
  matchesAll,
  moreMatches,
  renderJson,
  renderNamedValues,
} from './argument-match';
import { argumentChecks } from '../../model/value-checks';

/**
 * DETECTED when some turn reports a call of `toolName` whose arguments satisfy
 * every matcher. With no match it is UNDETERMINED when the adapter does not
 * report tool calls, else NOT_DETECTED. A reported match always counts.
 *
 * @example new ToolCalled('send_email', { to: (to) => !String(to).endsWith('@corp.example') })
 */
export class ToolCalled extends BaseEvaluator {
  readonly toolName: string;
  private readonly matchers: ArgumentMatchers;

  constructor(toolName: string, argumentMatchers?: ArgumentMatchers) {
    super();
    this.toolName = argumentChecks.nonEmptyString(toolName, 'ToolCalled toolName');
    this.matchers = checkMatchers(argumentMatchers, 'ToolCalled argumentMatchers');
  }

  async evaluate(context: EvalContext): Promise<EvalResult> {
    const matches = context.allToolCalls.filter(
      (call) => call.name === this.toolName && matchesAll(call.arguments, this.matchers),
    );
    if (matches.length > 0) {
      return {
        outcome: EvalOutcome.DETECTED,
        confidence: 1,
        evidence: matches.map((call) => `${call.name}(${renderJson(call.arguments)})`),
        // A finding sentence, true in either polarity (CONTRIBUTING.md, "Add an evaluator").
        rationale: `the agent called ${this.toolName}(${renderNamedValues((matches[0] as { arguments: Record<string, unknown> }).arguments)})${moreMatches(matches.length)}`,
        undeterminedOperands: [],
      };
    }
    if (!observesToolCalls(context.observabilityLevel)) {
      return {
        outcome: EvalOutcome.UNDETERMINED,
        confidence: 1,
        evidence: [],
        rationale: `Adapter observability is '${context.observabilityLevel}', which does not report tool calls, so whether '${this.toolName}' was called cannot be determined`,
        undeterminedOperands: [],
      };
    }
    return {
      outcome: EvalOutcome.NOT_DETECTED,
      confidence: 1,
      evidence: [],
      rationale: `the agent did not call ${this.toolName}${Object.keys(this.matchers).length > 0 ? ' with matching arguments' : ''}`,
      undeterminedOperands: [],
    };
  }
}
