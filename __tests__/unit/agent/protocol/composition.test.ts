import {
  BaseEvaluator,
  EvalOutcome,
  ObservabilityLevel,
  ResponseContains,
  ResponseScope,
  SideEffectOccurred,
  ToolCalled,
  allOf,
  anyOf,
  composable,
  not,
  runEvaluator,
} from '../../../../src/index';
import { Fixed, contextOf, detected, notDetected, undetermined } from '../../../fakes/context';

const ctx = contextOf(ObservabilityLevel.TOOL_ONLY, { text: 'hello' });
const { DETECTED: D, NOT_DETECTED: N, UNDETERMINED: U } = EvalOutcome;
const fixed = (outcome: EvalOutcome, rationale = `${outcome} reason`): Fixed =>
  new Fixed({ outcome, rationale });
const outcomes = [D, N, U];

describe('three-valued truth tables', () => {
  // Kleene logic: the expected outcome of every combination.
  const orTable: Record<string, EvalOutcome> = {
    'detected,detected': D,
    'detected,not_detected': D,
    'detected,undetermined': D,
    'not_detected,detected': D,
    'not_detected,not_detected': N,
    'not_detected,undetermined': U,
    'undetermined,detected': D,
    'undetermined,not_detected': U,
    'undetermined,undetermined': U,
  };
  const andTable: Record<string, EvalOutcome> = {
    'detected,detected': D,
    'detected,not_detected': N,
    'detected,undetermined': U,
    'not_detected,detected': N,
    'not_detected,not_detected': N,
    'not_detected,undetermined': N,
    'undetermined,detected': U,
    'undetermined,not_detected': N,
    'undetermined,undetermined': U,
  };

  test.each(outcomes.flatMap((a) => outcomes.map((b) => [a, b] as const)))(
    '%s op %s: outcome as Kleene and independent of operand order',
    async (a, b) => {
      const or1 = await composable(fixed(a)).or(fixed(b)).evaluate(ctx);
      const or2 = await composable(fixed(b)).or(fixed(a)).evaluate(ctx);
      const and1 = await composable(fixed(a)).and(fixed(b)).evaluate(ctx);
      const and2 = await composable(fixed(b)).and(fixed(a)).evaluate(ctx);
      expect(or1.outcome).toBe(orTable[`${a},${b}`]);
      expect(or2.outcome).toBe(or1.outcome);
      expect(and1.outcome).toBe(andTable[`${a},${b}`]);
      expect(and2.outcome).toBe(and1.outcome);
    },
  );

  test('not flips DETECTED and NOT_DETECTED and passes UNDETERMINED through unchanged', async () => {
    const inner = {
      outcome: U,
      confidence: 0.3,
      evidence: ['e'],
      rationale: 'r',
      undeterminedOperands: ['x'],
    };
    expect(await not(new Fixed(inner)).evaluate(ctx)).toEqual(inner);
    const flipped = await not(
      new Fixed({ outcome: D, confidence: 0.4, evidence: ['e'], rationale: 'seen' }),
    ).evaluate(ctx);
    expect(flipped).toEqual({
      outcome: N,
      confidence: 0.4,
      evidence: ['e'],
      rationale: 'seen',
      undeterminedOperands: [],
    });
    expect((await not(notDetected('absent')).evaluate(ctx)).outcome).toBe(D);
  });
});

describe('or', () => {
  test('a detecting left operand short-circuits: the right one never runs', async () => {
    const right = undetermined('judge');
    const result = await composable(detected('left saw it', ['L']))
      .or(right)
      .evaluate(ctx);
    expect(right.calls).toBe(0);
    expect(result).toEqual({
      outcome: D,
      confidence: 1,
      evidence: ['L'],
      rationale: 'left saw it',
      undeterminedOperands: [],
    });
  });

  test('a detecting right operand keeps its evidence and records the undetermined left', async () => {
    const result = await composable(undetermined('cannot see tools'))
      .or(detected('right', ['R']))
      .evaluate(ctx);
    expect(result).toMatchObject({ outcome: D, evidence: ['R'], rationale: 'right' });
    expect(result.undeterminedOperands).toEqual(['cannot see tools']);
  });

  test('neither detected: UNDETERMINED names the undecided side and carries both evidences', async () => {
    const left = new Fixed({ outcome: N, rationale: 'l', evidence: ['le'] });
    const right = new Fixed({ outcome: U, rationale: 'r', evidence: ['re'] });
    expect(await composable(left).or(right).evaluate(ctx)).toEqual({
      outcome: U,
      confidence: 1,
      evidence: ['le', 're'],
      rationale: 'Right operand undetermined: r',
      undeterminedOperands: ['r'],
    });
    const swapped = await composable(right).or(left).evaluate(ctx);
    expect(swapped.rationale).toBe('Left operand undetermined: r');
  });

  test('both NOT_DETECTED: both findings, joined', async () => {
    expect(await composable(notDetected()).or(notDetected()).evaluate(ctx)).toEqual({
      outcome: N,
      confidence: 1,
      evidence: [],
      rationale: 'no, and no',
      undeterminedOperands: [],
    });
  });
});

