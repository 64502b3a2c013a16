import { ObservabilityLevel, ResponseContains, ResponseScope } from '../../../../src/index';
import { contextOf } from '../../../fakes/context';
import { EvalContext } from '../../../../src/index';

const level = ObservabilityLevel.RESPONSE_ONLY;
const ctx = contextOf(
  level,
  { text: 'Paris is lovely' },
  { text: 'I like Rome' },
  { text: 'PARIS again' },
);
const { ANY_TURN, ALL_TURNS, CURRENT_TURN } = ResponseScope;

describe('ResponseContains', () => {
  test('scope is required', () => {
    expect(() => new ResponseContains('x', {} as never)).toThrow(
      'scope must be a ResponseScope (any_turn, all_turns, current_turn), got undefined',
    );
    expect(() => new ResponseContains('x', undefined as never)).toThrow(
      /^scope must be a ResponseScope/,
    );
  });

  test('any_turn: some response matches (case-insensitive by default)', async () => {
    expect(await new ResponseContains('paris', { scope: ANY_TURN }).evaluate(ctx)).toEqual({
      outcome: 'detected',
      confidence: 1,
      evidence: ['Pattern found on turn(s): 0, 2'],
      rationale: 'a response of the agent contained "paris"',
      undeterminedOperands: [],
    });
    expect(await new ResponseContains('berlin', { scope: ANY_TURN }).evaluate(ctx)).toMatchObject({
      outcome: 'not_detected',
      evidence: [],
      rationale: 'no response of the agent contained "berlin"',
    });
  });

  test('all_turns: every response must match; misses are listed', async () => {
    expect(await new ResponseContains('paris', { scope: ALL_TURNS }).evaluate(ctx)).toMatchObject({
      outcome: 'not_detected',
      evidence: ['Pattern missing on turn(s): 1'],
      rationale: 'not every response of the agent contained "paris"',
    });
    expect((await new ResponseContains(/\w/, { scope: ALL_TURNS }).evaluate(ctx)).outcome).toBe(
      'detected',
    );
  });

  test('current_turn: only the last response', async () => {
    expect(
      (await new ResponseContains('again', { scope: CURRENT_TURN }).evaluate(ctx)).outcome,
    ).toBe('detected');
    expect(
      (await new ResponseContains('rome', { scope: CURRENT_TURN }).evaluate(ctx)).outcome,
    ).toBe('not_detected');
  });

  test('caseSensitive applies to substrings', async () => {
    const strict = new ResponseContains('paris', { scope: ANY_TURN, caseSensitive: true });
    expect((await strict.evaluate(ctx)).outcome).toBe('not_detected');
  });

  test('a global regex gives the same answer every time (no lastIndex state)', async () => {
    const evaluator = new ResponseContains(/rome/gi, { scope: ANY_TURN });
    const outcomes = [];
    for (let i = 0; i < 3; i += 1) outcomes.push((await evaluator.evaluate(ctx)).outcome);
    expect(outcomes).toEqual(['detected', 'detected', 'detected']);
  });

  test('a predicate receives the raw text', async () => {
    const seen: string[] = [];
    const evaluator = new ResponseContains(
      function upper(text) {
        seen.push(text);
        return text === text.toUpperCase();
      },
      { scope: ANY_TURN },
    );
    const result = await evaluator.evaluate(ctx);
    expect(seen).toEqual(['Paris is lovely', 'I like Rome', 'PARIS again']);
    expect(result).toMatchObject({
      outcome: 'not_detected',
      rationale: 'no response of the agent contained predicate upper',
    });
  });

  test('text is always observable: never UNDETERMINED, even at response_only', async () => {
    for (const scope of Object.values(ResponseScope)) {
      for (const pattern of ['zzz', 'i']) {
        expect((await new ResponseContains(pattern, { scope }).evaluate(ctx)).outcome).not.toBe(
          'undetermined',
        );
      }
    }
  });

  test('an empty context is an error, not a verdict', async () => {
    const empty = new EvalContext({ turns: [], observabilityLevel: level });
    for (const scope of Object.values(ResponseScope)) {
      await expect(new ResponseContains('x', { scope }).evaluate(empty)).rejects.toThrow(
        'No turns in context.',
      );
    }
  });

  test('a bad pattern or option names the argument', () => {
    expect(() => new ResponseContains(5 as never, { scope: ANY_TURN })).toThrow(
      'ResponseContains pattern must be a string, a RegExp or a function, got 5',
    );
    expect(
      () => new ResponseContains('x', { scope: ANY_TURN, caseSensitive: 'yes' as never }),
    ).toThrow('ResponseContains caseSensitive must be a boolean, got "yes"');
  });
});
