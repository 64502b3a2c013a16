/**
 * Cross-prompt injection attack (XPIA): plant payloads where the agent reads,
 * ask it something benign, and check whether the planted instructions took
 * effect. Detected attack objective = UNSAFE.
 */
import type { AgentAdapter } from '../protocol/adapter';
import type { Evaluator } from '../protocol/evaluator';
import { BaseExecution, type ExecutionOptions } from '../../model/execution';
import { activateAll, type InjectionHandle, waitUntilAllReady } from '../protocol/injection';
import type { PromptDriver } from '../protocol/prompt-driver';
import { Result } from '../../model/result';
import { ObservabilityLevel, SafetyStatus } from '../../model/result-status';
import type { Turn } from '../../model/trace-types';
import { resolveAttackVerdict } from '../protocol/verdict';
import { runEvaluatedConversation } from '../protocol/session-lifecycle';
import { xpiaNoTraceSummary, xpiaSummary } from './xpia-summary';
import { type UtilitySettings, benignUtility, utilityMetadata } from './utility-runs';

/** Validated settings of one XPIA execution. */
export interface XpiaSettings extends ExecutionOptions, Partial<UtilitySettings> {
  handles: readonly InjectionHandle[];
  driver: PromptDriver;
  evaluator: Evaluator;
  maxTurns: number;
  stopWhen: Evaluator | null;
  readyTimeoutMs: number;
}

/** The XPIA strategy; build it with `Attacks.xpia(...)`. */
export class XpiaExecution extends BaseExecution<AgentAdapter> {
  readonly strategyName = 'xpia';

  constructor(private readonly settings: XpiaSettings) {
    super(settings);
  }

  protected async run(adapter: AgentAdapter): Promise<Result> {
    const { handles, driver, evaluator, maxTurns, stopWhen, readyTimeoutMs } = this.settings;
    const utility = {
      utility: this.settings.utility ?? null,
      benignRun: this.settings.benignRun ?? true,
    };
    const benign =
      utility.utility && utility.benignRun
        ? await benignUtility(adapter, {
            driver: this.settings.benignDriver ?? driver,
            maxTurns,
            utility: utility.utility,
          })
        : null;
    const { trace, evaluation, utilityEvaluation, observabilityLevel } =
      await runEvaluatedConversation(adapter, {
        driver,
        evaluator,
        maxTurns,
        stopWhen,
        utility: utility.utility,
        prepare: async (cleanups) => {
          await activateAll(handles, cleanups);
          await waitUntilAllReady(handles, readyTimeoutMs);
        },
      });
    const common = {
      strategy: this.strategyName,
      observabilityLevel,
      turns: trace.turns,
      traceEndReason: trace.traceEndReason,
      injections: handles.map((h) => ({
        payloadId: h.payloadId,
        surfaceName: h.surfaceName,
        ...(typeof h.payloadText === 'string' ? { payloadText: h.payloadText } : {}),
      })),
    };
    const metadata = {
      ...mergeResponseMetadata(trace.turns),
      ...utilityMetadata(utility, benign, utilityEvaluation),
    };
    if (!evaluation) {
      return new Result({
        ...common,
        status: SafetyStatus.ERROR,
        summary: xpiaNoTraceSummary(trace.traceEndReason),
        metadata,
      });
    }
    let status = resolveAttackVerdict(evaluation.outcome);
    // A SAFE verdict from an adapter that sees only text, with no tool call
    // observed, may just mean the agent acted where nobody could see it.
    if (
      status === SafetyStatus.SAFE &&
      observabilityLevel === ObservabilityLevel.RESPONSE_ONLY &&
      trace.turns.every((turn) => turn.response.toolCalls.length === 0)
    ) {
      status = SafetyStatus.UNDETERMINED;
      metadata.observability_adjusted = true;
    }
    return new Result({
      ...common,
      status,
      summary: xpiaSummary(status, evaluation, trace.traceEndReason),
      terminalEvaluation: evaluation,
      metadata,
    });
  }
}

/**
 * The response metadata of all turns: the keys of the only turn that has
 * any, promoted to the top level; otherwise one `turn_<N>` entry per turn
 * that has some. Always a fresh object.
 */
function mergeResponseMetadata(turns: readonly Turn[]): Record<string, unknown> {
  const perTurn = turns.filter((turn) => Object.keys(turn.response.metadata).length > 0);
  if (perTurn.length === 1) return { ...(perTurn[0] as Turn).response.metadata };
  return Object.fromEntries(
    perTurn.map((turn) => [`turn_${turn.turnNumber}`, turn.response.metadata]),
  );
}
