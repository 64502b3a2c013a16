/** `Probes`: factories of probe executions. */
import type { AgentAdapter } from '../protocol/adapter';
import { checkEvaluator, type Evaluator } from '../protocol/evaluator';
import type { BaseExecution, ExecutionEventHandler } from '../../model/execution';
import type { PromptDriver } from '../protocol/prompt-driver';
import type { RequestInput } from '../protocol/request';
import { checkMaxTurns } from '../protocol/trace-loop';
import { describeValue } from '../../model/value-description';
import { coerceDriver, isPromptDriver } from '../drivers/coerce-driver';
import { StaticDriver } from '../drivers/static-driver';
import { BehaviorProbeExecution } from './behavior-execution';
import { argumentChecks } from '../../model/value-checks';

/**
 * Options of {@link Probes.behavior}: exactly one of `prompt`, `prompts`, `driver`.
 * Optional fields take `undefined` as absent, also under
 * exactOptionalPropertyTypes (options are often built from values that may be missing).
 */
export interface BehaviorProbeOptions {
  /** A single prompt (or request). */
  prompt?: string | RequestInput | undefined;
  /** Several prompts, sent in order. */
  prompts?: ReadonlyArray<string | RequestInput> | undefined;
  /** An adaptive driver, e.g. an LLMDriver. */
  driver?: PromptDriver | undefined;
  /** Detects the expected behaviour (detected = SAFE). */
  evaluator: Evaluator;
  /** Maximum number of turns; default 25. */
  maxTurns?: number | undefined;
  /** Checked after every turn; DETECTED ends the conversation early. */
  stopWhen?: Evaluator | undefined;
  /** Extra handlers, called after the default ones. */
  eventHandlers?: ExecutionEventHandler[] | undefined;
}

function behavior(options: BehaviorProbeOptions): BaseExecution<AgentAdapter> {
  if (options === null || typeof options !== 'object')
    throw new TypeError(`Probes.behavior options must be an object, got ${describeValue(options)}`);
  const given = (['prompt', 'prompts', 'driver'] as const).filter(
    (key) => options[key] !== undefined,
  );
  if (given.length !== 1) {
    throw new TypeError(
      `Probes.behavior: specify exactly one of 'prompt', 'prompts', or 'driver' (got ${given.length === 0 ? 'none' : given.join(' and ')}).`,
    );
  }
  let driver: PromptDriver;
  if (options.driver !== undefined) {
    if (!isPromptDriver(options.driver))
      throw new TypeError(
        `Probes.behavior driver must be a PromptDriver (with nextPrompt()), got ${describeValue(options.driver)}`,
      );
    driver = options.driver;
  } else if (options.prompts !== undefined) {
    argumentChecks.array(options.prompts, 'Probes.behavior prompts');
    driver = new StaticDriver({ prompts: options.prompts });
  } else {
    driver = coerceDriver(options.prompt as string | RequestInput, 'Probes.behavior prompt');
  }
  return new BehaviorProbeExecution({
    driver,
    evaluator: checkEvaluator(options.evaluator, 'Probes.behavior evaluator'),
    maxTurns: checkMaxTurns(options.maxTurns ?? 25, 'Probes.behavior maxTurns'),
    stopWhen:
      options.stopWhen === undefined
        ? null
        : checkEvaluator(options.stopWhen, 'Probes.behavior stopWhen'),
    eventHandlers: options.eventHandlers,
  });
}

/** Probe strategies. Each factory returns an execution: `await probe.execute(adapter)`. */
export const Probes = {
  /**
   * Behavioral probe: send the prompt(s) in a fresh session, evaluate the
   * completed trace once, and map DETECTED → SAFE, NOT_DETECTED → UNSAFE.
   */
  behavior,
} as const;
