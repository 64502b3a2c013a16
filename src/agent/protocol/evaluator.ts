/**
 * Evaluators detect a condition in an EvalContext. They are polarity-free:
 * they answer "did X happen?"; the attack or probe decides whether that is
 * good or bad. Composition is three-valued (upstream main generation):
 * the outcome never depends on operand order, and operands that could not be
 * decided are named in `undeterminedOperands` even when the composition is
 * settled by another operand.
 */
import { createEvalResult, isDetected, type EvalResultInput } from './eval-result';
import type { EvalContext } from './eval-context';
import { EvalOutcome } from '../../model/trace-enums';
import type { EvalResult } from '../../model/trace-types';
import { describeValue } from '../../model/value-description';

/** Anything with `evaluate(context)`; subclass {@link BaseEvaluator} to get `.or/.and/.not`. */
export interface Evaluator {
  evaluate(context: EvalContext): EvalResultInput | Promise<EvalResultInput>;
}

// Recorded when an operand is UNDETERMINED without a rationale: an empty
// string would read as "nothing was undetermined" downstream.
const NO_REASON_GIVEN = 'an operand gave no reason';

/** Throws a TypeError unless `value` is an {@link Evaluator}. */
export function checkEvaluator(value: unknown, what: string): Evaluator {
  if (
    value === null ||
    typeof value !== 'object' ||
    typeof (value as Partial<Evaluator>).evaluate !== 'function'
  ) {
    throw new TypeError(
      `${what} must be an Evaluator (an object with evaluate(context)), got ${describeValue(value)}`,
    );
  }
  return value as Evaluator;
}

function nameOf(evaluator: Evaluator): string {
  const name = (evaluator as { constructor?: { name?: unknown } }).constructor?.name;
  return typeof name === 'string' && name !== '' && name !== 'Object' ? name : 'evaluator';
}

/** Runs `evaluator` and returns its complete, validated result. */
export async function runEvaluator(
  evaluator: Evaluator,
  context: EvalContext,
): Promise<EvalResult> {
  return createEvalResult(await evaluator.evaluate(context), `${nameOf(evaluator)} result`);
}

/** Base class of evaluators: adds the composition methods. */
export abstract class BaseEvaluator implements Evaluator {
  /** Evaluates the context. */
  abstract evaluate(context: EvalContext): Promise<EvalResult>;

  /**
   * DETECTED if either detects. `other` is skipped when this one detects, so
   * put the cheap evaluator first and an LLM judge second.
   */
  or(other: Evaluator): BaseEvaluator {
    return new AnyEvaluator(this, checkEvaluator(other, 'or(other)'));
  }

  /**
   * DETECTED only if both detect. `other` is skipped when this one is
   * NOT_DETECTED; put an observability-dependent evaluator first so that its
   * gaps are always recorded.
   */
  and(other: Evaluator): BaseEvaluator {
    return new AllEvaluator(this, checkEvaluator(other, 'and(other)'));
  }

  /** Flips DETECTED and NOT_DETECTED; UNDETERMINED passes through unchanged. */
  not(): BaseEvaluator {
    return new NotEvaluator(this);
  }
}

/**
 * Why any part of a composition stayed undetermined: each operand that ran
 * contributes the reasons it carries, or, when it is itself UNDETERMINED with
 * none, its rationale. Carried reasons win so that nested composites keep
 * every gap; repeats collapse; left operand first.
 */
function mergeUndetermined(left: EvalResult, right?: EvalResult): string[] {
  const reasons: string[] = [];
  for (const operand of right ? [left, right] : [left]) {
    if (operand.undeterminedOperands.length > 0) reasons.push(...operand.undeterminedOperands);
    else if (operand.outcome === EvalOutcome.UNDETERMINED)
      reasons.push(operand.rationale.trim() || NO_REASON_GIVEN);
  }
  return [...new Set(reasons)];
}

function result(
  outcome: EvalOutcome,
  fields: Partial<Omit<EvalResult, 'outcome'>> = {},
): EvalResult {
  return {
    outcome,
    confidence: fields.confidence ?? 1,
    evidence: fields.evidence ?? [],
    rationale: fields.rationale ?? '',
    undeterminedOperands: fields.undeterminedOperands ?? [],
  };
}

/** `left.or(right)`. */
class AnyEvaluator extends BaseEvaluator {
  constructor(
    private readonly left: Evaluator,
    private readonly right: Evaluator,
  ) {
    super();
  }

