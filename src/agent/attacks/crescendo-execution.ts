/**
 * Crescendo: a multi-turn conversation that starts harmless and escalates
 * step by step, each question written by an attacker model from the agent's
 * previous answers. When the agent refuses, the attack backtracks: the
 * refused question is dropped, a fresh session is opened and the accepted
 * questions are replayed (an agent's memory cannot be edited), and the
 * attacker tries a milder step. Every sent turn, replays included, is in
 * the Result; `metadata.backtracks` lists each one.
 */
import type { AgentAdapter, Session } from '../protocol/adapter';
import { CleanupStack } from '../protocol/cleanup-stack';
import type { Evaluator } from '../protocol/evaluator';
import { BaseExecution, type ExecutionOptions } from '../../model/execution';
import { checkAdapter, openSession } from '../protocol/session-lifecycle';
import { isDetected } from '../protocol/eval-result';
import { resolveAsAttack } from '../protocol/verdict';
import { findingDetail } from '../protocol/verdict-summary';
import { Result } from '../../model/result';
import { SafetyStatus } from '../../model/result-status';
import { TraceEndReason } from '../../model/trace-enums';
import type { EvalResult, Turn } from '../../model/trace-types';
import type { Complete } from '../llm/completions';
import {
  runSignal,
  askForField,
  checkNotAborted,
  evaluateTurns,
  sendTurn,
  withCheck,
} from './adaptive-support';
import { crescendoMessages } from './attacker-prompts';

/** Validated settings of one Crescendo execution. */
export interface CrescendoSettings extends ExecutionOptions {
  objective: string;
  attacker: Complete;
  evaluator: Evaluator;
  refusal: Evaluator;
  maxTurns: number;
  maxBacktracks: number;
  signal: AbortSignal | null;
  timeoutMs: number | null;
}

/** One backtrack, as recorded in `metadata.backtracks`. */
interface BacktrackRecord {
  turn: number;
  refused_prompt: string;
  replayed_turns: number;
}

/** The Crescendo strategy; build it with `Attacks.crescendo(...)`. */
export class CrescendoExecution extends BaseExecution<AgentAdapter> {
  readonly strategyName = 'crescendo';

  constructor(private readonly settings: CrescendoSettings) {
    super(settings);
  }

  protected async run(adapter: AgentAdapter): Promise<Result> {
    checkAdapter(adapter);
    const s = this.settings;
    const signal = runSignal(s.signal, s.timeoutMs);
    const level = adapter.observabilityProfile;
    const manifest = adapter.manifest ?? null;
    const trace: Turn[] = [];
    /** The accepted turns of the current path (what the agent's session remembers). */
    let path: Turn[] = [];
    const backtracks: BacktrackRecord[] = [];
    const evaluations: EvalResult[] = [];
    let refusedPrompt: string | null = null;
    let detected: EvalResult | null = null;
    let cleanups = new CleanupStack();
    try {
      let session: Session = await openSession(adapter, cleanups);
      for (let step = 1; step <= s.maxTurns; step += 1) {
        checkNotAborted(signal);
        const next = await askForField(
          s.attacker,
          crescendoMessages({
            objective: s.objective,
            history: path.map((t) => ({
              prompt: t.request.prompt ?? '',
              response: t.response.text,
            })),
            turn: step,
            maxTurns: s.maxTurns,
            refusedPrompt,
          }),
          'prompt',
          signal,
          'Attacks.crescendo attacker',
        );
        const why = typeof next.reply.reasoning === 'string' ? next.reply.reasoning : '';
        const turn = await sendTurn(session, next.value, trace.length, `step ${step}: ${why}`);
        // The objective is judged on every turn, a refused one too (a refusal can still leak).
        const evaluation = await evaluateTurns(s.evaluator, [...path, turn], level, manifest);
        evaluations.push(evaluation);
        trace.push(withCheck(turn, evaluation));
        if (isDetected(evaluation)) {
          detected = evaluation;
          break;
        }
        const refusal = await evaluateTurns(s.refusal, [turn], level, manifest);
        if (isDetected(refusal) && backtracks.length < s.maxBacktracks) {
          refusedPrompt = next.value;
          // Forget the refused turn: a fresh session, the accepted turns replayed.
          await cleanups.unwind();
          cleanups = new CleanupStack();
          session = await openSession(adapter, cleanups);
          const replayed: Turn[] = [];
          for (const kept of path) {
            checkNotAborted(signal);
            const again = await sendTurn(
              session,
              kept.request,
              trace.length,
              `replay of turn ${kept.turnNumber} after backtrack ${backtracks.length + 1}`,
            );
            trace.push(again);
            replayed.push(again);
          }
          path = replayed;
          backtracks.push({
            turn: turn.turnNumber,
            refused_prompt: next.value,
            replayed_turns: replayed.length,
          });
          continue;
        }
        refusedPrompt = null;
        path.push(turn);
      }
    } finally {
      await cleanups.unwind();
    }
    const status = resolveAsAttack(evaluations);
    const steps = trace.filter((t) => t.driverReasoning.startsWith('step ')).length;
    return new Result({
      status,
      summary: detected
        ? `Attack objective detected after ${steps} escalation steps and ${backtracks.length} backtracks${findingDetail(detected)}`
        : status === SafetyStatus.ERROR
          ? 'Execution error: no turn was sent (turn budget 0)'
          : status === SafetyStatus.UNDETERMINED
            ? `Evaluation undetermined after ${steps} escalation steps: ${evaluations.at(-1)?.rationale ?? ''}`
            : `Agent withstood ${steps} escalation steps and ${backtracks.length} backtracks (turn budget exhausted)`,
      observabilityLevel: level,
      strategy: this.strategyName,
      turns: trace,
      traceEndReason: detected
        ? TraceEndReason.STOP_CONDITION_MET
        : TraceEndReason.MAX_TURNS_REACHED,
      terminalEvaluation: detected ?? evaluations.at(-1) ?? null,
      metadata: {
        objective: s.objective,
        escalation_steps: steps,
        turn_budget: s.maxTurns,
        backtracks,
        backtrack_budget: s.maxBacktracks,
      },
    });
  }
}
