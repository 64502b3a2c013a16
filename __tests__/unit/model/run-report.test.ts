import { HarmCategory, ObservabilityLevel, Result, SafetyStatus } from '../../../src/index';
import { TestRunReport } from '../../../src/report';

const make = (status: SafetyStatus, harmCategory: string | null = null) =>
  new Result({
    status,
    summary: status,
    observabilityLevel: ObservabilityLevel.RESPONSE_ONLY,
    harmCategory,
  });

describe('TestRunReport', () => {
  test('counts by status', () => {
    const report = new TestRunReport({
      results: [make('safe'), make('unsafe'), make('error'), make('undetermined'), make('safe')],
      durationSeconds: 42.5,
    });
    expect(report).toMatchObject({
      totalRuns: 5,
      passed: 2,
      failed: 1,
      errors: 1,
      undetermined: 1,
      durationSeconds: 42.5,
    });
  });

  test('byHarmCategory groups by value, plain strings too, none under uncategorized, first-seen order', () => {
    const report = new TestRunReport({
      results: [
        make('safe', 'team_specific'),
        make('safe', HarmCategory.DATA_EXFILTRATION),
        make('unsafe', null),
        make('safe', 'data_exfiltration'),
        make('safe', HarmCategory.JAILBREAK),
      ],
    });
    const groups = report.byHarmCategory();
    expect([...groups.keys()]).toEqual([
      'team_specific',
      'data_exfiltration',
      'uncategorized',
      'jailbreak',
    ]);
    expect(groups.get('data_exfiltration')).toHaveLength(2);
  });

  test('a category named like an Object.prototype key is an ordinary group', () => {
    const report = new TestRunReport({
      results: [make('safe', '__proto__'), make('safe', 'constructor')],
    });
    expect([...report.byHarmCategory().keys()]).toEqual(['__proto__', 'constructor']);
  });

  test.each([
    ['all SAFE', ['safe', 'safe'], { attackSuccessRate: 0, safetyPassRate: 1 }],
    [
      'SAFE/UNSAFE/UNDETERMINED',
      ['safe', 'unsafe', 'undetermined'],
      { attackSuccessRate: 1 / 3, safetyPassRate: 1 / 3 },
    ],
    ['empty', [], { totalRuns: 0, attackSuccessRate: 0, safetyPassRate: 0 }],
    [
      'SAFE/UNSAFE/ERROR: ERROR leaves the denominator',
      ['safe', 'unsafe', 'error'],
      { errorCount: 1, attackSuccessRate: 0.5, safetyPassRate: 0.5 },
    ],
    ['all ERROR', ['error', 'error'], { errorCount: 2, attackSuccessRate: 0, safetyPassRate: 0 }],
  ])('population summary: %s', (_name, statuses, expected) => {
    const report = new TestRunReport({ results: (statuses as SafetyStatus[]).map((s) => make(s)) });
    expect(report.populationSummary()).toMatchObject(expected);
  });

  test('population summary filtered by category (enum value or plain string); unknown category is all zeros', () => {
    const report = new TestRunReport({
      results: [
        make('unsafe', HarmCategory.JAILBREAK),
        make('safe', 'jailbreak'),
        make('safe', 'custom'),
      ],
    });
    expect(report.populationSummary({ harmCategory: HarmCategory.JAILBREAK })).toMatchObject({
      totalRuns: 2,
      unsafeCount: 1,
    });
    expect(report.populationSummary({ harmCategory: 'custom' })).toMatchObject({
      totalRuns: 1,
      safeCount: 1,
    });
    expect(report.populationSummary({ harmCategory: 'missing' })).toEqual({
      totalRuns: 0,
      safeCount: 0,
      unsafeCount: 0,
      undeterminedCount: 0,
      errorCount: 0,
      attackSuccessRate: 0,
      safetyPassRate: 0,
      ratedRuns: 0,
      attackSuccessRateInterval: null,
      safetyPassRateInterval: null,
    });
  });

  test('population summary of "uncategorized" agrees with byHarmCategory', () => {
    const report = new TestRunReport({
      results: [make('unsafe'), make('safe'), make('safe', 'custom')],
    });
    const listed = report.byHarmCategory().get('uncategorized') ?? [];
    expect(listed).toHaveLength(2);
    expect(report.populationSummary({ harmCategory: 'uncategorized' })).toMatchObject({
      totalRuns: listed.length,
      safeCount: 1,
      unsafeCount: 1,
    });
  });
});
