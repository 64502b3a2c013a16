import { EvalOutcome, ObservabilityLevel, Result, SafetyStatus } from '../../../src/index';
import { SchemaError, decodeResult, encodeResult } from '../../../src/trace';
import { encodeResultJson } from '../../../src/model/result-codec';

const full = new Result({
  status: SafetyStatus.UNSAFE,
  summary: 'Attack objective detected: sent email',
  observabilityLevel: ObservabilityLevel.TOOL_AND_SIDE_EFFECTS,
  harmCategory: 'custom-risk',
  strategy: 'xpia',
  durationSeconds: 1.5,
  injections: [{ payloadId: 'p-1', surfaceName: 'tickets' }],
  population: { id: 'abc', index: 1, size: 5, threshold: 0.8 },
  traceEndReason: 'driver_exhausted',
  terminalEvaluation: {
    outcome: EvalOutcome.DETECTED,
    confidence: 0.9,
    evidence: ['send_email'],
    rationale: 'r',
    undeterminedOperands: [],
  },
  metadata: { conversation_id: 'abc-123', nested: { n: 1 } },
  turns: [
    {
      request: {
        prompt: 'hi',
        attachments: [{ content: 'c', id: 'p-1', format: 'text', artifact: null, metadata: {} }],
      },
      response: {
        text: 'hello',
        toolCalls: [
          {
            name: 'send_email',
            arguments: { to: 'x@y.z' },
            result: null,
            timestamp: new Date('2026-01-01T00:00:00Z'),
          },
        ],
        sideEffects: [{ kind: 'email_sent', details: { to: 'x@y.z' } }],
        metadata: { m: 1 },
      },
      evalResult: {
        outcome: EvalOutcome.UNDETERMINED,
        confidence: 1,
        evidence: [],
        rationale: '',
        undeterminedOperands: ['gap'],
      },
      evalPurpose: 'stop_check',
      turnNumber: 0,
      timestamp: null,
      driverReasoning: 'because',
    },
  ],
});

describe('trace codec', () => {
  test('round-trips every field', () => {
    const decoded = decodeResult(JSON.parse(JSON.stringify(encodeResult(full))));
    expect(decoded).toEqual(full);
  });

  test('encodes snake_case with enum wire values', () => {
    const json = encodeResult(full);
    expect(Object.keys(json)).toEqual([
      'status',
      'summary',
      'observability_level',
      'terminal_evaluation',
      'turns',
      'trace_end_reason',
      'duration_seconds',
      'harm_category',
      'strategy',
      'injections',
      'population',
      'metadata',
    ]);
    expect(json.status).toBe('unsafe');
    expect(json.observability_level).toBe('tool_and_side_effects');
  });

  test('encoding never throws on hostile values and writes non-finite numbers as null', () => {
    const hostile = new Result({
      status: 'safe',
      summary: 'x',
      observabilityLevel: 'tool_only',
      metadata: { n: 1n },
    });
    hostile.durationSeconds = NaN;
    hostile.turns = [null as never, { request: null } as never];
    hostile.terminalEvaluation = {
      outcome: 'detected',
      confidence: Infinity,
      evidence: 'x' as never,
      rationale: 5 as never,
      undeterminedOperands: [],
    };
    const json = encodeResult(hostile);
    expect(json.duration_seconds).toBe(0);
    expect(json.metadata).toEqual({ n: '1' });
    expect((json.terminal_evaluation as Record<string, unknown>).confidence).toBeNull();
    expect(() => JSON.stringify(json)).not.toThrow();
  });

  test.each([
    [
      { status: 'fine' },
      'result.status must be one of safe, unsafe, undetermined, error, got "fine"',
    ],
    [{ summary: null }, 'result.summary must be a string, got null'],
    [{ observability_level: 'all' }, 'result.observability_level'],
    [{ turns: [{}] }, 'result.turns[0].request must be an object'],
    [
      { population: { id: '', index: 0, size: 1, threshold: 0 } },
      'result.population.id must be a non-empty string',
    ],
    [{ population: { id: 'p', index: 2, size: 2, threshold: 0 } }, 'result.population.index'],
    [{ harm_category: 5 }, 'result.harm_category must be a string or null, got 5'],
  ])('decoding rejects %p naming the field', (change, message) => {
    const json = { ...encodeResult(full), ...change };
    expect(() => decodeResult(json)).toThrow(SchemaError);
    expect(() => decodeResult(json)).toThrow(message);
  });

  test('decoding: missing confidence means 1.0, null means not a number', () => {
    const json = encodeResult(full) as Record<string, unknown>;
    json.terminal_evaluation = { outcome: 'detected' };
    expect(decodeResult(json).terminalEvaluation?.confidence).toBe(1);
    json.terminal_evaluation = { outcome: 'detected', confidence: null };
    expect(decodeResult(json).terminalEvaluation?.confidence).toBeNaN();
  });
});

