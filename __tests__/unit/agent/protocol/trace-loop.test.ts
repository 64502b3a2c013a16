import {
  EvalOutcome,
  EvaluationPurpose,
  ObservabilityLevel,
  type PromptDriver,
  StaticDriver,
  TraceEndReason,
  type Turn,
  evaluateTerminal,
  runTrace,
} from '../../../../src/index';
import { ScriptedAdapter } from '../../../fakes/agent';
import { Fixed, detected, notDetected } from '../../../fakes/context';

const level = ObservabilityLevel.TOOL_ONLY;

async function sessionOf(replies: string[]) {
  const adapter = new ScriptedAdapter(
    level,
    replies.map((text) => ({ text })),
  );
  return { adapter, session: await adapter.createSession() };
}

describe('runTrace', () => {
  test('maxTurns must be an integer >= 0', async () => {
    const { session } = await sessionOf(['x']);
    const driver = new StaticDriver({ prompts: ['a'] });
    for (const maxTurns of [-1, 1.5, Number.NaN, '2']) {
      await expect(
        runTrace({ session, driver, maxTurns: maxTurns as number, observabilityLevel: level }),
      ).rejects.toThrow(/^maxTurns must be an integer >= 0, got /);
    }
  });

  test('a zero budget sends nothing and ends with max_turns_reached', async () => {
    const { adapter, session } = await sessionOf(['x']);
    const run = await runTrace({
      session,
      driver: new StaticDriver({ prompts: ['a'] }),
      maxTurns: 0,
      observabilityLevel: level,
    });
    expect(run.traceEndReason).toBe(TraceEndReason.MAX_TURNS_REACHED);
    expect(run.turns).toEqual([]);
    expect(adapter.sessions[0]).toEqual([]);
  });

  test('an exhausted driver ends with driver_exhausted; turns are numbered and frozen', async () => {
    const { session } = await sessionOf(['one', 'two']);
    const run = await runTrace({
      session,
      driver: new StaticDriver({ prompts: ['a', 'b'] }),
      maxTurns: 5,
      observabilityLevel: level,
    });
    expect(run.traceEndReason).toBe(TraceEndReason.DRIVER_EXHAUSTED);
    expect(run.turns.map((t) => [t.turnNumber, t.request.prompt, t.response.text])).toEqual([
      [0, 'a', 'one'],
      [1, 'b', 'two'],
    ]);
    expect(run.turns).toEqual(run.rawTurns);
    expect(Object.isFrozen(run.rawTurns[0])).toBe(true);
    expect(run.latestStopCheck).toBeNull();
  });

  test('more prompts than the budget ends with max_turns_reached', async () => {
    const { session } = await sessionOf(['x']);
    const run = await runTrace({
      session,
      driver: new StaticDriver({ prompts: ['a', 'b', 'c'] }),
      maxTurns: 2,
      observabilityLevel: level,
    });
    expect(run.traceEndReason).toBe(TraceEndReason.MAX_TURNS_REACHED);
    expect(run.turns).toHaveLength(2);
  });

  test('stopWhen: annotated turns for the driver and the report, raw turns for evaluators', async () => {
    const { session } = await sessionOf(['calm', 'LEAK', 'after']);
    const seenByEvaluator: Turn[][] = [];
    const stopWhen = {
      evaluate: (context: { turns: readonly Turn[]; text: string }) => {
        seenByEvaluator.push([...context.turns]);
        return {
          outcome: context.text === 'LEAK' ? EvalOutcome.DETECTED : EvalOutcome.NOT_DETECTED,
          rationale: context.text,
        };
      },
    };
    const histories: Turn[][] = [];
    const driver: PromptDriver = {
      nextPrompt: ({ history }) => {
        histories.push([...history]);
        return { request: { prompt: `p${history.length}` }, reasoning: `why ${history.length}` };
      },
    };
    const run = await runTrace({
      session,
      driver,
      maxTurns: 5,
      observabilityLevel: level,
      stopWhen,
    });
    expect(run.traceEndReason).toBe(TraceEndReason.STOP_CONDITION_MET);
    expect(run.turns).toHaveLength(2);
    expect(run.turns.map((t) => [t.evalPurpose, t.evalResult?.outcome])).toEqual([
      [EvaluationPurpose.STOP_CHECK, 'not_detected'],
      [EvaluationPurpose.STOP_CHECK, 'detected'],
    ]);
    expect(run.rawTurns.every((t) => t.evalResult === null && t.evalPurpose === null)).toBe(true);
    // Evaluators never see framework annotations; drivers see them.
    expect(seenByEvaluator.flat().every((t) => t.evalResult === null)).toBe(true);
    expect(histories[1]?.[0]?.evalResult?.rationale).toBe('calm');
    expect(run.turns[1]?.driverReasoning).toBe('why 1');
    expect(run.latestStopCheck?.evaluator).toBe(stopWhen);
    expect(run.latestStopCheck?.result.outcome).toBe('detected');
  });

  test('a malformed driver decision or response is a TypeError naming it', async () => {
    const { session } = await sessionOf(['x']);
    await expect(
      runTrace({
        session,
        driver: { nextPrompt: () => 'hi' as never },
        maxTurns: 1,
        observabilityLevel: level,
      }),
    ).rejects.toThrow('driver.nextPrompt() must return a PromptDecision or null, got "hi"');
    const badSession = { send: () => ({ txt: 'oops' }) as never };
    await expect(
      runTrace({
        session: badSession,
        driver: new StaticDriver({ prompts: ['a'] }),
        maxTurns: 1,
        observabilityLevel: level,
      }),
    ).rejects.toThrow('session.send() result.text must be a string, got undefined');
  });
});

