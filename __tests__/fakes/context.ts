/** Builds evaluator inputs without running a trace. */
import {
  EvalContext,
  type EvalResult,
  type EvalResultInput,
  type Evaluator,
  EvalOutcome,
  type ObservabilityLevel,
  type ResponseInput,
  type Turn,
  createRequest,
  createResponse,
} from '../../src/index';

/** A raw turn with `response`. */
export function turn(
  response: ResponseInput,
  turnNumber = 0,
  prompt = `prompt ${turnNumber}`,
): Turn {
  return {
    request: createRequest({ prompt }),
    response: createResponse(response),
    evalResult: null,
    evalPurpose: null,
    turnNumber,
    timestamp: null,
    driverReasoning: '',
  };
}

/** A context over one turn per response. */
export function contextOf(level: ObservabilityLevel, ...responses: ResponseInput[]): EvalContext {
  return new EvalContext({
    turns: responses.map((r, i) => turn(r, i)),
    observabilityLevel: level,
  });
}

/** An evaluator that always answers `result` and counts its calls. */
export class Fixed implements Evaluator {
  calls = 0;
  constructor(readonly result: EvalResultInput) {}
  evaluate(): EvalResultInput {
    this.calls += 1;
    return this.result;
  }
}

/** Shorthands for fixed outcomes. */
export const detected = (rationale = 'yes', evidence: string[] = []): Fixed =>
  new Fixed({ outcome: EvalOutcome.DETECTED, rationale, evidence });
export const notDetected = (rationale = 'no', evidence: string[] = []): Fixed =>
  new Fixed({ outcome: EvalOutcome.NOT_DETECTED, rationale, evidence });
export const undetermined = (rationale = 'unknown', undeterminedOperands: string[] = []): Fixed =>
  new Fixed({ outcome: EvalOutcome.UNDETERMINED, rationale, undeterminedOperands });

/** A complete EvalResult. */
export function evalResult(fields: Partial<EvalResult> & Pick<EvalResult, 'outcome'>): EvalResult {
  return { confidence: 1, evidence: [], rationale: '', undeterminedOperands: [], ...fields };
}
