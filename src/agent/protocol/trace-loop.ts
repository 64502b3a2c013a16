/**
 * The linear trace loop shared by attacks and probes (upstream
 * `run_trace_async` / `evaluate_terminal_async`): drive the conversation,
 * optionally stop it early with a `stopWhen` evaluator, then evaluate the
 * completed trace once.
 */
import type { Session } from './adapter';
import { EvalContext } from './eval-context';
import { isDetected } from './eval-result';
import { runEvaluator, type Evaluator } from './evaluator';
import type { AppManifest } from './manifest';
import type { PromptDriver } from './prompt-driver';
import { createRequest } from './request';
import { createResponse } from './response';
import { EvaluationPurpose, TraceEndReason } from '../../model/trace-enums';
import { type ObservabilityLevel } from '../../model/result-status';
import type { EvalResult, Turn } from '../../model/trace-types';
import { describeValue } from '../../model/value-description';
import { argumentChecks } from '../../model/value-checks';
import { currentExecutionScope, untilAborted } from '../../model/execution-scope';

/** One stop-check evaluation and the exact context it judged. */
export interface EvaluationRecord {
  /** Identity is the reuse boundary for the terminal evaluation. */
  readonly evaluator: Evaluator;
  readonly context: EvalContext;
  readonly result: EvalResult;
}

/** A completed trace. */
export interface TraceRun {
  traceEndReason: TraceEndReason;
  observabilityLevel: ObservabilityLevel;
  manifest: AppManifest | null;
  /** Driver and report view: turns may carry their stop-check evaluation. */
  turns: Turn[];
  /** Evaluator view: the same turns without framework annotations. */
  rawTurns: Turn[];
  /** The most recent stop check, if any. */
  latestStopCheck: EvaluationRecord | null;
}

/** Options of {@link runTrace}. */
export interface RunTraceOptions {
  /** An open session; the caller owns its lifetime. */
  session: Session;
  driver: PromptDriver;
  /** Maximum number of requests sent (>= 0). */
  maxTurns: number;
  observabilityLevel: ObservabilityLevel;
  /** Checked after every response; DETECTED ends the trace. */
  stopWhen?: Evaluator | null;
  manifest?: AppManifest | null;
}

/** Throws unless `value` is an integer >= 0; returns it. */
export function checkMaxTurns(value: unknown, what = 'maxTurns'): number {
  return argumentChecks.integer(value, what, 0);
}

function contextOf(run: TraceRun): EvalContext {
  return new EvalContext({
    turns: run.rawTurns,
    observabilityLevel: run.observabilityLevel,
    manifest: run.manifest,
  });
}

/**
 * Drives a conversation of at most `maxTurns` requests. Errors of the driver,
 * session or evaluator propagate unchanged (the execution turns them into an
 * ERROR Result).
 */
export async function runTrace(options: RunTraceOptions): Promise<TraceRun> {
  const maxTurns = checkMaxTurns(options.maxTurns);
  const { session, driver, stopWhen } = options;
  // Every await below gives up once the execution aborts, so its cleanups run.
  const signal = currentExecutionScope()?.signal ?? new AbortController().signal;
  const run: TraceRun = {
    traceEndReason: TraceEndReason.MAX_TURNS_REACHED,
    observabilityLevel: options.observabilityLevel,
    manifest: options.manifest ?? null,
    turns: [],
    rawTurns: [],
    latestStopCheck: null,
  };
  for (let turnNumber = 0; turnNumber < maxTurns; turnNumber += 1) {
    const decision = await untilAborted(driver.nextPrompt({ history: [...run.turns] }), signal);
    if (decision === null || decision === undefined) {
      run.traceEndReason = TraceEndReason.DRIVER_EXHAUSTED;
      return run;
    }
    if (typeof decision !== 'object')
      throw new TypeError(
        `driver.nextPrompt() must return a PromptDecision or null, got ${describeValue(decision)}`,
      );
    const request = createRequest(decision.request, 'PromptDecision.request');
    const reasoning = decision.reasoning ?? '';
    argumentChecks.string(reasoning, 'PromptDecision.reasoning');
    const response = createResponse(
      await untilAborted(session.send(request, { signal }), signal),
      'session.send() result',
    );
    // Frozen: evaluation reuse compares turns by identity, so they must not change.
    const rawTurn: Turn = Object.freeze({
      request,
      response,
      evalResult: null,
      evalPurpose: null,
      turnNumber,
      timestamp: null,
      driverReasoning: reasoning,
    });
    run.rawTurns.push(rawTurn);
    if (!stopWhen) {
      run.turns.push(rawTurn);
      continue;
    }
    const context = contextOf(run);
    const evaluation = await untilAborted(runEvaluator(stopWhen, context), signal);
    run.latestStopCheck = { evaluator: stopWhen, context, result: evaluation };
    run.turns.push(
      Object.freeze({
        ...rawTurn,
        evalResult: evaluation,
        evalPurpose: EvaluationPurpose.STOP_CHECK,
      }),
    );
    if (isDetected(evaluation)) {
      run.traceEndReason = TraceEndReason.STOP_CONDITION_MET;
      return run;
    }
  }
  return run;
}

/**
 * Evaluates the completed trace once: null when there are no turns; the last
 * stop check's result when the same evaluator object already judged exactly
 * these turns (no second LLM call); otherwise a fresh evaluation over all raw
 * turns. Call it while the session and injections are still active.
 */
export async function evaluateTerminal(options: {
  evaluator: Evaluator;
  run: TraceRun;
}): Promise<EvalResult | null> {
  const { evaluator, run } = options;
  if (run.rawTurns.length === 0) return null;
  const check = run.latestStopCheck;
  if (
    check !== null &&
    check.evaluator === evaluator &&
    check.context.turns.length === run.rawTurns.length &&
    check.context.turns.every((turn, i) => turn === run.rawTurns[i])
  ) {
    return { ...check.result, evidence: [...check.result.evidence] };
  }
  return untilAborted(runEvaluator(evaluator, contextOf(run)), currentExecutionScope()?.signal);
}
