/** `Attacks`: factories of attack executions. */
import type { AgentAdapter } from '../protocol/adapter';
import { checkEvaluator, type Evaluator } from '../protocol/evaluator';
import type { BaseExecution, ExecutionEventHandler } from '../../model/execution';
import { checkInjectionHandle, type InjectionHandle } from '../protocol/injection';
import { checkMaxTurns } from '../protocol/trace-loop';
import { describeValue } from '../../model/value-description';
import { coerceDriver, type DriverInput } from '../drivers/coerce-driver';
import { XpiaExecution } from './xpia-execution';
import { argumentChecks } from '../../model/value-checks';

/**
 * Options of {@link Attacks.xpia}.
 * Optional fields take `undefined` as absent, also under
 * exactOptionalPropertyTypes (options are often built from values that may be missing).
 */
export interface XpiaOptions {
  /**
   * Prepared injections (from `surface.inject({ payload })`), activated by the
   * attack and cleaned up after it. Omit for inline XPIA, where the payload
   * rides as an attachment of the trigger request.
   */
  inject?: InjectionHandle | readonly InjectionHandle[] | undefined;
  /**
   * The benign user request(s) that make the agent read the planted content:
   * a prompt, a Request (with attachments), a list of them, or a PromptDriver.
   */
  trigger: DriverInput;
  /** Detects the attack objective (detected = UNSAFE). */
  evaluator: Evaluator;
  /** Maximum number of trigger turns; default 5. */
  maxTurns?: number | undefined;
  /** Checked after every turn; DETECTED ends the conversation early. */
  stopWhen?: Evaluator | undefined;
  /** How long the injections may take to become visible to the agent; default 30000 ms. */
  readyTimeoutMs?: number | undefined;
  /** Extra handlers, called after the default ones. */
  eventHandlers?: ExecutionEventHandler[] | undefined;
}

function xpia(options: XpiaOptions): BaseExecution<AgentAdapter> {
  if (options === null || typeof options !== 'object')
    throw new TypeError(`Attacks.xpia options must be an object, got ${describeValue(options)}`);
  const inject = options.inject ?? [];
  const handles = (Array.isArray(inject) ? inject : [inject]).map((h, i) =>
    checkInjectionHandle(
      h,
      Array.isArray(inject) ? `Attacks.xpia inject[${i}]` : 'Attacks.xpia inject',
    ),
  );
  const readyTimeoutMs = argumentChecks.nonNegative(
    options.readyTimeoutMs ?? 30_000,
    'Attacks.xpia readyTimeoutMs',
  );
  return new XpiaExecution({
    handles,
    driver: coerceDriver(options.trigger, 'Attacks.xpia trigger'),
    evaluator: checkEvaluator(options.evaluator, 'Attacks.xpia evaluator'),
    maxTurns: checkMaxTurns(options.maxTurns ?? 5, 'Attacks.xpia maxTurns'),
    stopWhen:
      options.stopWhen === undefined
        ? null
        : checkEvaluator(options.stopWhen, 'Attacks.xpia stopWhen'),
    readyTimeoutMs,
    eventHandlers: options.eventHandlers,
  });
}

/** Attack strategies. Each factory returns an execution: `await attack.execute(adapter)`. */
export const Attacks = {
  /**
   * Cross-prompt injection: activate the injections, wait until they are
   * ready, drive the trigger conversation in a fresh session, evaluate the
   * completed trace once, clean up, and map DETECTED → UNSAFE. A SAFE verdict
   * from a `response_only` adapter that observed no tool call becomes
   * UNDETERMINED (`metadata.observability_adjusted`).
   */
  xpia,
} as const;
