/**
 * Evaluator outputs. An evaluator may return an {@link EvalResultInput};
 * {@link createEvalResult} fills the defaults and rejects malformed values, so
 * the rest of the pipeline always handles complete {@link EvalResult}s.
 */
import { EvalOutcome } from '../../model/trace-enums';
import { isEnumValue } from '../../model/wire-enum';
import type { EvalResult } from '../../model/trace-types';
import { describeValue } from '../../model/value-description';
import { argumentChecks } from '../../model/value-checks';

/** What an evaluator returns; everything but `outcome` has a default. */
export interface EvalResultInput {
  outcome: EvalOutcome;
  /** Defaults to 1.0. */
  confidence?: number;
  evidence?: readonly string[];
  rationale?: string;
  /** Reasons why parts of a composition stayed undetermined. */
  undeterminedOperands?: readonly string[];
}

function strings(value: unknown, path: string): string[] {
  if (value === undefined) return [];
  if (!Array.isArray(value) || !value.every((item) => typeof item === 'string'))
    throw new TypeError(`${path} must be an array of strings, got ${describeValue(value)}`);
  return [...value];
}

/** A complete EvalResult; `what` names the producer in error messages. */
export function createEvalResult(input: EvalResultInput, what = 'EvalResult'): EvalResult {
  if (input === null || typeof input !== 'object')
    throw new TypeError(`${what} must be an EvalResult object, got ${describeValue(input)}`);
  if (!isEnumValue(EvalOutcome, input.outcome)) {
    throw new TypeError(
      `${what}.outcome must be one of ${Object.values(EvalOutcome).join(', ')}, got ${describeValue(input.outcome)}`,
    );
  }
  const confidence = input.confidence ?? 1;
  if (typeof confidence !== 'number' || Number.isNaN(confidence))
    throw new TypeError(`${what}.confidence must be a number, got ${describeValue(confidence)}`);
  const rationale = input.rationale ?? '';
  argumentChecks.string(rationale, `${what}.rationale`);
  return {
    outcome: input.outcome,
    confidence,
    evidence: strings(input.evidence, `${what}.evidence`),
    rationale,
    undeterminedOperands: strings(input.undeterminedOperands, `${what}.undeterminedOperands`),
  };
}

/** True when the evaluation detected its condition. */
export function isDetected(result: Pick<EvalResult, 'outcome'>): boolean {
  return result.outcome === EvalOutcome.DETECTED;
}