describe('timestamps', () => {
  const withTimestamp = (timestamp: unknown) => {
    const json = encodeResult(full) as { turns: Array<Record<string, unknown>> };
    (json.turns[0] as Record<string, unknown>).timestamp = timestamp;
    return decodeResult(json).turns[0]?.timestamp;
  };

  test.each([
    ['2026-01-02T03:04:05Z', '2026-01-02T03:04:05.000Z'],
    ['2026-01-02T03:04:05.123456+00:00', '2026-01-02T03:04:05.123Z'],
    ['2026-01-02T05:04:05+02:00', '2026-01-02T03:04:05.000Z'],
    ['2026-01-02 03:04:05', '2026-01-02T03:04:05.000Z'],
    ['2026-01-02T03:04:05.5', '2026-01-02T03:04:05.500Z'],
    ['2026-01-02T03:04', '2026-01-02T03:04:00.000Z'],
  ])('%s (Python isoformat; naive means UTC) reads as %s', (text, iso) => {
    expect(withTimestamp(text)?.toISOString()).toBe(iso);
  });

  test.each(['yesterday', 'Jan 2 2026', '2026-01-02', '2026-13-02T00:00:00Z', 5])(
    'rejects %p',
    (text) => {
      expect(() => withTimestamp(text)).toThrow(
        /timestamp must be (an ISO 8601 timestamp|a string)/,
      );
    },
  );
});

describe('encodeResultJson', () => {
  const cyclic: Record<string, unknown> = { a: 1 };
  cyclic.self = cyclic;
  // Results as hostile tests hand them over: escapes, lone surrogates, odd numbers, cycles, wrong types.
  const odd: unknown[] = [
    full,
    new Result({
      status: SafetyStatus.SAFE,
      summary: 'quote " backslash \\ newline \n control \u0001 pair \ud83d\ude00 lone \ud800 end',
      observabilityLevel: ObservabilityLevel.RESPONSE_ONLY,
      harmCategory: 'line\u2028separator',
      durationSeconds: 1e21,
      metadata: { cyclic, fn: () => 1, big: 10n, minusZero: -0, inf: Infinity, skipped: undefined },
    }),
    {
      status: 'safe',
      summary: 'plain',
      observabilityLevel: 'response_only',
      durationSeconds: -0,
      population: 'not an object',
      turns: 'not a list',
      metadata: 5,
    },
  ];

  it.each(odd.map((result, i) => [i, result]))(
    'writes the text of JSON.stringify(encodeResult()) (case %i), with the same lossy keys',
    (_i, result) => {
      const expectedLossy = { keys: [] as string[] };
      const lossy = { keys: [] as string[] };
      const expected = JSON.stringify(encodeResult(result as Result, expectedLossy));
      expect(encodeResultJson(result as Result, lossy)).toBe(expected);
      expect(lossy.keys).toEqual(expectedLossy.keys);
    },
  );

  it('names the lossy metadata keys of a hostile Result', () => {
    const lossy = { keys: [] as string[] };
    encodeResultJson(odd[1] as Result, lossy);
    expect(lossy.keys).toEqual(['cyclic', 'fn']);
  });
});
