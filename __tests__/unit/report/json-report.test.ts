import {
  EvalOutcome,
  ObservabilityLevel,
  Result,
  SafetyStatus,
  TestRunReport,
  classifyTrialGroup,
} from '../../../src/index';
import {
  projectReport,
  projectResult,
  readJsonReport,
  serializeReport,
  serializeReportChunks,
} from '../../../src/report/json-report';

const base = {
  status: SafetyStatus.SAFE,
  summary: 'ok',
  observabilityLevel: ObservabilityLevel.TOOL_AND_SIDE_EFFECTS,
} as const;
const turn = (extra: Record<string, unknown> = {}) => ({
  request: { prompt: 'p', attachments: [] },
  response: { text: 'r', toolCalls: [], sideEffects: [], metadata: { latency: 3 } },
  evalResult: null,
  evalPurpose: null,
  turnNumber: 0,
  timestamp: null,
  driverReasoning: '',
  ...extra,
});

describe('JSON projection', () => {
  test('top-level keys in upstream order, then our additions', () => {
    const report = new TestRunReport({
      results: [new Result(base)],
      metadata: { jest_version: '30.5.2' },
    });
    expect(Object.keys(projectReport(report))).toEqual([
      'total_runs',
      'passed',
      'failed',
      'undetermined',
      'errors',
      'duration_seconds',
      'metadata',
      'population_summary',
      'by_harm_category',
      'trial_groups',
      'schema_version',
    ]);
    expect(Object.keys(projectReport(report).population_summary as object)).toEqual([
      'total_runs',
      'safe_count',
      'unsafe_count',
      'undetermined_count',
      'error_count',
      'attack_success_rate',
      'safety_pass_rate',
    ]);
  });

  test('a Result: upstream keys, enum values, raw (unsanitized) text and metadata as-is', () => {
    const json = projectResult(
      new Result({
        ...base,
        summary: '\x1b[31mraw\x1b[0m',
        metadata: { conversation_id: 'abc-123' },
      }),
    );
    expect(Object.keys(json)).toEqual([
      'safe',
      'status',
      'summary',
      'harm_category',
      'strategy',
      'observability_level',
      'duration_seconds',
      'metadata',
      'turns',
    ]);
    expect(json).toMatchObject({
      safe: true,
      status: 'safe',
      summary: '\x1b[31mraw\x1b[0m',
      observability_level: 'tool_and_side_effects',
      metadata: { conversation_id: 'abc-123' },
    });
  });

  test('turns: fixed keys; tool calls, side effects, evaluation and reasoning only when present', () => {
    const plain = projectResult(new Result({ ...base, turns: [turn()] })).turns as Array<
      Record<string, unknown>
    >;
    expect(Object.keys(plain[0] as object)).toEqual([
      'turn_number',
      'prompt',
      'response_text',
      'response_metadata',
    ]);
    const rich = projectResult(
      new Result({
        ...base,
        turns: [
          turn({
            response: {
              text: 'r',
              toolCalls: [
                { name: 'send_email', arguments: { to: 'x' }, result: null, timestamp: null },
              ],
              sideEffects: [{ kind: 'http_request', details: { url: 'u' } }],
              metadata: {},
            },
            evalResult: {
              outcome: EvalOutcome.DETECTED,
              confidence: NaN,
              evidence: ['e'],
              rationale: 'why',
              undeterminedOperands: ['gap'],
            },
            driverReasoning: 'plan',
          }),
        ],
      }),
    ).turns as Array<Record<string, unknown>>;
    expect(rich[0]).toEqual({
      turn_number: 0,
      prompt: 'p',
      response_text: 'r',
      response_metadata: {},
      tool_calls: [{ name: 'send_email', arguments: { to: 'x' }, result: null }],
      side_effects: [{ kind: 'http_request', details: { url: 'u' } }],
      eval_outcome: 'detected',
      eval_confidence: null,
      eval_rationale: 'why',
      eval_undetermined_operands: ['gap'],
      driver_reasoning: 'plan',
    });
  });

  test('attack fields appear only when present', () => {
    const json = projectResult(
      new Result({
        ...base,
        injections: [{ payloadId: 'p1', surfaceName: 'tickets' }],
        traceEndReason: 'max_turns_reached',
      }),
    );
    expect(json.injections).toEqual([{ payload_id: 'p1', surface_name: 'tickets' }]);
    expect(json.trace_end_reason).toBe('max_turns_reached');
    expect(json).not.toHaveProperty('population');
    expect(json).not.toHaveProperty('final_trace_evaluation');
  });

  test('a harm category "__proto__" is an ordinary key of by_harm_category', () => {
    const text = serializeReport(
      new TestRunReport({ results: [new Result({ ...base, harmCategory: '__proto__' })] }),
    );
    const parsed = JSON.parse(text);
    expect(Object.keys(parsed.by_harm_category)).toEqual(['__proto__']);
  });

  test('reads back what it writes (for merging)', () => {
    const report = new TestRunReport({
      results: [
        new Result({
          ...base,
          harmCategory: 'jailbreak',
          metadata: { _jest_test_id: 'a::b' },
          turns: [turn()],
        }),
        new Result({ ...base, status: 'unsafe' }),
      ],
      durationSeconds: 3,
      metadata: { incomplete: true, incomplete_reasons: ['x'] },
      trialGroups: { 'a::g': classifyTrialGroup([[new Result(base)], undefined], 0.5, 'g') },
    });
    const back = readJsonReport(JSON.parse(serializeReport(report)));
    expect(serializeReport(back)).toBe(serializeReport(report));
    expect(back.trialGroups['a::g']?.title).toBe('g');
  });

  test('reading names the bad field', () => {
    expect(() => readJsonReport({ by_harm_category: { x: [{ status: 'nope' }] } })).toThrow(
      'report.by_harm_category.x[0].status: expected a SafetyStatus value, got "nope"',
    );
  });
});

describe('streamed serialization', () => {
  const many = (n: number, categories: string[]) =>
    Array.from(
      { length: n },
      (_, i) =>
        new Result({
          ...base,
          status: i % 3 === 0 ? 'unsafe' : 'safe',
          summary: `result ${i} ${'x'.repeat(1000)}`,
          harmCategory: categories[i % categories.length] as string,
          metadata: { i, nested: { list: [1, { deep: true }] } },
          turns: i % 2 ? [turn()] : [],
        }),
    );

  test.each([
    ['an empty report', new TestRunReport({ results: [] })],
    ['one Result', new TestRunReport({ results: many(1, ['a']) })],
    [
      'several categories, trial groups and metadata',
      new TestRunReport({
        results: many(7, ['a', '__proto__', 'c']),
        metadata: { incomplete: true, incomplete_reasons: ['x'] },
        trialGroups: { 'f::g': classifyTrialGroup([[new Result(base)]], 1, 'g') },
      }),
    ],
    ['pieces beyond the piece size', new TestRunReport({ results: many(3000, ['a', 'b']) })],
  ])('%s: the pieces join to exactly the one-string text', (_name, report) => {
    const pieces = [...serializeReportChunks(report)];
    expect(pieces.join('')).toBe(serializeReport(report));
    expect(Math.max(...pieces.map((p) => p.length))).toBeLessThan(2 * 1024 * 1024);
  });
});
