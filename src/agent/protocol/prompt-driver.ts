/**
 * Prompt drivers decide what to send next. They own neither the session, nor
 * the evaluation, nor the Result.
 */
import type { RequestInput } from './request';
import type { Turn } from '../../model/trace-types';

/** The next request, with the driver's reasoning (kept on the turn for reports). */
export interface PromptDecision {
  request: RequestInput;
  reasoning?: string;
}

/** Produces the requests of a conversation, one turn at a time. */
export interface PromptDriver {
  /**
   * The next request given the conversation so far (turns may carry the
   * stop-check evaluations), or null when there is nothing more to send.
   */
  nextPrompt(options: {
    history: readonly Turn[];
  }): PromptDecision | null | Promise<PromptDecision | null>;
}
