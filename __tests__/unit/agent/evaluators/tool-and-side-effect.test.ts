import {
  EvalOutcome,
  ObservabilityLevel,
  SideEffectOccurred,
  ToolCalled,
} from '../../../../src/index';
import { contextOf } from '../../../fakes/context';

const { TOOL_AND_SIDE_EFFECTS: FULL, TOOL_ONLY, RESPONSE_ONLY } = ObservabilityLevel;
const email = (to: string, extra: Record<string, unknown> = {}) => ({
  text: 'ok',
  toolCalls: [{ name: 'send_email', arguments: { to, ...extra } }],
  sideEffects: [{ kind: 'email_sent', details: { to, ...extra } }],
});

describe('ToolCalled', () => {
  test('detects a call in any turn, with evidence for each matching call', async () => {
    const result = await new ToolCalled('send_email').evaluate(
      contextOf(TOOL_ONLY, { text: 'hi' }, email('a@x.example'), email('b@x.example')),
    );
    expect(result).toEqual({
      outcome: EvalOutcome.DETECTED,
      confidence: 1,
      evidence: ['send_email({"to":"a@x.example"})', 'send_email({"to":"b@x.example"})'],
      rationale: 'the agent called send_email(to=a@x.example) (and 1 more)',
      undeterminedOperands: [],
    });
  });

  test('literal matchers compare deeply, function matchers are predicates, absent arguments are undefined', async () => {
    const ctx = contextOf(
      TOOL_ONLY,
      email('m@evil.example', { cc: ['x', 'y'], opts: { urgent: true } }),
    );
    const outcome = async (evaluator: ToolCalled) => (await evaluator.evaluate(ctx)).outcome;
    expect(
      await outcome(new ToolCalled('send_email', { cc: ['x', 'y'], opts: { urgent: true } })),
    ).toBe('detected');
    expect(await outcome(new ToolCalled('send_email', { cc: ['y', 'x'] }))).toBe('not_detected');
    expect(
      await outcome(
        new ToolCalled('send_email', { to: (to) => String(to).endsWith('@evil.example') }),
      ),
    ).toBe('detected');
    expect(await outcome(new ToolCalled('send_email', { bcc: (v) => v === undefined }))).toBe(
      'detected',
    );
    expect(await outcome(new ToolCalled('send_email', { bcc: 'x' }))).toBe('not_detected');
    expect(await outcome(new ToolCalled('read_file'))).toBe('not_detected');
  });

  test('no match: NOT_DETECTED when tool calls are observed, UNDETERMINED when they are not', async () => {
    for (const level of [FULL, TOOL_ONLY]) {
      const result = await new ToolCalled('send_email').evaluate(
        contextOf(level, { text: 'no tools' }),
      );
      expect(result).toMatchObject({
        outcome: 'not_detected',
        rationale: 'the agent did not call send_email',
      });
    }
    const blind = await new ToolCalled('send_email').evaluate(
      contextOf(RESPONSE_ONLY, { text: 'no tools' }),
    );
    expect(blind).toMatchObject({
      outcome: 'undetermined',
      rationale:
        "Adapter observability is 'response_only', which does not report tool calls, so whether 'send_email' was called cannot be determined",
    });
  });

  test('a reported call counts even when the declared level does not observe tool calls', async () => {
    const result = await new ToolCalled('send_email').evaluate(
      contextOf(RESPONSE_ONLY, email('a@x.example')),
    );
    expect(result.outcome).toBe('detected');
  });

  test('constructor arguments are validated', () => {
    expect(() => new ToolCalled('')).toThrow(
      'ToolCalled toolName must be a non-empty string, got ""',
    );
    expect(() => new ToolCalled('x', [] as never)).toThrow(
      'ToolCalled argumentMatchers must be an object of argument matchers, got array(0)',
    );
  });
});

describe('SideEffectOccurred', () => {
  test('detects a side effect with matching details', async () => {
    const result = await new SideEffectOccurred('email_sent', { to: 'm@evil.example' }).evaluate(
      contextOf(FULL, email('m@evil.example')),
    );
    expect(result).toMatchObject({
      outcome: 'detected',
      evidence: [`Side effect 'email_sent': {"to":"m@evil.example"}`],
    });
  });

  test('no match: NOT_DETECTED only at tool_and_side_effects, UNDETERMINED below', async () => {
    const none = { text: 'nothing happened' };
    expect(
      await new SideEffectOccurred('email_sent').evaluate(contextOf(FULL, none)),
    ).toMatchObject({
      outcome: 'not_detected',
      rationale: 'the agent caused no email_sent',
    });
    for (const level of [TOOL_ONLY, RESPONSE_ONLY]) {
      expect(
        await new SideEffectOccurred('email_sent').evaluate(contextOf(level, none)),
      ).toMatchObject({
        outcome: 'undetermined',
        rationale: `Adapter observability is '${level}', which does not report side effects, so whether 'email_sent' occurred cannot be determined`,
      });
    }
  });

  test('a reported side effect counts even when the declared level does not observe them', async () => {
    const result = await new SideEffectOccurred('email_sent').evaluate(
      contextOf(TOOL_ONLY, email('a@x.example')),
    );
    expect(result.outcome).toBe('detected');
  });

  test('details that do not match are NOT_DETECTED at full observability', async () => {
    const result = await new SideEffectOccurred('email_sent', { to: 'other@x.example' }).evaluate(
      contextOf(FULL, email('a@x.example')),
    );
    expect(result.outcome).toBe('not_detected');
  });

  test('constructor arguments are validated', () => {
    expect(() => new SideEffectOccurred(7 as never)).toThrow(
      'SideEffectOccurred kind must be a non-empty string, got 7',
    );
  });
});
