import {
  EvalContext,
  ObservabilityLevel,
  createPayload,
  createRequest,
  createResponse,
} from '../../../../src/index';

describe('createRequest', () => {
  test('a string is a prompt; an empty prompt still counts as a prompt', () => {
    expect(createRequest('hi')).toEqual({ prompt: 'hi', attachments: [] });
    expect(createRequest({ prompt: '' })).toEqual({ prompt: '', attachments: [] });
  });

  test('attachments alone are enough', () => {
    const payload = createPayload({ content: 'doc', id: 'd1' });
    expect(createRequest({ attachments: [payload] })).toEqual({
      prompt: null,
      attachments: [payload],
    });
  });

  test('neither prompt nor attachments is rejected', () => {
    expect(() => createRequest({})).toThrow(
      'request: Request must include at least a prompt or attachments.',
    );
    expect(() => createRequest({ prompt: null, attachments: [] }, 'trigger')).toThrow(
      'trigger: Request must include at least a prompt or attachments.',
    );
  });

  test('malformed fields name the argument', () => {
    expect(() => createRequest({ prompt: 3 } as never, 'trigger')).toThrow(
      'trigger.prompt must be a string or null, got 3',
    );
    expect(() => createRequest({ attachments: ['x'] } as never)).toThrow(
      /request.attachments\[0\] must be a Payload \(content, id, format; see createPayload\), got "x"/,
    );
    expect(() => createRequest(7 as never)).toThrow('request must be a string or a Request, got 7');
  });
});

describe('createResponse', () => {
  test('fills defaults and copies metadata', () => {
    const metadata = { id: 'r1' };
    const response = createResponse({ text: 'ok', metadata });
    expect(response).toEqual({
      text: 'ok',
      toolCalls: [],
      sideEffects: [],
      metadata: { id: 'r1' },
    });
    expect(response.metadata).not.toBe(metadata);
  });

  test('normalises tool calls: non-string results become JSON, missing ones null', () => {
    const at = new Date('2026-01-01T00:00:00Z');
    const response = createResponse({
      text: '',
      toolCalls: [
        { name: 'lookup', arguments: { q: 1 }, result: { rows: 2 }, timestamp: at },
        { name: 'noop' },
      ],
      sideEffects: [{ kind: 'http_request' }],
    });
    expect(response.toolCalls).toEqual([
      { name: 'lookup', arguments: { q: 1 }, result: '{"rows":2}', timestamp: at },
      { name: 'noop', arguments: {}, result: null, timestamp: null },
    ]);
    expect(response.sideEffects).toEqual([{ kind: 'http_request', details: {} }]);
  });

  test('malformed responses name the field', () => {
    expect(() => createResponse({} as never)).toThrow(
      'response.text must be a string, got undefined',
    );
    expect(() => createResponse({ text: '', toolCalls: [{}] } as never)).toThrow(
      'response.toolCalls[0] must be a tool call with a string name, got {}',
    );
    expect(() => createResponse({ text: '', sideEffects: {} } as never)).toThrow(
      'response.sideEffects must be an array, got {}',
    );
    expect(() =>
      createResponse({ text: '', toolCalls: [{ name: 'x', timestamp: 'now' }] } as never),
    ).toThrow('response.toolCalls[0].timestamp must be a Date or null, got "now"');
  });
});

describe('EvalContext', () => {
  test('requires an observability level', () => {
    expect(() => new EvalContext({ turns: [] } as never)).toThrow(
      'EvalContext observabilityLevel must be one of tool_and_side_effects, tool_only, response_only, got undefined',
    );
  });

  test('current turn, text and flattened observations', () => {
    const context = new EvalContext({
      observabilityLevel: ObservabilityLevel.TOOL_ONLY,
      turns: [0, 1].map((n) => ({
        request: createRequest(`p${n}`),
        response: createResponse({
          text: `t${n}`,
          toolCalls: [{ name: `tool${n}` }],
          sideEffects: [{ kind: `k${n}` }],
        }),
        evalResult: null,
        evalPurpose: null,
        turnNumber: n,
        timestamp: null,
        driverReasoning: '',
      })),
    });
    expect(context.currentTurn.turnNumber).toBe(1);
    expect(context.text).toBe('t1');
    expect(context.allToolCalls.map((c) => c.name)).toEqual(['tool0', 'tool1']);
    expect(context.allSideEffects.map((e) => e.kind)).toEqual(['k0', 'k1']);
    expect(context.manifest).toBeNull();
  });

  test('an empty context has no current turn', () => {
    const context = new EvalContext({
      turns: [],
      observabilityLevel: ObservabilityLevel.RESPONSE_ONLY,
    });
    expect(() => context.currentTurn).toThrow('No turns in context.');
    expect(context.allToolCalls).toEqual([]);
  });

  test('fromResponse builds a single-turn context', () => {
    const context = EvalContext.fromResponse({
      response: { text: 'hello' },
      prompt: 'hi',
      observabilityLevel: ObservabilityLevel.RESPONSE_ONLY,
    });
    expect(context.turns).toHaveLength(1);
    expect(context.currentTurn.request.prompt).toBe('hi');
    expect(context.text).toBe('hello');
  });
});