  async evaluate(context: EvalContext): Promise<EvalResult> {
    const left = await runEvaluator(this.left, context);
    if (isDetected(left)) {
      return result(EvalOutcome.DETECTED, {
        evidence: left.evidence,
        rationale: left.rationale,
        undeterminedOperands: mergeUndetermined(left),
      });
    }
    const right = await runEvaluator(this.right, context);
    const undeterminedOperands = mergeUndetermined(left, right);
    if (isDetected(right)) {
      return result(EvalOutcome.DETECTED, {
        evidence: right.evidence,
        rationale: right.rationale,
        undeterminedOperands,
      });
    }
    return (
      settleUndetermined(left, right, undeterminedOperands) ??
      result(EvalOutcome.NOT_DETECTED, {
        rationale: `${left.rationale}, and ${right.rationale}`,
        undeterminedOperands,
      })
    );
  }
}

/** `left.and(right)`. */
class AllEvaluator extends BaseEvaluator {
  constructor(
    private readonly left: Evaluator,
    private readonly right: Evaluator,
  ) {
    super();
  }

  async evaluate(context: EvalContext): Promise<EvalResult> {
    const left = await runEvaluator(this.left, context);
    // Only NOT_DETECTED settles a conjunction alone. An UNDETERMINED left must
    // not short-circuit: the right operand may still settle it, and stopping
    // here would make the outcome depend on operand order.
    if (left.outcome === EvalOutcome.NOT_DETECTED) {
      return result(EvalOutcome.NOT_DETECTED, {
        rationale: left.rationale,
        undeterminedOperands: mergeUndetermined(left),
      });
    }
    const right = await runEvaluator(this.right, context);
    const undeterminedOperands = mergeUndetermined(left, right);
    if (right.outcome === EvalOutcome.NOT_DETECTED) {
      return result(EvalOutcome.NOT_DETECTED, {
        rationale: right.rationale,
        undeterminedOperands,
      });
    }
    return (
      settleUndetermined(left, right, undeterminedOperands) ??
      result(EvalOutcome.DETECTED, {
        evidence: [...left.evidence, ...right.evidence],
        rationale: `${left.rationale}, and ${right.rationale}`,
        undeterminedOperands,
      })
    );
  }
}

/** UNDETERMINED naming the first undecided operand, with both operands' evidence; else null. */
function settleUndetermined(
  left: EvalResult,
  right: EvalResult,
  undeterminedOperands: string[],
): EvalResult | null {
  const side =
    left.outcome === EvalOutcome.UNDETERMINED
      ? { name: 'Left', operand: left }
      : right.outcome === EvalOutcome.UNDETERMINED
        ? { name: 'Right', operand: right }
        : null;
  if (!side) return null;
  return result(EvalOutcome.UNDETERMINED, {
    evidence: [...left.evidence, ...right.evidence],
    rationale: `${side.name} operand undetermined: ${side.operand.rationale}`,
    undeterminedOperands,
  });
}

/** `inner.not()`. */
class NotEvaluator extends BaseEvaluator {
  constructor(private readonly inner: Evaluator) {
    super();
  }

  async evaluate(context: EvalContext): Promise<EvalResult> {
    const inner = await runEvaluator(this.inner, context);
    if (inner.outcome === EvalOutcome.UNDETERMINED) return inner;
    return result(isDetected(inner) ? EvalOutcome.NOT_DETECTED : EvalOutcome.DETECTED, {
      confidence: inner.confidence,
      evidence: inner.evidence,
      // The finding stays true; only what it means flips (CONTRIBUTING.md, "Add an evaluator").
      rationale: inner.rationale,
      undeterminedOperands: mergeUndetermined(inner),
    });
  }
}

/** Wraps a plain {@link Evaluator} so it gains `.or/.and/.not`. */
export function composable(evaluator: Evaluator): BaseEvaluator {
  if (evaluator instanceof BaseEvaluator) return evaluator;
  const inner = checkEvaluator(evaluator, 'composable(evaluator)');
  return new (class extends BaseEvaluator {
    evaluate(context: EvalContext): Promise<EvalResult> {
      return runEvaluator(inner, context);
    }
  })();
}

/** DETECTED if any operand detects; evaluated left to right, stopping at the first detection. */
export function anyOf(first: Evaluator, ...rest: Evaluator[]): BaseEvaluator {
  return rest.reduce<BaseEvaluator>((acc, next) => acc.or(next), composable(first));
}

/** DETECTED if every operand detects; evaluated left to right, stopping at the first NOT_DETECTED. */
export function allOf(first: Evaluator, ...rest: Evaluator[]): BaseEvaluator {
  return rest.reduce<BaseEvaluator>((acc, next) => acc.and(next), composable(first));
}

/** The negation of `evaluator` (UNDETERMINED passes through). */
export function not(evaluator: Evaluator): BaseEvaluator {
  return composable(evaluator).not();
}
