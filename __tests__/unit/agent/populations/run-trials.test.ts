import {
  Attacks,
  BaseExecution,
  EvalOutcome,
  ObservabilityLevel,
  PopulationResult,
  Result,
  ResultCollector,
  SafetyStatus,
  runTrials,
} from '../../../../src/index';
import {
  ResultCollectionHandler,
  clearDefaultHandlerFactory,
  executionLog,
  registerDefaultHandlerFactory,
  runWithCollector,
} from '../../../../src/integration';
import { ScriptedAdapter } from '../../../fakes/agent';
import { Fixed } from '../../../fakes/context';

const adapter = new ScriptedAdapter(ObservabilityLevel.TOOL_ONLY, [{ text: 'ok' }]);
const result = (status: SafetyStatus) =>
  new Result({ status, summary: status, observabilityLevel: ObservabilityLevel.TOOL_ONLY });
const population =
  (...statuses: SafetyStatus[]) =>
  (threshold: number) =>
    new PopulationResult({ results: statuses.map(result), threshold });
const { SAFE: S, UNSAFE: U, UNDETERMINED: D, ERROR: E } = SafetyStatus;

const originalWarn = executionLog.warn;
beforeEach(() => {
  executionLog.warn = () => {};
  clearDefaultHandlerFactory();
});
afterEach(() => {
  executionLog.warn = originalWarn;
  clearDefaultHandlerFactory();
});

describe('PopulationResult', () => {
  test.each([
    ['any ERROR wins', population(S, S, E), 0, E],
    ['pass rate at the threshold is SAFE', population(S, S, S, U), 0.75, S],
    ['tolerates some UNSAFE when the rate holds', population(S, U, S, S, S), 0.8, S],
    ['below the threshold with an UNSAFE trial', population(S, U), 0.8, U],
    ['below the threshold, only undetermined misses', population(S, D), 0.8, D],
    ['nothing executed', population(), 0, D],
    ['threshold 0 with no SAFE trial is still SAFE', population(U), 0, S],
  ])('%s', (_, build, threshold, status) => {
    const p = build(threshold);
    expect(p.status).toBe(status);
    expect(p.safe).toBe(status === S);
  });

  test('its options are validated', () => {
    expect(() => new PopulationResult({ results: [], threshold: 2 })).toThrow(
      'PopulationResult threshold must be a number in [0, 1], got 2',
    );
    expect(() => new PopulationResult({ results: 'x', threshold: 1 } as never)).toThrow(
      'PopulationResult results must be an array of Results, got "x"',
    );
  });

  test('counts, pass rate and the summary with Python-style percentages', () => {
    const p = population(S, S, S, S, S, S, S, S, U, D)(0.8);
    expect([p.safeCount, p.executedCount, p.passRate]).toEqual([8, 10, 0.8]);
    expect(p.summary).toBe('8/10 trials safe (80.0% pass rate, threshold: 80.0%); status: safe');
    expect(population(S, U, U)(1).summary).toBe(
      '1/3 trials safe (33.3% pass rate, threshold: 100.0%); status: unsafe',
    );
    // 0.0625 → 6.25% → "6.2%": round half to even on the binary value, as Python.
    expect(population(S)(0.0625).summary).toBe(
      '1/1 trials safe (100.0% pass rate, threshold: 6.2%); status: safe',
    );
    expect(population()(0.5).summary).toBe(
      '0/0 trials safe (0.0% pass rate, threshold: 50.0%); status: undetermined',
    );
  });
});

describe('runTrials', () => {
  test('n fresh executions, run in sequence, each stamped with the same population', async () => {
    const order: string[] = [];
    let made = 0;
    class Step extends BaseExecution<ScriptedAdapter> {
      readonly strategyName = 'step';
      constructor(private readonly index: number) {
        super();
      }
      protected async run(): Promise<Result> {
        order.push(`start ${this.index}`);
        await new Promise((resolve) => setImmediate(resolve));
        order.push(`end ${this.index}`);
        if (this.index === 1) throw new Error('flaky');
        return result(S);
      }
    }
    const p = await runTrials({
      executionFactory: () => new Step(made++),
      adapter,
      n: 3,
      threshold: 0.5,
    });
    expect(made).toBe(3);
    expect(order).toEqual(['start 0', 'end 0', 'start 1', 'end 1', 'start 2', 'end 2']);
    const refs = p.results.map((r) => r.population);
    expect(refs.map((r) => r?.index)).toEqual([0, 1, 2]);
    expect(new Set(refs.map((r) => r?.id)).size).toBe(1);
    expect(refs[0]?.id).toMatch(/^[0-9a-f]{32}$/);
    expect(refs.every((r) => r?.size === 3 && r?.threshold === 0.5)).toBe(true);
    expect(p.results[1]?.status).toBe('error');
    expect(p.status).toBe('error');
  });

  test('every trial is collected by the running test', async () => {
    registerDefaultHandlerFactory(() => [new ResultCollectionHandler()]);
    const collector = new ResultCollector();
    const p = await runWithCollector(collector, () =>
      runTrials({
        executionFactory: () =>
          Attacks.xpia({
            trigger: 'hi',
            evaluator: new Fixed({ outcome: EvalOutcome.NOT_DETECTED }),
          }),
        adapter,
        n: 4,
        threshold: 1,
      }),
    );
    expect(collector.results).toHaveLength(4);
    expect(collector.results).toEqual([...p.results]);
    expect(p.summary).toBe('4/4 trials safe (100.0% pass rate, threshold: 100.0%); status: safe');
  });

  test.each([
    [{ n: 0 }, 'runTrials n must be an integer >= 1, got 0'],
    [{ n: 2.5 }, 'runTrials n must be an integer >= 1, got 2.5'],
    [{ n: true }, 'runTrials n must be an integer >= 1, got true'],
    [{ threshold: 1.5 }, 'runTrials threshold must be a number in [0, 1], got 1.5'],
    [{ threshold: Number.NaN }, 'runTrials threshold must be a number in [0, 1], got NaN'],
    [
      { executionFactory: 'x' },
      'runTrials executionFactory must be a function returning an execution, got "x"',
    ],
    [
      { executionFactory: () => ({}) },
      'runTrials executionFactory() must return an execution (e.g. Attacks.xpia(...)), got {}',
    ],
  ])('rejects %p', async (bad, message) => {
    const options = {
      executionFactory: () =>
        Attacks.xpia({ trigger: 'x', evaluator: new Fixed({ outcome: EvalOutcome.DETECTED }) }),
      adapter,
      n: 1,
      threshold: 1,
      ...bad,
    };
    await expect(runTrials(options as never)).rejects.toThrow(message);
  });
});
