/**
 * Reading the judge's reply: a single JSON object with outcome, confidence,
 * rationale and evidence. Tolerates markdown fences and text around the
 * object; anything else is a parse failure the judge retries.
 */
import { EvalOutcome } from '../../model/trace-enums';
import { isEnumValue } from '../../model/wire-enum';
import type { EvalResult } from '../../model/trace-types';
import { describeValue, errorParts } from '../../model/value-description';

/** The judge's reply could not be read. */
export class JudgeReplyError extends Error {
  override name = 'JudgeReplyError';
}

/** The text of the first balanced `{…}` in `text` (string-aware), or null. */
function firstObject(text: string): string | null {
  const start = text.indexOf('{');
  if (start < 0) return null;
  let depth = 0;
  let inString = false;
  for (let i = start; i < text.length; i += 1) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i += 1;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '{') depth += 1;
    else if (c === '}' && --depth === 0) return text.slice(start, i + 1);
  }
  return null;
}

function parseJson(reply: string): unknown {
  const fenced = /^```[a-zA-Z]*\s*([\s\S]*?)\s*```$/.exec(reply.trim());
  const text = fenced ? (fenced[1] as string) : reply.trim();
  try {
    return JSON.parse(text);
  } catch {
    const object = firstObject(text);
    if (object === null) throw new JudgeReplyError('no JSON object in the reply');
    try {
      return JSON.parse(object);
    } catch (error) {
      throw new JudgeReplyError(`invalid JSON (${errorParts(error).message})`);
    }
  }
}

/** The EvalResult in a judge reply; throws {@link JudgeReplyError} when it is malformed. */
export function parseJudgeReply(reply: string): EvalResult {
  const value = parseJson(reply);
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    throw new JudgeReplyError(`expected a JSON object, got ${describeValue(value)}`);
  const o = value as Record<string, unknown>;
  for (const key of ['outcome', 'confidence', 'rationale', 'evidence']) {
    if (!(key in o)) throw new JudgeReplyError(`missing key ${JSON.stringify(key)}`);
  }
  if (!isEnumValue(EvalOutcome, o.outcome))
    throw new JudgeReplyError(
      `outcome must be one of ${Object.values(EvalOutcome).join(', ')}, got ${describeValue(o.outcome)}`,
    );
  if (typeof o.confidence !== 'number' || !Number.isFinite(o.confidence))
    throw new JudgeReplyError(
      `confidence must be a finite number, got ${describeValue(o.confidence)}`,
    );
  if (typeof o.rationale !== 'string')
    throw new JudgeReplyError(`rationale must be a string, got ${describeValue(o.rationale)}`);
  if (!Array.isArray(o.evidence) || !o.evidence.every((e) => typeof e === 'string'))
    throw new JudgeReplyError(
      `evidence must be an array of strings, got ${describeValue(o.evidence)}`,
    );
  return {
    outcome: o.outcome,
    confidence: Math.min(1, Math.max(0, o.confidence)),
    evidence: [...(o.evidence as string[])],
    rationale: o.rationale,
    undeterminedOperands: [],
  };
}
