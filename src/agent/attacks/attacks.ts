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
import type { Surface } from '../protocol/injection';
import type { Payload } from '../../model/trace-types';
import { type ModelInput, completionsFrom } from '../llm/completions';
import { Refusal } from '../evaluators/refusal';
import { AdaptiveXpiaExecution } from './adaptive-xpia-execution';
import { CrescendoExecution } from './crescendo-execution';
import { TapExecution } from './tap-execution';
import { checkSignal, checkTimeout } from './adaptive-support';
import type { UtilitySettings } from './utility-runs';

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
  /**
   * Did the agent still do the user's task? DETECTED = done. Evaluated over
   * the attacked conversation (`utility_under_attack`) and, unless
   * `benignRun` is false, over a benign run of the same trigger with nothing
   * planted (`utility_benign`). See docs/attacks-and-probes.md.
   */
  utility?: Evaluator | undefined;
  /** Perform the benign run for `utility`; default true. */
  benignRun?: boolean | undefined;
  /**
   * The requests of the benign run; default `trigger`. Give one for inline
   * XPIA, whose trigger carries the payload as an attachment.
   */
  benignTrigger?: DriverInput | undefined;
  /** Extra handlers, called after the default ones. */
  eventHandlers?: ExecutionEventHandler[] | undefined;
}

/** Checks the `utility`, `benignRun` and `benignTrigger` options of `who`. */
function utilityOptions(
  options: {
    utility?: Evaluator | undefined;
    benignRun?: boolean | undefined;
    benignTrigger?: DriverInput | undefined;
  },
  who: string,
): UtilitySettings {
  return {
    utility:
      options.utility === undefined ? null : checkEvaluator(options.utility, `${who} utility`),
    benignRun: argumentChecks.boolean(options.benignRun ?? true, `${who} benignRun`),
    benignDriver:
      options.benignTrigger === undefined
        ? null
        : coerceDriver(options.benignTrigger, `${who} benignTrigger`),
  };
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
    ...utilityOptions(options, 'Attacks.xpia'),
    eventHandlers: options.eventHandlers,
  });
}

/** Options of {@link Attacks.adaptiveXpia}. */
export interface AdaptiveXpiaOptions {
  /** Where each payload is planted (`surface.inject({ payload })`), once per plant. */
  surface: Surface;
  /** The first payload (a filled template carries its OWASP/ATLAS tags into the Result). */
  payload: Payload;
  /** What the payload tries to make the agent do, in words, for the attacker model. */
  objective: string;
  /** The model that rewords the payload after each failed plant. */
  attacker: ModelInput;
  /** The benign user request(s) that make the agent read the planted content. */
  trigger: DriverInput;
  /** Detects the attack objective (detected = UNSAFE). */
  evaluator: Evaluator;
  /** Maximum number of plants (the first payload and its rewordings); default 5. */
  maxPlants?: number | undefined;
  /** Maximum number of trigger turns per plant; default 5. */
  maxTurns?: number | undefined;
  /** Checked after every turn; DETECTED ends that plant's conversation early. */
  stopWhen?: Evaluator | undefined;
  /** As {@link XpiaOptions.utility}: judged on the last plant's conversation. */
  utility?: Evaluator | undefined;
  /** Perform the benign run for `utility`; default true. */
  benignRun?: boolean | undefined;
  /** The requests of the benign run; default `trigger`. */
  benignTrigger?: DriverInput | undefined;
  /** How long each injection may take to become visible; default 30000 ms. */
  readyTimeoutMs?: number | undefined;
  /** Wall-clock budget of the whole attack, in ms; past it the attack ends with an ERROR Result. */
  timeoutMs?: number | undefined;
  /** Aborts the attack (and the model calls in flight) when it fires. */
  signal?: AbortSignal | undefined;
  /** Extra handlers, called after the default ones. */
  eventHandlers?: ExecutionEventHandler[] | undefined;
}

function checkOptions(options: unknown, who: string): void {
  if (options === null || typeof options !== 'object')
    throw new TypeError(`${who} options must be an object, got ${describeValue(options)}`);
}

function adaptiveXpia(options: AdaptiveXpiaOptions): BaseExecution<AgentAdapter> {
  const who = 'Attacks.adaptiveXpia';
  checkOptions(options, who);
  const surface = options.surface as Partial<Surface> | null;
  if (surface === null || typeof surface !== 'object' || typeof surface.inject !== 'function')
    throw new TypeError(
      `${who} surface must be a Surface (an object with inject({ payload })), got ${describeValue(options.surface)}`,
    );
  const payload = options.payload as Partial<Payload> | null;
  if (payload === null || typeof payload !== 'object' || typeof payload.content !== 'string')
    throw new TypeError(`${who} payload must be a Payload, got ${describeValue(options.payload)}`);
  return new AdaptiveXpiaExecution({
    surface: options.surface,
    payload: options.payload,
    objective: argumentChecks.nonBlankString(options.objective, `${who} objective`),
    attacker: completionsFrom(options.attacker, `${who} attacker`),
    driver: coerceDriver(options.trigger, `${who} trigger`),
    evaluator: checkEvaluator(options.evaluator, `${who} evaluator`),
    maxPlants: argumentChecks.integer(options.maxPlants ?? 5, `${who} maxPlants`, 1),
    maxTurns: checkMaxTurns(options.maxTurns ?? 5, `${who} maxTurns`),
    stopWhen:
      options.stopWhen === undefined ? null : checkEvaluator(options.stopWhen, `${who} stopWhen`),
    readyTimeoutMs: argumentChecks.nonNegative(
      options.readyTimeoutMs ?? 30_000,
      `${who} readyTimeoutMs`,
    ),
    signal: checkSignal(options.signal, who),
    timeoutMs: checkTimeout(options.timeoutMs, who),
    ...utilityOptions(options, who),
    eventHandlers: options.eventHandlers,
  });
}

