/** Run totals of model usage, folded over Results, and the summary's "Model usage" line. */
import { Result, SafetyStatus } from '../../../src/index';
import { TestRunReport } from '../../../src/report';
import {
  type ModelUsageTotals,
  addModelUsage,
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
    });
    expect(modelUsageTotals([result(undefined)])).toBeNull();
  });

  test('a role named __proto__ is an ordinary key', () => {
    const totals: ModelUsageTotals = { calls: 0, input_tokens: 0, output_tokens: 0, by_role: {} };
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
  });

  test('the summary shows the line when the report has totals, and not otherwise', () => {
    const results = [result({ judge: { calls: 2, input_tokens: 10, output_tokens: 4 } })];
    const withUsage = new TestRunReport({
      results,
      metadata: { model_usage: modelUsageTotals(results) },
    });
    const options = { width: 80, chalk: new chalk.Instance({ level: 0 }) };
    expect(renderSummary(withUsage, options)).toContain(
      'Model usage: 2 calls, 10 input / 4 output tokens',
    );
    const without = new TestRunReport({ results });
    expect(renderSummary(without, options).join('\n')).not.toContain('Model usage');
  });
});
