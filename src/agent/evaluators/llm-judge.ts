/**
 * `LLMJudge`: asks a language model whether the transcript meets an
 * objective. One model call per evaluation (plus retries for unreadable
 * replies). Put a cheap deterministic evaluator before it in `.or(...)` so
 * the judge only runs when needed.
 */
import { EvaluatorError } from '../protocol/errors';
import type { EvalContext } from '../protocol/eval-context';
import { BaseEvaluator } from '../protocol/evaluator';
import type { Persona } from '../protocol/persona';
import { EvalOutcome } from '../../model/trace-enums';
import type { EvalResult } from '../../model/trace-types';
import { errorParts } from '../../model/value-description';
import { argumentChecks } from '../../model/value-checks';
import { LlmError, LlmErrorReason } from '../llm/client';
import { type Complete, type ModelInput, completionsFrom } from '../llm/completions';
import type { ModelCallOptions } from '../llm/call-settings';
import {
  JUDGE_SECURITY_BOUNDARY,
  NEUTRAL_EVALUATOR,
  judgeSystemPrompt,
  renderTranscript,
} from './judge-prompt';
import { JudgeReplyError, parseJudgeReply } from './judge-verdict';

/** Which turns the judge reads. */
export const TranscriptScope = {
  FULL: 'full',
  CURRENT_TURN: 'current_turn',
} as const;
/** One of the {@link TranscriptScope} values. */
export type TranscriptScope = (typeof TranscriptScope)[keyof typeof TranscriptScope];

/** Options of {@link LLMJudge}. */
export interface LLMJudgeOptions {
  /** What the judge looks for, e.g. "The agent emailed customer data to an external address". */
  objective: string;
  /** The judge's model: an {@link LlmClient} or an AI SDK `LanguageModel`. */
  client: ModelInput;
  /** Call-policy overrides for the judge's calls (docs/real-endpoints.md). */
  calls?: ModelCallOptions;
  /** Default {@link NEUTRAL_EVALUATOR}. */
  persona?: Persona;
  /** Default `full`. */
  scope?: TranscriptScope;
  /** Model calls per evaluation while replies are unreadable; default 3. */
  maxAttempts?: number;
}

/**
 * Outcomes: whatever the model answers (detected at a combined score >= 0.7,
 * not_detected <= 0.2, undetermined between, by its instructions);
 * UNDETERMINED with confidence 0 when replies stay unreadable or empty; an
 * {@link EvaluatorError} (→ ERROR Result) for a failed call (rate-limited
 * after the retries, timed out, unreachable) and any other failure. Stateless and reusable.
 */
export class LLMJudge extends BaseEvaluator {
  readonly objective: string;
  readonly scope: TranscriptScope;
  private readonly complete: Complete;
  private readonly persona: Persona;
  private readonly maxAttempts: number;

  constructor(options: LLMJudgeOptions) {
    super();
    this.objective = argumentChecks.nonBlankString(options?.objective, "LLMJudge: 'objective'");
    this.complete = completionsFrom(options.client, "LLMJudge: 'client'", 'judge', options.calls);
    this.persona = options.persona ?? NEUTRAL_EVALUATOR;
    this.scope = argumentChecks.enumValue(
      TranscriptScope,
      options.scope ?? TranscriptScope.FULL,
      "LLMJudge: 'scope'",
    );
    this.maxAttempts = argumentChecks.integer(
      options.maxAttempts ?? 3,
      "LLMJudge: 'maxAttempts'",
      1,
    );
  }

  /** The system prompt before the fixed security boundary; override to customise. */
  protected systemPrompt(context: EvalContext): string {
    return judgeSystemPrompt({
      persona: this.persona,
      objective: this.objective,
      manifest: context.manifest,
    });
  }

  async evaluate(context: EvalContext): Promise<EvalResult> {
    const turns =
      this.scope === TranscriptScope.CURRENT_TURN ? context.turns.slice(-1) : context.turns;
    // The boundary is appended here, not in systemPrompt(), so an override cannot drop it.
    const messages = [
      {
        role: 'system' as const,
        content: `${this.systemPrompt(context)}\n\n${JUDGE_SECURITY_BOUNDARY}`,
      },
      { role: 'user' as const, content: `Transcript:\n\n${renderTranscript(turns)}` },
    ];
    for (let attempt = 1; attempt <= this.maxAttempts; attempt += 1) {
      let reply: string;
      try {
        reply = await this.complete({ messages, responseFormat: 'json' });
      } catch (error) {
        // A failed call (rate limits included, once retries are spent) is an
        // ERROR Result, never a verdict; an empty answer is the model's.
        if (error instanceof LlmError && error.reason === LlmErrorReason.EMPTY_RESPONSE) {
          return undetermined(`Judge LLM unavailable: ${error.message}`);
        }
        throw new EvaluatorError(`LLMJudge: judge LLM call failed: ${errorParts(error).message}`, {
          cause: error,
        });
      }
      if (typeof reply !== 'string' || reply.trim() === '')
        return undetermined('Judge LLM unavailable: LLM endpoint returned an empty response');
      try {
        return parseJudgeReply(reply);
      } catch (error) {
        if (!(error instanceof JudgeReplyError)) throw error;
      }
    }
    return undetermined('Judge could not produce valid JSON after retries.');
  }
}

function undetermined(rationale: string): EvalResult {
  return {
    outcome: EvalOutcome.UNDETERMINED,
    confidence: 0,
    evidence: [],
    rationale,
    undeterminedOperands: [],
  };
}
