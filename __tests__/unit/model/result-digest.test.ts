import { ObservabilityLevel, Result, SafetyStatus } from '../../../src/index';
import { ResultDigest, digestOf } from '../../../src/model/result-digest';

const result = (
  status: SafetyStatus,
  harmCategory: string | null,
  metadata: Record<string, unknown> = {},
): Result =>
  new Result({
    status,
    summary: 's',
    observabilityLevel: ObservabilityLevel.RESPONSE_ONLY,
    harmCategory,
    metadata,
  });

/** Everything a digest reports, in plain values. */
const counts = (digest: ResultDigest) => ({
  count: digest.count,
  categories: [...digest.categories].map(([key, { statuses, utility }]) => [
    key,
    statuses,
    utility.result,
  ]),
  statuses: digest.statuses,
  utility: digest.utility(),
  coverage: digest.coverage(),
  usage: digest.modelUsage(),
  testNames: [...digest.testNames].map(([name, projects]) => [name, [...projects]]),
});

describe('ResultDigest', () => {
  // Tests without coverage, usage or project tags make none of those parts;
  // merged with tests that have them, the counts are those of all Results at once.
  const tests: Result[][] = [
    [result(SafetyStatus.SAFE, null), result(SafetyStatus.UNSAFE, 'jailbreak')],
    [
      result(SafetyStatus.UNSAFE, 'prompt_injection', {
        owasp_llm: ['LLM01'],
        model_usage: { target: { calls: 2, input_tokens: 10, output_tokens: 4 } },
        utility_under_attack: 'achieved',
        _jest_test_name: 'b',
        _jest_project: 'web',
      }),
    ],
    [],
    [
      result(SafetyStatus.ERROR, 'jailbreak', {
        atlas: ['AML.T0051'],
        _jest_test_name: 'b',
        _jest_project: 'api',
      }),
      result(SafetyStatus.SAFE, null),
    ],
  ];

  test('merged per test, it counts what one digest of every Result counts', () => {
    const merged = new ResultDigest();
    for (const results of tests) merged.merge(digestOf(results));
    const all = digestOf(tests.flat());
    expect(counts(merged)).toEqual(counts(all));
    expect(counts(merged)).toMatchObject({
      count: 5,
      statuses: { safe: 2, unsafe: 2, undetermined: 0, error: 1 },
      usage: { calls: 2, input_tokens: 10, output_tokens: 4 },
      testNames: [['b', ['web', 'api']]],
    });
    expect(merged.coverage()?.owasp_llm.exercised).toEqual([
      ['LLM01', { runs: 1, unsafe: 1, errors: 0 }],
    ]);
  });

  test('without coverage ids, model usage or project tags it reports none', () => {
    const digest = digestOf(tests[0] ?? []);
    expect(digest.coverage()).toBeNull();
    expect(digest.modelUsage()).toBeNull();
    expect(digest.utility()).toBeNull();
    expect([...digest.testNames]).toEqual([]);
    expect(digest.usage).toEqual({
      calls: 0,
      input_tokens: 0,
      output_tokens: 0,
      by_role: {},
      by_model: {},
    });
  });
});
