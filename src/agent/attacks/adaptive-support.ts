/**
 * What the adaptive attacks (adaptive XPIA, Crescendo, TAP/PAIR) share:
 * their abort signal (the caller's and a time budget), asking the attacker
 * or scorer model for a JSON reply, sending one turn outside a driver, and
 * evaluating a list of turns.
 */
import type { Session } from '../protocol/adapter';
import { EvalContext } from '../protocol/eval-context';
import { runEvaluator, type Evaluator } from '../protocol/evaluator';
import type { AppManifest } from '../protocol/manifest';
import { createRequest, type RequestInput } from '../protocol/request';
import { createResponse } from '../protocol/response';
import type { ChatMessage } from '../llm/client';
import type { Complete } from '../llm/completions';
import { InfrastructureError } from '../protocol/errors';
import type { ObservabilityLevel } from '../../model/result-status';
import { EvaluationPurpose } from '../../model/trace-enums';
import type { EvalResult, Turn } from '../../model/trace-types';
import { describeValue } from '../../model/value-description';
import { argumentChecks } from '../../model/value-checks';

/** The attacker model could not be used (no usable reply after retries). */
export class AttackerError extends InfrastructureError {
  override name = 'AttackerError';
}

/** Checks a `signal` option: an AbortSignal or undefined (null). */
export function checkSignal(signal: unknown, who: string): AbortSignal | null {
  if (signal === undefined) return null;
  if (!(signal instanceof AbortSignal))
    throw new TypeError(`${who} signal must be an AbortSignal, got ${describeValue(signal)}`);
  return signal;
}

/** Checks a `timeoutMs` option: an integer >= 1 or undefined (null). */
export function checkTimeout(timeoutMs: unknown, who: string): number | null {
  return timeoutMs === undefined ? null : argumentChecks.integer(timeoutMs, `${who} timeoutMs`, 1);
}

/**
 * The signal of one run of an attack, made when the run starts: the
 * caller's `signal`, and `timeoutMs` of wall-clock time from now; null when
 * neither is given.
 */
export function runSignal(
  signal: AbortSignal | null,
  timeoutMs: number | null,
): AbortSignal | null {
  const signals = [
    ...(signal ? [signal] : []),
    ...(timeoutMs === null ? [] : [AbortSignal.timeout(timeoutMs)]),
  ];
  if (signals.length <= 1) return signals[0] ?? null;
  // AbortSignal.any is Node 20.3+; engines says >= 20, so combine by hand.
  const controller = new AbortController();
  for (const one of signals) {
    if (one.aborted) controller.abort(one.reason);
    else one.addEventListener('abort', () => controller.abort(one.reason), { once: true });
  }
  return controller.signal;
}

/** Throws the signal's reason once it has aborted (between steps of an attack). */
export function checkNotAborted(signal: AbortSignal | null): void {
  signal?.throwIfAborted();
}

/** The first JSON object in `reply`, or null. */
function parseObject(reply: string): Record<string, unknown> | null {
  const start = reply.indexOf('{');
  const end = reply.lastIndexOf('}');
  if (start < 0 || end <= start) return null;
  try {
    const value: unknown = JSON.parse(reply.slice(start, end + 1));
    return value !== null && typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}

/**
 * Asks `complete` for a JSON object with a non-empty string `field`; up to
 * three calls while replies are unreadable, then an {@link AttackerError}.
 */
export async function askForField(
  complete: Complete,
  messages: ChatMessage[],
  field: string,
  signal: AbortSignal | null,
  who: string,
): Promise<{ value: string; reply: Record<string, unknown> }> {
  let last = '';
  for (let attempt = 1; attempt <= 3; attempt += 1) {
    checkNotAborted(signal);
    last = await complete({ messages, responseFormat: 'json', ...(signal ? { signal } : {}) });
    const reply = typeof last === 'string' ? parseObject(last) : null;
    const value = reply?.[field];
    if (reply && typeof value === 'string' && value.trim() !== '') return { value, reply };
  }
  throw new AttackerError(
    `${who} model must reply with a JSON object with a non-empty "${field}", got ${describeValue(last)}`,
  );
}

/** A score from the scorer model, 1–10; 1 when its replies stay unreadable. */
export async function askForScore(
  complete: Complete,
  messages: ChatMessage[],
  signal: AbortSignal | null,
): Promise<{ score: number; reason: string }> {
  for (let attempt = 1; attempt <= 3; attempt += 1) {
    checkNotAborted(signal);
    const reply = parseObject(
      String(await complete({ messages, responseFormat: 'json', ...(signal ? { signal } : {}) })),
    );
    const score = Number(reply?.score);
    if (Number.isFinite(score))
      return {
        score: Math.min(10, Math.max(1, Math.round(score))),
        reason: typeof reply?.reason === 'string' ? reply.reason : '',
      };
  }
  return { score: 1, reason: 'the scorer gave no readable score' };
}

/** Sends `input` on `session` and returns the frozen turn. */
export async function sendTurn(
  session: Session,
  input: RequestInput | string,
  turnNumber: number,
  reasoning: string,
): Promise<Turn> {
  const request = createRequest(input, 'attack request');
  const response = createResponse(await session.send(request), 'session.send() result');
  return Object.freeze({
    request,
    response,
    evalResult: null,
    evalPurpose: null,
    turnNumber,
    timestamp: null,
    driverReasoning: reasoning,
  });
}

/** The turn with the evaluation that judged it attached (as a stop check). */
export function withCheck(turn: Turn, evaluation: EvalResult): Turn {
  return Object.freeze({
    ...turn,
    evalResult: evaluation,
    evalPurpose: EvaluationPurpose.STOP_CHECK,
  });
}

/** Evaluates `evaluator` over `turns`. */
export function evaluateTurns(
  evaluator: Evaluator,
  turns: readonly Turn[],
  observabilityLevel: ObservabilityLevel,
  manifest: AppManifest | null,
): Promise<EvalResult> {
  return runEvaluator(evaluator, new EvalContext({ turns, observabilityLevel, manifest }));
}

/** Turns renumbered from `first`, in order (the trace of an attack that spans sessions). */
export function renumbered(turns: readonly Turn[], first: number): Turn[] {
  return turns.map((turn, i) => Object.freeze({ ...turn, turnNumber: first + i }));
}
