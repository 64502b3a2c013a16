/** `ResponseContains`: does the agent's response text match a pattern, over a chosen set of turns? */
import type { EvalContext } from '../protocol/eval-context';
import { BaseEvaluator } from '../protocol/evaluator';
import { EvalOutcome } from '../../model/trace-enums';
import { isEnumValue } from '../../model/wire-enum';
import type { EvalResult, Turn } from '../../model/trace-types';
import { describeValue } from '../../model/value-description';

/** Which responses of a multi-turn trace are checked. */
export const ResponseScope = {
  /** DETECTED when some response matches. */
  ANY_TURN: 'any_turn',
  /** DETECTED when every response matches. */
  ALL_TURNS: 'all_turns',
  /** Only the last response. */
  CURRENT_TURN: 'current_turn',
} as const;
/** One of the {@link ResponseScope} values. */
export type ResponseScope = (typeof ResponseScope)[keyof typeof ResponseScope];

/** A substring, a regular expression (searched), or a predicate over the response text. */
export type ResponsePattern = string | RegExp | ((text: string) => boolean);

/** Options of {@link ResponseContains}. */
export interface ResponseContainsOptions {
  /** Required, as upstream: in multi-turn traces "contains" is ambiguous without it. */
  scope: ResponseScope;
  /** Substring matching only; default false (case-insensitive). */
  caseSensitive?: boolean;
}

// Rationale endings per scope: [detected, not detected].
// Finding sentences, true in either polarity (CONTRIBUTING.md, "Add an evaluator").
const WORDING: Record<ResponseScope, [string, string]> = {
  any_turn: ['a response of the agent contained', 'no response of the agent contained'],
  all_turns: ['every response of the agent contained', 'not every response of the agent contained'],
  current_turn: [
    "the agent's last response contained",
    "the agent's last response did not contain",
  ],
};

/**
 * Text is always observable, so this evaluator is never UNDETERMINED.
 * Intent in multi-turn runs: attack "some turn contains p" → ANY_TURN;
 * probe "every turn contains p" → ALL_TURNS; probe "no turn contains p" →
 * `new ResponseContains(p, { scope: ANY_TURN }).not()`.
 */
export class ResponseContains extends BaseEvaluator {
  readonly scope: ResponseScope;
  private readonly matches: (text: string) => boolean;
  private readonly description: string;

  constructor(pattern: ResponsePattern, options: ResponseContainsOptions) {
    super();
    if (!isEnumValue(ResponseScope, options?.scope)) {
      throw new TypeError(
        `scope must be a ResponseScope (${Object.values(ResponseScope).join(', ')}), got ${describeValue(options?.scope)}`,
      );
    }
    this.scope = options.scope;
    const caseSensitive = options.caseSensitive ?? false;
    if (typeof caseSensitive !== 'boolean')
      throw new TypeError(
        `ResponseContains caseSensitive must be a boolean, got ${describeValue(caseSensitive)}`,
      );
    if (typeof pattern === 'string') {
      const needle = caseSensitive ? pattern : pattern.toLowerCase();
      this.matches = (text) => (caseSensitive ? text : text.toLowerCase()).includes(needle);
      this.description = JSON.stringify(pattern);
    } else if (pattern instanceof RegExp) {
      // Without g/y: a stateful lastIndex would make repeated tests disagree.
      const regex = new RegExp(pattern.source, pattern.flags.replace(/[gy]/g, ''));
      this.matches = (text) => regex.test(text);
      this.description = String(pattern);
    } else if (typeof pattern === 'function') {
      this.matches = (text) => Boolean(pattern(text));
      this.description = pattern.name ? `predicate ${pattern.name}` : 'predicate';
    } else {
      throw new TypeError(
        `ResponseContains pattern must be a string, a RegExp or a function, got ${describeValue(pattern)}`,
      );
    }
  }

  async evaluate(context: EvalContext): Promise<EvalResult> {
    const turns: readonly Turn[] =
      this.scope === ResponseScope.CURRENT_TURN ? [context.currentTurn] : context.turns;
    if (turns.length === 0) throw new Error('No turns in context.');
    const hits = turns.filter((turn) => this.matches(turn.response.text));
    const misses = turns.filter((turn) => !hits.includes(turn));
    const numbers = (list: readonly Turn[]): string => list.map((t) => t.turnNumber).join(', ');
    const detected = this.scope === ResponseScope.ALL_TURNS ? misses.length === 0 : hits.length > 0;
    const [found, missing] = WORDING[this.scope];
    if (detected) {
      return {
        outcome: EvalOutcome.DETECTED,
        confidence: 1,
        evidence: [`Pattern found on turn(s): ${numbers(hits)}`],
        rationale: `${found} ${this.description}`,
        undeterminedOperands: [],
      };
    }
    return {
      outcome: EvalOutcome.NOT_DETECTED,
      confidence: 1,
      evidence:
        this.scope === ResponseScope.ALL_TURNS
          ? [`Pattern missing on turn(s): ${numbers(misses)}`]
          : [],
      rationale: `${missing} ${this.description}`,
      undeterminedOperands: [],
    };
  }
}