/** Options of {@link Attacks.crescendo}. */
export interface CrescendoOptions {
  /** What the conversation should end with the agent doing, for the attacker model. */
  objective: string;
  /** The model that writes each escalation step. */
  attacker: ModelInput;
  /** Detects the objective, judged after every turn (detected = UNSAFE). */
  evaluator: Evaluator;
  /** Detects a refusal of the latest turn, which triggers a backtrack; default `new Refusal()`. */
  refusal?: Evaluator | undefined;
  /** Maximum number of escalation steps (attacker-written turns); default 10. */
  maxTurns?: number | undefined;
  /** Maximum number of backtracks; default 5. Past it, a refused turn stays in the conversation. */
  maxBacktracks?: number | undefined;
  /** Wall-clock budget of the whole attack, in ms; past it the attack ends with an ERROR Result. */
  timeoutMs?: number | undefined;
  /** Aborts the attack (and the model calls in flight) when it fires. */
  signal?: AbortSignal | undefined;
  /** Extra handlers, called after the default ones. */
  eventHandlers?: ExecutionEventHandler[] | undefined;
}

function crescendo(options: CrescendoOptions): BaseExecution<AgentAdapter> {
  const who = 'Attacks.crescendo';
  checkOptions(options, who);
  return new CrescendoExecution({
    objective: argumentChecks.nonBlankString(options.objective, `${who} objective`),
    attacker: completionsFrom(options.attacker, `${who} attacker`),
    evaluator: checkEvaluator(options.evaluator, `${who} evaluator`),
    refusal:
      options.refusal === undefined
        ? new Refusal()
        : checkEvaluator(options.refusal, `${who} refusal`),
    maxTurns: checkMaxTurns(options.maxTurns ?? 10, `${who} maxTurns`),
    maxBacktracks: argumentChecks.integer(options.maxBacktracks ?? 5, `${who} maxBacktracks`, 0),
    signal: checkSignal(options.signal, who),
    timeoutMs: checkTimeout(options.timeoutMs, who),
    eventHandlers: options.eventHandlers,
  });
}

/** Options of {@link Attacks.tap}. */
export interface TapOptions {
  /** What the agent should be made to do, for the attacker and scorer models. */
  objective: string;
  /** The model that writes and refines the prompts. */
  attacker: ModelInput;
  /** The model that scores each answer from 1 to 10 (for pruning); default the attacker. */
  scorer?: ModelInput | undefined;
  /** Detects the objective in one node's turn (detected = UNSAFE, and the search stops). */
  evaluator: Evaluator;
  /** Levels of refinement; default 5 (TAP) or 10 (PAIR). */
  depth?: number | undefined;
  /** Children per leaf; default 3. PAIR is 1. */
  branchingFactor?: number | undefined;
  /** Leaves kept after each level; default 4. */
  width?: number | undefined;
  /** Wall-clock budget of the whole attack, in ms; past it the attack ends with an ERROR Result. */
  timeoutMs?: number | undefined;
  /** Aborts the attack (and the model calls in flight) when it fires. */
  signal?: AbortSignal | undefined;
  /** Extra handlers, called after the default ones. */
  eventHandlers?: ExecutionEventHandler[] | undefined;
}

/** Options of {@link Attacks.pair}: TAP with one branch, so no width. */
export type PairOptions = Omit<TapOptions, 'branchingFactor' | 'width'>;

function treeAttack(options: TapOptions, strategy: 'tap' | 'pair'): BaseExecution<AgentAdapter> {
  const who = `Attacks.${strategy}`;
  checkOptions(options, who);
  const attacker = completionsFrom(options.attacker, `${who} attacker`);
  return new TapExecution({
    strategy,
    objective: argumentChecks.nonBlankString(options.objective, `${who} objective`),
    attacker,
    scorer:
      options.scorer === undefined ? attacker : completionsFrom(options.scorer, `${who} scorer`),
    evaluator: checkEvaluator(options.evaluator, `${who} evaluator`),
    depth: argumentChecks.integer(
      options.depth ?? (strategy === 'pair' ? 10 : 5),
      `${who} depth`,
      0,
    ),
    branchingFactor:
      strategy === 'pair'
        ? 1
        : argumentChecks.integer(options.branchingFactor ?? 3, `${who} branchingFactor`, 1),
    width: strategy === 'pair' ? 1 : argumentChecks.integer(options.width ?? 4, `${who} width`, 1),
    signal: checkSignal(options.signal, who),
    timeoutMs: checkTimeout(options.timeoutMs, who),
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
  /**
   * Adaptive XPIA: plant, trigger, and while the agent resists, have the
   * attacker model reword the payload and plant it again, until the
   * objective is detected or `maxPlants` run out (then SAFE, or UNDETERMINED
   * when a plant could not be judged). Each plant is in `metadata.plants`.
   */
  adaptiveXpia,
  /**
   * Crescendo: an escalating multi-turn conversation written by the attacker
   * model; a refused step is dropped and the session rebuilt (backtracking).
   * UNSAFE as soon as the objective is detected; SAFE when the budget runs out.
   */
  crescendo,
  /**
   * Tree of attacks with pruning: prompts refined by the attacker model,
   * scored by the scorer, the best `width` leaves kept per level. UNSAFE when
   * a node's answer meets the objective; SAFE when the depth runs out.
   */
  tap: (options: TapOptions): BaseExecution<AgentAdapter> => treeAttack(options, 'tap'),
  /** PAIR: TAP with a branching factor and width of 1 (one refinement stream). */
  pair: (options: PairOptions): BaseExecution<AgentAdapter> => treeAttack(options, 'pair'),
} as const;