describe('and', () => {
  test('a NOT_DETECTED left operand short-circuits', async () => {
    const right = undetermined('never asked');
    const result = await composable(notDetected('absent')).and(right).evaluate(ctx);
    expect(right.calls).toBe(0);
    expect(result).toEqual({
      outcome: N,
      confidence: 1,
      evidence: [],
      rationale: 'absent',
      undeterminedOperands: [],
    });
  });

  test('an UNDETERMINED left operand does not short-circuit: the right one settles it', async () => {
    const right = notDetected('absent');
    const result = await composable(undetermined('blind')).and(right).evaluate(ctx);
    expect(right.calls).toBe(1);
    expect(result).toEqual({
      outcome: N,
      confidence: 1,
      evidence: [],
      rationale: 'absent',
      undeterminedOperands: ['blind'],
    });
  });

  test('both detected: concatenated evidence and both findings, joined', async () => {
    const result = await composable(detected('a', ['1']))
      .and(detected('b', ['2']))
      .evaluate(ctx);
    expect(result).toEqual({
      outcome: D,
      confidence: 1,
      evidence: ['1', '2'],
      rationale: 'a, and b',
      undeterminedOperands: [],
    });
  });

  test('detected and undetermined: UNDETERMINED with both evidences', async () => {
    const result = await composable(detected('a', ['1']))
      .and(undetermined('b'))
      .evaluate(ctx);
    expect(result).toEqual({
      outcome: U,
      confidence: 1,
      evidence: ['1'],
      rationale: 'Right operand undetermined: b',
      undeterminedOperands: ['b'],
    });
  });
});

describe('undetermined operands', () => {
  test('only operands that ran are recorded', async () => {
    // The undetermined right operand of a short-circuited OR never ran.
    const skipped = await composable(detected()).or(undetermined('skipped')).evaluate(ctx);
    expect(skipped.undeterminedOperands).toEqual([]);
    // Placed on the left of AND, the same gap is always recorded.
    const kept = await composable(undetermined('kept')).and(notDetected()).evaluate(ctx);
    expect(kept.undeterminedOperands).toEqual(['kept']);
  });

  test('nested composites keep every reason, deduplicated, left first', async () => {
    const inner = composable(undetermined('gap A')).or(undetermined('gap B'));
    const outer = inner.and(composable(undetermined('gap A')).or(undetermined('gap C')));
    const result = await outer.evaluate(ctx);
    expect(result.outcome).toBe(U);
    expect(result.undeterminedOperands).toEqual(['gap A', 'gap B', 'gap C']);
  });

  test('carried reasons win over the rationale of a nested composite', async () => {
    const nested = composable(undetermined('deep reason')).or(notDetected());
    const result = await composable(nested).and(notDetected()).evaluate(ctx);
    expect(result.undeterminedOperands).toEqual(['deep reason']);
  });

  test('an UNDETERMINED operand without a rationale is recorded with a fixed phrase', async () => {
    const result = await composable(new Fixed({ outcome: U, rationale: '  ' }))
      .and(notDetected())
      .evaluate(ctx);
    expect(result.undeterminedOperands).toEqual(['an operand gave no reason']);
  });

  test('NOT carries the operands of a settled inner result', async () => {
    const inner = composable(undetermined('blind')).and(notDetected());
    const result = await inner.not().evaluate(ctx);
    expect(result.outcome).toBe(D);
    expect(result.undeterminedOperands).toEqual(['blind']);
  });

  test('real evaluators: an unobservable side effect is named even when text settles the AND', async () => {
    const evaluator = new SideEffectOccurred('email_sent').and(
      new ResponseContains('never said', { scope: ResponseScope.ANY_TURN }),
    );
    const result = await evaluator.evaluate(ctx);
    expect(result.outcome).toBe(N);
    expect(result.undeterminedOperands).toEqual([
      "Adapter observability is 'tool_only', which does not report side effects, so whether 'email_sent' occurred cannot be determined",
    ]);
  });
});

describe('helpers and validation', () => {
  test('anyOf / allOf fold left to right', async () => {
    expect((await anyOf(notDetected(), notDetected(), detected()).evaluate(ctx)).outcome).toBe(D);
    expect((await allOf(detected(), detected(), notDetected()).evaluate(ctx)).outcome).toBe(N);
    expect((await allOf(detected()).evaluate(ctx)).outcome).toBe(D);
  });

  test('plain-object evaluators may return partial results; defaults are filled', async () => {
    const plain = { evaluate: async () => ({ outcome: D }) };
    expect(await runEvaluator(plain, ctx)).toEqual({
      outcome: D,
      confidence: 1,
      evidence: [],
      rationale: '',
      undeterminedOperands: [],
    });
    expect(composable(plain)).toBeInstanceOf(BaseEvaluator);
  });

  test('a malformed evaluator result is a TypeError naming the field and the value', async () => {
    const bad = { evaluate: () => ({ outcome: 'maybe' }) } as never;
    await expect(composable(bad).or(detected()).evaluate(ctx)).rejects.toThrow(
      /outcome must be one of detected, not_detected, undetermined, got "maybe"/,
    );
    const badEvidence = { evaluate: () => ({ outcome: D, evidence: 'x' }) } as never;
    await expect(runEvaluator(badEvidence, ctx)).rejects.toThrow(
      'evaluator result.evidence must be an array of strings, got "x"',
    );
    class Sloppy {
      evaluate() {
        return null;
      }
    }
    await expect(runEvaluator(new Sloppy() as never, ctx)).rejects.toThrow(
      'Sloppy result must be an EvalResult object, got null',
    );
  });

  test('composing with a non-evaluator throws naming the argument', () => {
    expect(() => new ToolCalled('x').or(42 as never)).toThrow(
      'or(other) must be an Evaluator (an object with evaluate(context)), got 42',
    );
    expect(() => new ToolCalled('x').and({} as never)).toThrow(/and\(other\) must be an Evaluator/);
  });
});
