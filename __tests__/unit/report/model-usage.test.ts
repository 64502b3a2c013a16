/** Run totals of model usage, folded over Results, and the summary's "Model usage" line. */
import { Result, SafetyStatus } from '../../../src/index';
import { TestRunReport } from '../../../src/report';
import {
  type ModelUsageTotals,
  addModelUsage,
  costAmount,
  modelUsageLine,
  modelUsageTotals,
} from '../../../src/model/model-usage';
import chalk from 'chalk';
import { renderSummary } from '../../../src/report/summary';

const result = (usage: unknown) =>
  new Result({
    status: SafetyStatus.SAFE,
    summary: 'ok',
    observabilityLevel: 'tool_only',
    metadata: { model_usage: usage },
  });

describe('model usage totals', () => {
  test('sums calls and tokens overall and per role; malformed entries are ignored', () => {
    const totals = modelUsageTotals([
      result({ judge: { calls: 2, input_tokens: 1000, output_tokens: 50 } }),
      result({
        judge: { calls: 1, input_tokens: 400, output_tokens: 20 },
        driver: { calls: 3, input_tokens: 900, output_tokens: 90 },
      }),
      result('not usage'),
      result({ judge: { calls: -4, input_tokens: 'many' }, __proto__: { calls: 9 } }),
      result(undefined),
    ]);
    expect(totals).toEqual({
      calls: 6,
      input_tokens: 2300,
      output_tokens: 160,
      by_role: {
        judge: { calls: 3, input_tokens: 1400, output_tokens: 70 },
        driver: { calls: 3, input_tokens: 900, output_tokens: 90 },
      },
      by_model: {},
    });
    expect(modelUsageTotals([result(undefined)])).toBeNull();
  });

  test('per model: summed over roles and Results; a role without by_model adds none', () => {
    const totals = modelUsageTotals([
      result({
        judge: {
          calls: 3,
          input_tokens: 300,
          output_tokens: 30,
          by_model: {
            'gpt-4o': { calls: 2, input_tokens: 200, output_tokens: 20 },
            small: { calls: 1, input_tokens: 100, output_tokens: 10 },
          },
        },
        driver: {
          calls: 1,
          input_tokens: 50,
          output_tokens: 5,
          by_model: { 'gpt-4o': { calls: 1, input_tokens: 50, output_tokens: 5 } },
        },
      }),
      result({ judge: { calls: 1, input_tokens: 7, output_tokens: 1 } }),
      result({ judge: { calls: 1, by_model: { bad: { calls: 'x' }, worse: null } } }),
    ]);
    expect(totals?.calls).toBe(6);
    expect(totals?.by_model).toEqual({
      'gpt-4o': { calls: 3, input_tokens: 250, output_tokens: 25 },
      small: { calls: 1, input_tokens: 100, output_tokens: 10 },
    });
  });

  test('a role named __proto__ is an ordinary key', () => {
    const totals: ModelUsageTotals = {
      calls: 0,
      input_tokens: 0,
      output_tokens: 0,
      by_role: {},
      by_model: {},
    };
    addModelUsage(
      totals,
      JSON.parse('{"__proto__":{"calls":1,"input_tokens":2,"output_tokens":3}}'),
    );
    expect(Object.getPrototypeOf(totals.by_role)).toBe(Object.prototype);
    expect(Object.keys(totals.by_role)).toEqual(['__proto__']);
  });

  test('the summary line, in the words of the docs', () => {
    expect(modelUsageLine({ calls: 1204, input_tokens: 2_300_000, output_tokens: 180_000 })).toBe(
      'Model usage: 1,204 calls, 2.3M input / 180k output tokens',
    );
    expect(modelUsageLine({ calls: 1, input_tokens: 950, output_tokens: 0 })).toBe(
      'Model usage: 1 call, 950 input / 0 output tokens',
    );
    expect(
      modelUsageLine({ calls: 1204, input_tokens: 2_300_000, output_tokens: 180_000 }, 4.1234),
    ).toBe(
      'Model usage: 1,204 calls, 2.3M input / 180k output tokens, about 4.12 at the given prices',
    );
    expect(costAmount(1234.5)).toBe('1,234.50');
    expect(costAmount(0)).toBe('0.00');
    expect(costAmount(0.004217)).toBe('0.0042');
  });

  test('the summary shows the line when the report has totals, and not otherwise', () => {
    const results = [result({ judge: { calls: 2, input_tokens: 10, output_tokens: 4 } })];
    const withUsage = new TestRunReport({
      results,
      metadata: { model_usage: modelUsageTotals(results) },
    });
    const options = { width: 80, chalk: new chalk.Instance({ level: 0 }) };
    expect([...renderSummary(withUsage, options)]).toContain(
      'Model usage: 2 calls, 10 input / 4 output tokens',
    );
    const without = new TestRunReport({ results });
    expect([...renderSummary(without, options)].join('\n')).not.toContain('Model usage');
    const priced = new TestRunReport({
      results,
      metadata: {
        model_usage: {
          ...modelUsageTotals(results),
          cost_estimate: { total: 0.5, prices: {}, unpriced_models: [] },
        },
      },
    });
    expect([...renderSummary(priced, options)]).toContain(
      'Model usage: 2 calls, 10 input / 4 output tokens, about 0.50 at the given prices',
    );
  });
});
