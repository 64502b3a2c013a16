/**
 * Opening a session of an adapter with its close registered for cleanup, and
 * the driven-then-evaluated conversation every strategy runs.
 */
import type { AgentAdapter, Session } from './adapter';
import { CleanupStack } from './cleanup-stack';
import type { Evaluator } from './evaluator';
import type { PromptDriver } from './prompt-driver';
import { ObservabilityLevel } from '../../model/result-status';
import { isEnumValue } from '../../model/wire-enum';
import { type TraceRun, evaluateTerminal, runTrace } from './trace-loop';
import type { EvalResult } from '../../model/trace-types';
import { describeValue } from '../../model/value-description';
import { currentExecutionScope, untilAborted } from '../../model/execution-scope';

/**
 * Throws a TypeError unless `adapter` has `createSession()` and a valid
 * `observabilityProfile`: checked before anything is planted or sent.
 */
export function checkAdapter(adapter: AgentAdapter): void {
  if (
    adapter === null ||
    typeof adapter !== 'object' ||
    typeof adapter.createSession !== 'function'
  ) {
    throw new TypeError(
      `adapter must be an AgentAdapter (observabilityProfile, createSession()), got ${describeValue(adapter)}`,
    );
  }
  if (!isEnumValue(ObservabilityLevel, adapter.observabilityProfile)) {
    throw new TypeError(
      `adapter.observabilityProfile must be one of ${Object.values(ObservabilityLevel).join(', ')}, got ${describeValue(adapter.observabilityProfile)}`,
    );
  }
}

/**
 * Creates and opens one session of `adapter`; once it is open, its `close`
 * runs when `cleanups` unwinds (also after errors).
 */
export async function openSession(adapter: AgentAdapter, cleanups: CleanupStack): Promise<Session> {
  const signal = currentExecutionScope()?.signal;
  const session = await untilAborted(adapter.createSession(), signal);
  if (session === null || typeof session !== 'object' || typeof session.send !== 'function') {
    throw new TypeError(
      `adapter.createSession() must return a Session (an object with send(request)), got ${describeValue(session)}`,
    );
  }
  await untilAborted(session.open?.(), signal);
  cleanups.push('session', () => session.close?.());
  return session;
}

/** Options of {@link runEvaluatedConversation}. */
export interface ConversationOptions {
  driver: PromptDriver;
  evaluator: Evaluator;
  maxTurns: number;
  stopWhen: Evaluator | null;
  /** Runs before the session opens (e.g. planting injections); may register cleanups. */
  prepare?: (cleanups: CleanupStack) => Promise<void>;
  /** Did the agent still do the user's task? Evaluated over the same trace, before cleanup. */
  utility?: Evaluator | null;
}

/** What a driven and evaluated conversation produced. */
export interface EvaluatedConversation {
  trace: TraceRun;
  /** Terminal evaluation; null when the driver produced no turns. */
  evaluation: EvalResult | null;
  /** The utility evaluation; null without a utility evaluator or without turns. */
  utilityEvaluation: EvalResult | null;
  observabilityLevel: ObservabilityLevel;
}

/**
 * Checks the adapter, prepares, opens a session, drives the conversation and
 * evaluates the completed trace once, then unwinds everything it opened (also
 * after errors, which propagate).
 */
export async function runEvaluatedConversation(
  adapter: AgentAdapter,
  options: ConversationOptions,
): Promise<EvaluatedConversation> {
  checkAdapter(adapter);
  const observabilityLevel = adapter.observabilityProfile;
  const cleanups = new CleanupStack();
  try {
    await untilAborted(options.prepare?.(cleanups), currentExecutionScope()?.signal);
    const session = await openSession(adapter, cleanups);
    const trace = await runTrace({
      session,
      driver: options.driver,
      maxTurns: options.maxTurns,
      observabilityLevel,
      stopWhen: options.stopWhen,
      manifest: adapter.manifest ?? null,
    });
    // Before cleanup: an evaluator may need the live session or injections.
    const evaluation = await evaluateTerminal({ evaluator: options.evaluator, run: trace });
    const utilityEvaluation = options.utility
      ? await evaluateTerminal({ evaluator: options.utility, run: trace })
      : null;
    return { trace, evaluation, utilityEvaluation, observabilityLevel };
  } finally {
    await cleanups.unwind();
  }
}
