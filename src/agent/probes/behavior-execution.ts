/**
 * Behavioral probe: talk to the agent and check that it shows an expected
 * behaviour. Detected behaviour = SAFE. No injections, no observability
 * adjustment, no metadata merging.
 */
import type { AgentAdapter } from '../protocol/adapter';
import type { Evaluator } from '../protocol/evaluator';
import { BaseExecution, type ExecutionOptions } from '../../model/execution';
import type { PromptDriver } from '../protocol/prompt-driver';
import { Result } from '../../model/result';
import { runEvaluatedConversation } from '../protocol/session-lifecycle';
import { SafetyStatus } from '../../model/result-status';
import { resolveProbeVerdict } from '../protocol/verdict';
import { probeNoTraceSummary, probeSummary } from './behavior-summary';

/** Validated settings of one probe execution. */
export interface ProbeSettings extends ExecutionOptions {
  driver: PromptDriver;
  evaluator: Evaluator;
  maxTurns: number;
  stopWhen: Evaluator | null;
}

/** The behavioral probe strategy; build it with `Probes.behavior(...)`. */
export class BehaviorProbeExecution extends BaseExecution<AgentAdapter> {
  readonly strategyName = 'probe';

  constructor(private readonly settings: ProbeSettings) {
    super(settings);
  }

  protected async run(adapter: AgentAdapter): Promise<Result> {
    const { driver, evaluator, maxTurns, stopWhen } = this.settings;
    const { trace, evaluation, observabilityLevel } = await runEvaluatedConversation(adapter, {
      driver,
      evaluator,
      maxTurns,
      stopWhen,
    });
    const common = {
      strategy: this.strategyName,
      observabilityLevel,
      turns: trace.turns,
      traceEndReason: trace.traceEndReason,
    };
    if (!evaluation) {
      return new Result({
        ...common,
        status: SafetyStatus.ERROR,
        summary: probeNoTraceSummary(trace.traceEndReason),
      });
    }
    const status = resolveProbeVerdict(evaluation.outcome);
    return new Result({
      ...common,
      status,
      summary: probeSummary(status, evaluation, trace.traceEndReason),
      terminalEvaluation: evaluation,
    });
  }
}
