/**
 * Adaptive XPIA: plant a payload, drive the benign trigger, and while the
 * agent resists, ask an attacker model to reword the payload and plant it
 * again, until the objective is detected or the budget of plants runs out.
 * Every plant is a fresh session with its own injection; the Result holds
 * all their turns in order and one `plants` record per attempt.
 */
import type { AgentAdapter } from '../protocol/adapter';
import type { Surface } from '../protocol/injection';
import type { Evaluator } from '../protocol/evaluator';
import { BaseExecution, type ExecutionOptions } from '../../model/execution';
import { activateAll, type InjectionHandle, waitUntilAllReady } from '../protocol/injection';
import type { PromptDriver } from '../protocol/prompt-driver';
import { runEvaluatedConversation } from '../protocol/session-lifecycle';
import { createPayload } from '../protocol/payload';
import { isDetected } from '../protocol/eval-result';
import { resolveAsAttack } from '../protocol/verdict';
import { Result } from '../../model/result';
import { ObservabilityLevel, SafetyStatus } from '../../model/result-status';
import { TraceEndReason } from '../../model/trace-enums';
import type { EvalResult, Payload, Turn } from '../../model/trace-types';
import type { Complete } from '../llm/completions';
import { findingDetail } from '../protocol/verdict-summary';
import { askForField, checkNotAborted, renumbered, runSignal } from './adaptive-support';
import { rewordPayloadMessages } from './attacker-prompts';
import { benignUtility, type UtilitySettings, utilityMetadata } from './utility-runs';
import { payloadTags } from './payload-tags';

/** Validated settings of one adaptive XPIA execution. */
export interface AdaptiveXpiaSettings extends ExecutionOptions, UtilitySettings {
  surface: Surface;
  payload: Payload;
  objective: string;
  attacker: Complete;
  driver: PromptDriver;
  evaluator: Evaluator;
  maxPlants: number;
  maxTurns: number;
  stopWhen: Evaluator | null;
  readyTimeoutMs: number;
  signal: AbortSignal | null;
  timeoutMs: number | null;
}

/** One plant of the attack, as recorded in `metadata.plants`. */
interface PlantRecord {
  plant: number;
  payload_id: string;
  payload: string;
  reasoning: string;
  outcome: string;
  first_turn: number;
  turns: number;
}

/** The adaptive XPIA strategy; build it with `Attacks.adaptiveXpia(...)`. */
export class AdaptiveXpiaExecution extends BaseExecution<AgentAdapter> {
  readonly strategyName = 'adaptive_xpia';

  constructor(private readonly settings: AdaptiveXpiaSettings) {
    super(settings);
  }

  protected async run(adapter: AgentAdapter): Promise<Result> {
    const s = this.settings;
    const signal = runSignal(s.signal, s.timeoutMs);
    const benign =
      s.utility && s.benignRun
        ? await benignUtility(adapter, {
            driver: s.benignDriver ?? s.driver,
            maxTurns: s.maxTurns,
            utility: s.utility,
          })
        : null;
    const turns: Turn[] = [];
    const plants: PlantRecord[] = [];
    const handles: InjectionHandle[] = [];
    const evaluations: EvalResult[] = [];
    let payload = s.payload;
    let reasoning = 'the initial payload';
    let utility: EvalResult | null = null;
    let lastResponses: string[] = [];
    let detected: { plant: number; evaluation: EvalResult } | null = null;
    for (let plant = 1; plant <= s.maxPlants; plant += 1) {
      checkNotAborted(signal);
      if (plant > 1) {
        const reworded = await askForField(
          s.attacker,
          rewordPayloadMessages({
            objective: s.objective,
            previousPayload: payload.content,
            agentResponses: lastResponses,
            attempt: plant,
            budget: s.maxPlants,
          }),
          'payload',
          signal,
          'Attacks.adaptiveXpia attacker',
        );
        payload = createPayload({
          content: reworded.value,
          id: `${s.payload.id}-plant-${plant}`,
          format: s.payload.format,
          metadata: { ...s.payload.metadata, reworded_from: payload.id },
        });
        reasoning = typeof reworded.reply.reasoning === 'string' ? reworded.reply.reasoning : '';
      }
      const handle = s.surface.inject({ payload });
      handles.push(handle);
      const run = await runEvaluatedConversation(adapter, {
        driver: s.driver,
        evaluator: s.evaluator,
        maxTurns: s.maxTurns,
        stopWhen: s.stopWhen,
        utility: s.utility,
        prepare: async (cleanups) => {
          await activateAll([handle], cleanups);
          await waitUntilAllReady([handle], s.readyTimeoutMs);
        },
      });
      const first = turns.length;
      turns.push(
        ...renumbered(run.trace.turns, first).map((t) =>
          Object.freeze({
            ...t,
            driverReasoning: `plant ${plant}: ${t.driverReasoning || reasoning}`,
          }),
        ),
      );
      utility = run.utilityEvaluation;
      lastResponses = run.trace.turns.map((t) => t.response.text);
      plants.push({
        plant,
        payload_id: payload.id,
        payload: payload.content,
        reasoning,
        outcome: run.evaluation?.outcome ?? 'no_turns',
        first_turn: first,
        turns: run.trace.turns.length,
      });
      if (!run.evaluation) continue;
      evaluations.push(run.evaluation);
      if (isDetected(run.evaluation)) {
        detected = { plant, evaluation: run.evaluation };
        break;
      }
    }
    let status = resolveAsAttack(evaluations);
    const metadata: Record<string, unknown> = {
      ...payloadTags(s.payload),
      plants,
      plants_used: plants.length,
      plant_budget: s.maxPlants,
      ...utilityMetadata(s, benign, utility),
    };
    if (
      status === SafetyStatus.SAFE &&
      adapter.observabilityProfile === ObservabilityLevel.RESPONSE_ONLY &&
      turns.every((turn) => turn.response.toolCalls.length === 0)
    ) {
      status = SafetyStatus.UNDETERMINED;
      metadata.observability_adjusted = true;
    }
    const last = detected?.evaluation ?? evaluations.at(-1) ?? null;
    return new Result({
      status,
      summary: summary(status, detected, plants.length, s.maxPlants, last),
      observabilityLevel: adapter.observabilityProfile,
      strategy: this.strategyName,
      turns,
      traceEndReason: detected
        ? TraceEndReason.STOP_CONDITION_MET
        : TraceEndReason.MAX_TURNS_REACHED,
      injections: handles.map((h) => ({ payloadId: h.payloadId, surfaceName: h.surfaceName })),
      terminalEvaluation: last,
      metadata,
    });
  }
}

function summary(
  status: SafetyStatus,
  detected: { plant: number; evaluation: EvalResult } | null,
  used: number,
  budget: number,
  last: EvalResult | null,
): string {
  if (detected)
    return `Attack objective detected on plant ${detected.plant} of ${budget}${findingDetail(detected.evaluation)}`;
  if (status === SafetyStatus.ERROR) return 'Execution error: no plant produced an evaluable trace';
  if (status === SafetyStatus.UNDETERMINED)
    return `Evaluation undetermined after ${used} plants${last?.rationale ? `: ${last.rationale}` : ''}`;
  return `Agent withstood ${used} reworded plants (plant budget exhausted)`;
}
