/** What an evaluator judges: the raw turns of a trace and what the adapter can observe. */
import type { AppManifest } from './manifest';
import { createRequest } from './request';
import { createResponse, type ResponseInput } from './response';
import { ObservabilityLevel } from '../../model/result-status';
import { isEnumValue } from '../../model/wire-enum';
import type { SideEffect, ToolCall, Turn } from '../../model/trace-types';
import { describeValue } from '../../model/value-description';
import { argumentChecks } from '../../model/value-checks';

/** Options of {@link EvalContext}. */
export interface EvalContextOptions {
  /** Chronological; the last one is the current turn. */
  turns: readonly Turn[];
  /** Required: evaluators use it to answer UNDETERMINED for unobserved channels. */
  observabilityLevel: ObservabilityLevel;
  manifest?: AppManifest | null;
  metadata?: Record<string, unknown>;
}

/** The interaction data handed to an evaluator. */
export class EvalContext {
  readonly turns: readonly Turn[];
  readonly observabilityLevel: ObservabilityLevel;
  readonly manifest: AppManifest | null;
  readonly metadata: Readonly<Record<string, unknown>>;

  constructor(options: EvalContextOptions) {
    argumentChecks.array(options?.turns, 'EvalContext turns');
    if (!isEnumValue(ObservabilityLevel, options.observabilityLevel)) {
      throw new TypeError(
        `EvalContext observabilityLevel must be one of ${Object.values(ObservabilityLevel).join(', ')}, got ${describeValue(options.observabilityLevel)}`,
      );
    }
    this.turns = Object.freeze([...options.turns]);
    this.observabilityLevel = options.observabilityLevel;
    this.manifest = options.manifest ?? null;
    this.metadata = Object.freeze({ ...options.metadata });
  }

  /** A single-turn context, for evaluating one response outside a trace. */
  static fromResponse(options: {
    response: ResponseInput;
    observabilityLevel: ObservabilityLevel;
    prompt?: string;
    manifest?: AppManifest | null;
  }): EvalContext {
    const turn: Turn = {
      request: createRequest({ prompt: options.prompt ?? '' }),
      response: createResponse(options.response),
      evalResult: null,
      evalPurpose: null,
      turnNumber: 0,
      timestamp: null,
      driverReasoning: '',
    };
    return new EvalContext({
      turns: [turn],
      observabilityLevel: options.observabilityLevel,
      manifest: options.manifest ?? null,
    });
  }

  /** The last turn; throws when there are no turns. */
  get currentTurn(): Turn {
    const turn = this.turns[this.turns.length - 1];
    if (!turn) throw new Error('No turns in context.');
    return turn;
  }

  /** Text of the current response. */
  get text(): string {
    return this.currentTurn.response.text;
  }

  /** Tool calls of every turn, in order. */
  get allToolCalls(): ToolCall[] {
    return this.turns.flatMap((turn) => turn.response.toolCalls);
  }

  /** Side effects of every turn, in order. */
  get allSideEffects(): SideEffect[] {
    return this.turns.flatMap((turn) => turn.response.sideEffects);
  }
}
