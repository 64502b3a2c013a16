/** `StaticDriver`: a fixed list of prompts, sent in order. */
import type { PromptDecision, PromptDriver } from '../protocol/prompt-driver';
import { createRequest, type RequestInput } from '../protocol/request';
import type { Request, Turn } from '../../model/trace-types';
import { argumentChecks } from '../../model/value-checks';

/**
 * Sends `prompts[i]` as turn i, then stops. Its position is the history
 * length, so one instance is stateless and reusable across executions.
 */
export class StaticDriver implements PromptDriver {
  private readonly requests: readonly Request[];

  constructor(options: { prompts: ReadonlyArray<string | RequestInput> }) {
    argumentChecks.array(options?.prompts, 'StaticDriver prompts');
    this.requests = options.prompts.map((p, i) => createRequest(p, `StaticDriver prompts[${i}]`));
  }

  nextPrompt(options: { history: readonly Turn[] }): PromptDecision | null {
    const request = this.requests[options.history.length];
    return request ? { request, reasoning: '' } : null;
  }
}