describe('evaluateTerminal', () => {
  test('no turns: no evaluation (the strategy reports ERROR)', async () => {
    const { session } = await sessionOf(['x']);
    const run = await runTrace({
      session,
      driver: new StaticDriver({ prompts: [] }),
      maxTurns: 3,
      observabilityLevel: level,
    });
    const evaluator = detected();
    expect(await evaluateTerminal({ evaluator, run })).toBeNull();
    expect(evaluator.calls).toBe(0);
  });

  test('the same evaluator object as stopWhen is not asked twice for the same turns', async () => {
    const { session } = await sessionOf(['x', 'y']);
    const evaluator = new Fixed({
      outcome: EvalOutcome.NOT_DETECTED,
      evidence: ['e'],
      rationale: 'no',
    });
    const run = await runTrace({
      session,
      driver: new StaticDriver({ prompts: ['a', 'b'] }),
      maxTurns: 5,
      observabilityLevel: level,
      stopWhen: evaluator,
    });
    expect(evaluator.calls).toBe(2);
    const terminal = await evaluateTerminal({ evaluator, run });
    expect(evaluator.calls).toBe(2);
    expect(terminal).toEqual(run.latestStopCheck?.result);
    expect(terminal?.evidence).not.toBe(run.latestStopCheck?.result.evidence);
  });

  test('a different evaluator evaluates the whole raw trace once', async () => {
    const { session } = await sessionOf(['x', 'y']);
    const stopWhen = notDetected();
    let seen: readonly Turn[] = [];
    const evaluator = {
      evaluate: (context: { turns: readonly Turn[] }) => {
        seen = context.turns;
        return { outcome: EvalOutcome.DETECTED };
      },
    };
    const run = await runTrace({
      session,
      driver: new StaticDriver({ prompts: ['a', 'b'] }),
      maxTurns: 5,
      observabilityLevel: level,
      stopWhen,
    });
    const terminal = await evaluateTerminal({ evaluator, run });
    expect(terminal?.outcome).toBe('detected');
    expect(seen).toEqual(run.rawTurns);
    expect(seen.every((t) => t.evalResult === null)).toBe(true);
  });
});
