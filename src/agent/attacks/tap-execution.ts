/**
 * Tree of Attacks with Pruning (TAP), and PAIR as its one-branch case: an
 * attacker model writes a prompt, the agent answers it in a fresh session, a
 * scorer model rates the answer from 1 to 10, and each leaf of the tree is
 * refined into `branchingFactor` children. After each level only the
 * `width` best-scored leaves are kept; the others are pruned. The attack
 * stops as soon as the evaluator detects the objective, or when the depth
 * runs out. Every node (its prompt, score, parent, whether it was pruned)
 * is in `metadata.tree`, and every node's turn is in the Result.
 */
import type { AgentAdapter } from '../protocol/adapter';
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
  askForScore,
  checkNotAborted,
  evaluateTurns,
  sendTurn,
  withCheck,
} from './adaptive-support';
import { refineMessages, scoreMessages } from './attacker-prompts';

/** Validated settings of one TAP (or PAIR) execution. */
export interface TapSettings extends ExecutionOptions {
  strategy: 'tap' | 'pair';
  objective: string;
  attacker: Complete;
  scorer: Complete;
  evaluator: Evaluator;
  depth: number;
  branchingFactor: number;
  width: number;
  signal: AbortSignal | null;
  timeoutMs: number | null;
}

/** One node of the tree, as recorded in `metadata.tree`. */
interface TreeNode {
  id: string;
  parent: string | null;
  depth: number;
  prompt: string;
  improvement: string;
  score: number;
  score_reason: string;
  outcome: string;
  turn: number;
  pruned: boolean;
}

/** The TAP strategy; build it with `Attacks.tap(...)` or `Attacks.pair(...)`. */
export class TapExecution extends BaseExecution<AgentAdapter> {
  readonly strategyName: string;

  constructor(private readonly settings: TapSettings) {
    super(settings);
    this.strategyName = settings.strategy;
  }

  protected async run(adapter: AgentAdapter): Promise<Result> {
    checkAdapter(adapter);
    const s = this.settings;
    const signal = runSignal(s.signal, s.timeoutMs);
    const level = adapter.observabilityProfile;
    const manifest = adapter.manifest ?? null;
    const turns: Turn[] = [];
    const tree: TreeNode[] = [];
    const evaluations: EvalResult[] = [];
    let frontier: Array<TreeNode | null> = [null];
    let detected: { node: TreeNode; evaluation: EvalResult } | null = null;
    for (let depth = 1; depth <= s.depth && !detected && frontier.length > 0; depth += 1) {
      const level_: TreeNode[] = [];
      for (const [p, parent] of frontier.entries()) {
        for (let b = 1; b <= s.branchingFactor && !detected; b += 1) {
          checkNotAborted(signal);
          const id = parent ? `${parent.id}.${b}` : String(b + p * s.branchingFactor);
          const refined = await askForField(
            s.attacker,
            refineMessages({
              objective: s.objective,
              parent: parent
                ? {
                    prompt: parent.prompt,
                    response: turns[parent.turn]?.response.text ?? '',
                    score: parent.score,
                  }
                : null,
              variant: b,
            }),
            'prompt',
            signal,
            `Attacks.${s.strategy} attacker`,
          );
          const improvement =
            typeof refined.reply.improvement === 'string' ? refined.reply.improvement : '';
          // Each node is a fresh conversation: the agent sees only this prompt.
          const cleanups = new CleanupStack();
          let turn: Turn;
          try {
            const session = await openSession(adapter, cleanups);
            turn = await sendTurn(
              session,
              refined.value,
              turns.length,
              `node ${id}${parent ? ` (refines ${parent.id})` : ''}: ${improvement}`,
            );
          } finally {
            await cleanups.unwind();
          }
          const evaluation = await evaluateTurns(s.evaluator, [turn], level, manifest);
          evaluations.push(evaluation);
          turns.push(withCheck(turn, evaluation));
          const scored = isDetected(evaluation)
            ? { score: 10, reason: 'the evaluator detected the objective' }
            : await askForScore(
                s.scorer,
                scoreMessages({
                  objective: s.objective,
                  prompt: refined.value,
                  response: turn.response.text,
                }),
                signal,
              );
          const node: TreeNode = {
            id,
            parent: parent?.id ?? null,
            depth,
            prompt: refined.value,
            improvement,
            score: scored.score,
            score_reason: scored.reason,
            outcome: evaluation.outcome,
            turn: turn.turnNumber,
            pruned: false,
          };
          tree.push(node);
          level_.push(node);
          if (isDetected(evaluation)) detected = { node, evaluation };
        }
      }
      // Keep the `width` best leaves (ties: the earlier node); prune the rest.
      const kept = [...level_].sort((a, b) => b.score - a.score).slice(0, s.width);
      for (const node of level_) if (!kept.includes(node)) node.pruned = true;
      frontier = level_.filter((node) => !node.pruned);
    }
    const status = resolveAsAttack(evaluations);
    const best = tree.reduce<TreeNode | null>(
      (a, n) => (a === null || n.score > a.score ? n : a),
      null,
    );
    return new Result({
      status,
      summary: detected
        ? `Attack objective detected at node ${detected.node.id} (depth ${detected.node.depth}, ${tree.length} prompts tried)${findingDetail(detected.evaluation)}`
        : status === SafetyStatus.ERROR
          ? 'Execution error: no prompt was sent (depth 0)'
          : status === SafetyStatus.UNDETERMINED
            ? `Evaluation undetermined after ${tree.length} prompts: ${evaluations.find((e) => e.outcome === 'undetermined')?.rationale ?? ''}`
            : `Agent withstood ${tree.length} prompts over depth ${s.depth} (best score ${best?.score ?? 0}/10; budget exhausted)`,
      observabilityLevel: level,
      strategy: this.strategyName,
      turns,
      traceEndReason: detected
        ? TraceEndReason.STOP_CONDITION_MET
        : TraceEndReason.MAX_TURNS_REACHED,
      terminalEvaluation: detected?.evaluation ?? evaluations.at(-1) ?? null,
      metadata: {
        objective: s.objective,
        tree,
        prompts_tried: tree.length,
        depth: s.depth,
        branching_factor: s.branchingFactor,
        width: s.width,
      },
    });
  }
}
