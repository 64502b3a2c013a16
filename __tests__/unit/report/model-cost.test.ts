/** Cost estimates from prices per model: the arithmetic, the option's checks, the merge. */
import { ObservabilityLevel, Result } from '../../../src/index';
import { TestRunReport } from '../../../src/report';
import { mergeReports } from '../../../src/report/merge';
import { checkModelPrices, costEstimate } from '../../../src/model/model-cost';
import { type ModelUsageTotals, modelUsageTotals } from '../../../src/model/model-usage';
import { resolveReporterOptions } from '../../../src/jest/reporter-options';

const totals: ModelUsageTotals = {
  calls: 12,
  input_tokens: 2_600_000,
  output_tokens: 190_000,
  by_role: { judge: { calls: 12, input_tokens: 2_600_000, output_tokens: 190_000 } },
  by_model: {
    'gpt-4o': { calls: 10, input_tokens: 2_300_000, output_tokens: 180_000 },
    local: { calls: 2, input_tokens: 300_000, output_tokens: 10_000 },
  },
};

describe('costEstimate', () => {
  test('sums tokens times the price per million over the priced models; lists the rest', () => {
    const estimate = costEstimate(totals, {
      'gpt-4o': { inputPerMillion: 2.5, outputPerMillion: 10 },
      unused: { inputPerMillion: 1, outputPerMillion: 1 },
    });
    // 2.3 * 2.5 + 0.18 * 10 = 5.75 + 1.8
    expect(estimate).toEqual({
      total: 7.55,
      prices: {
        'gpt-4o': { input_per_million: 2.5, output_per_million: 10 },
        unused: { input_per_million: 1, output_per_million: 1 },
      },
      unpriced_models: ['local'],
    });
  });

  test('float dust is rounded away; no priced model costs 0', () => {
    const tiny: ModelUsageTotals = {
      ...totals,
      by_model: { m: { calls: 3, input_tokens: 3, output_tokens: 0 } },
    };
    expect(costEstimate(tiny, { m: { inputPerMillion: 0.1, outputPerMillion: 0 } }).total).toBe(
      0, // 3 * 0.1 / 1e6 = 3e-7, below a millionth
    );
    expect(costEstimate(tiny, { m: { inputPerMillion: 100_000, outputPerMillion: 0 } }).total).toBe(
      0.3,
    );
    expect(costEstimate(tiny, {}).total).toBe(0);
  });
});

describe('the modelPrices reporter option', () => {
  const resolve = (modelPrices: unknown) =>
    resolveReporterOptions({ modelPrices }, '/tmp/project').modelPrices;

  test('given prices are kept; absent gives null', () => {
    expect(resolve({ 'gpt-4o': { inputPerMillion: 2.5, outputPerMillion: 10 } })).toEqual({
      'gpt-4o': { inputPerMillion: 2.5, outputPerMillion: 10 },
    });
    expect(resolveReporterOptions({}, '/tmp/project').modelPrices).toBeNull();
  });

  test.each([
    ['a string', 'cheap', 'rampart/reporter option "modelPrices" must be an object, got "cheap"'],
    [
      'a negative price',
      { 'gpt-4o': { inputPerMillion: -1, outputPerMillion: 10 } },
      'rampart/reporter option "modelPrices"["gpt-4o"].inputPerMillion must be a finite number >= 0, got -1',
    ],
    [
      'a missing price',
      { m: { inputPerMillion: 1 } },
      'rampart/reporter option "modelPrices".m.outputPerMillion must be a finite number >= 0, got undefined',
    ],
    [
      'an unknown key',
      { m: { inputPerMillion: 1, outputPerMillion: 1, currency: 'EUR' } },
      'rampart/reporter option "modelPrices".m.currency must be one of inputPerMillion, outputPerMillion, got "currency"',
    ],
    [
      'a price that is no object',
      { m: 3 },
      'rampart/reporter option "modelPrices".m must be an object, got 3',
    ],
  ])('%s is refused with the usual message', (_what, value, message) => {
    expect(() => resolve(value)).toThrow(message);
  });

  test('a model named __proto__ is an ordinary key', () => {
    const prices = checkModelPrices(
      JSON.parse('{"__proto__":{"inputPerMillion":1,"outputPerMillion":2}}'),
      'prices',
    );
    expect(Object.keys(prices)).toEqual(['__proto__']);
    expect(Object.getPrototypeOf(prices)).toBe(Object.prototype);
  });
});

describe('merge', () => {
  const usageResult = (testId: string, model: string, input: number) =>
    new Result({
      status: 'safe',
      summary: testId,
      observabilityLevel: ObservabilityLevel.TOOL_ONLY,
      metadata: {
        _jest_test_id: testId,
        _rampart_result_index: 0,
        _rampart_attempt: 1,
        model_usage: {
          judge: {
            calls: 1,
            input_tokens: input,
            output_tokens: 0,
            by_model: { [model]: { calls: 1, input_tokens: input, output_tokens: 0 } },
          },
        },
      },
    });
  const shard = (index: number, result: Result, inputPerMillion: number | null) => {
    const usage = modelUsageTotals([result]) as ModelUsageTotals;
    return {
      source: `${index}.json`,
      report: new TestRunReport({
        results: [result],
        metadata: {
          jest_version: '30.5.2',
          worker_count: 1,
          shard: { shard_index: index, shard_count: 2 },
          model_usage:
            inputPerMillion === null
              ? usage
              : {
                  ...usage,
                  cost_estimate: costEstimate(usage, {
                    a: { inputPerMillion, outputPerMillion: 0 },
                    b: { inputPerMillion, outputPerMillion: 0 },
                  }),
                },
        },
      }),
    };
  };

  test('shards priced alike: the estimate is recomputed over the merged totals', () => {
    const merged = mergeReports([
      shard(1, usageResult('a::t', 'a', 1_000_000), 2),
      shard(2, usageResult('b::t', 'b', 500_000), 2),
    ]);
    expect(merged.metadata.model_usage).toMatchObject({
      calls: 2,
      by_model: { a: { calls: 1 }, b: { calls: 1 } },
      cost_estimate: { total: 3, unpriced_models: [] },
    });
  });

  test('shards priced differently, or one unpriced: the merged report has no estimate', () => {
    for (const second of [3, null]) {
      const merged = mergeReports([
        shard(1, usageResult('a::t', 'a', 1_000_000), 2),
        shard(2, usageResult('b::t', 'b', 500_000), second),
      ]);
      const usage = merged.metadata.model_usage as Record<string, unknown>;
      expect(usage.calls).toBe(2);
      expect(usage).not.toHaveProperty('cost_estimate');
    }
  });
});
