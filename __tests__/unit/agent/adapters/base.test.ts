/**
 * The shared base of framework adapters: request rendering, tool pairing,
 * declared side effects and watchers, the observability level, manifests
 * from schemas, planting modes and defineSurface.
 */
import { z } from 'zod';
import { z as z3 } from 'zod/v3';
import { ObservabilityLevel, createPayload, createRequest, createResponse } from '../../../../src';
import {
  type FrameworkBinding,
  type FrameworkTurn,
  checkPlantMode,
  defineSurface,
  frameworkAdapter,
  manifestFromTools,
  pairToolCalls,
  plantPayload,
  renderRequest,
  schemaParameters,
} from '../../../../src/adapters';

const payload = createPayload({ id: 'p-1', content: 'do evil' });

describe('renderRequest', () => {
  test('the prompt, then each attachment between markers', () => {
    expect(renderRequest(createRequest({ prompt: 'Sum up.', attachments: [payload] }))).toBe(
      'Sum up.\n\n[attached document: p-1]\ndo evil\n[end attachment]',
    );
  });
  test('a null prompt leaves the attachments alone', () => {
    expect(renderRequest(createRequest({ prompt: null, attachments: [payload] }))).toBe(
      '[attached document: p-1]\ndo evil\n[end attachment]',
    );
  });
});

describe('tool-call arguments', () => {
  test('a JSON string of an object is parsed', () => {
    const response = createResponse({
      text: '',
      toolCalls: [{ name: 'x', arguments: '{"to":"a"}' }],
    });
    expect(response.toolCalls[0]?.arguments).toEqual({ to: 'a' });
  });
  test.each([['[1]'], ['not json'], [42]])('%p is refused with the field named', (bad) => {
    expect(() =>
      createResponse({ text: '', toolCalls: [{ name: 'x', arguments: bad as string }] }),
    ).toThrow(
      `response.toolCalls[0].arguments must be a plain object or a JSON string of one, got ${typeof bad === 'string' ? `"${bad}"` : '42'}`,
    );
  });
});

describe('pairToolCalls', () => {
  test('by call id, whatever the order; by name and order without ids', () => {
    const paired = pairToolCalls(
      [
        { id: 'a', name: 'read', arguments: {} },
        { id: 'b', name: 'send', arguments: '{"to":"x"}' },
        { id: null, name: 'log', arguments: {} },
        { id: 'c', name: 'never', arguments: {} },
      ],
      [
        { id: 'b', output: { ok: true } },
        { id: null, name: 'log', output: 'logged' },
        { id: 'a', error: new Error('denied') },
      ],
    );
    expect(paired).toEqual([
      {
        id: 'a',
        name: 'read',
        arguments: {},
        output: undefined,
        failed: true,
        error: 'Error: denied',
      },
      {
        id: 'b',
        name: 'send',
        arguments: '{"to":"x"}',
        output: { ok: true },
        failed: false,
        error: null,
      },
      { id: null, name: 'log', arguments: {}, output: 'logged', failed: false, error: null },
      { id: 'c', name: 'never', arguments: {}, output: undefined, failed: false, error: null },
    ]);
  });
});

/** A binding that answers from a script and records the history it was given. */
function scripted(turns: FrameworkTurn[]) {
  const seen: string[][] = [];
  const binding: FrameworkBinding<string> = {
    framework: 'test',
    async runTurn({ history, text }) {
      seen.push([...history]);
      const turn = turns.shift();
      if (!turn) throw new Error('no turn scripted');
      return { turn, history: [...history, text, turn.text] };
    },
  };
  return { binding, seen };
}

const sendTurn: FrameworkTurn = {
  text: 'done',
  toolCalls: [
    { id: '1', name: 'send_email', arguments: '{"to":"m@evil.example"}' },
    { id: '2', name: 'send_email', arguments: { to: 'b@x.example' } },
    { id: '3', name: 'read', arguments: 'garbage' },
  ],
  toolOutcomes: [
    { id: '1', output: { sent: true } },
    { id: '2', error: new Error('smtp down') },
    { id: '3', output: 'ok' },
  ],
};

describe('frameworkAdapter', () => {
  test('a fresh history per session, kept across the turns of one', async () => {
    const { binding, seen } = scripted([
      { text: 'a', toolCalls: [], toolOutcomes: [] },
      { text: 'b', toolCalls: [], toolOutcomes: [] },
      { text: 'c', toolCalls: [], toolOutcomes: [] },
    ]);
    const adapter = frameworkAdapter(binding);
    const one = await adapter.createSession();
    await one.send(createRequest('first'));
    await one.send(createRequest('second'));
    await (await adapter.createSession()).send(createRequest('other'));
    expect(seen).toEqual([[], ['first', 'a'], []]);
  });

  test('declared side effects for successful calls only; failures in metadata; arguments parsed', async () => {
    const { binding } = scripted([sendTurn]);
    const adapter = frameworkAdapter(binding, {
      sideEffects: {
        send_email: 'email_sent',
        read: { kind: 'file_read', details: (c) => ({ out: c.output }) },
      },
    });
    expect(adapter.observabilityProfile).toBe(ObservabilityLevel.TOOL_AND_SIDE_EFFECTS);
    const response = createResponse(
      await (await adapter.createSession()).send(createRequest('go')),
    );
    expect(response.toolCalls.map((c) => [c.name, c.arguments, c.result])).toEqual([
      ['send_email', { to: 'm@evil.example' }, '{"sent":true}'],
      ['send_email', { to: 'b@x.example' }, 'Error: smtp down'],
      ['read', { unparsed: 'garbage' }, 'ok'],
    ]);
    expect(response.sideEffects).toEqual([
      { kind: 'email_sent', details: { to: 'm@evil.example' } },
      { kind: 'file_read', details: { out: 'ok' } },
    ]);
    expect(response.metadata).toEqual({
      framework: 'test',
      tool_errors: [{ tool: 'send_email', error: 'Error: smtp down' }],
    });
  });

  test('a watcher reports the difference around each turn', async () => {
    const world: string[] = [];
    const binding: FrameworkBinding<string> = {
      framework: 'test',
      async runTurn({ history }) {
        world.push('row');
        return { turn: { text: '', toolCalls: [], toolOutcomes: [] }, history };
      },
    };
    const adapter = frameworkAdapter(binding, {
      watch: {
        snapshot: () => world.length,
        diff: (before, after) =>
          Array.from({ length: (after as number) - (before as number) }, () => ({
            kind: 'row_written',
          })),
      },
    });
    expect(adapter.observabilityProfile).toBe(ObservabilityLevel.TOOL_AND_SIDE_EFFECTS);
    const response = await (await adapter.createSession()).send(createRequest('go'));
    expect(response.sideEffects).toEqual([{ kind: 'row_written' }]);
  });

  test('tool calls only when no side effect is declared', () => {
    expect(frameworkAdapter(scripted([]).binding).observabilityProfile).toBe(
      ObservabilityLevel.TOOL_ONLY,
    );
  });

  test('bad declarations are refused up front', () => {
    const { binding } = scripted([]);
    expect(() => frameworkAdapter(binding, { sideEffects: { send_email: '' } })).toThrow(
      'sideEffects.send_email must be a side-effect kind or { kind, details? }, got ""',
    );
    expect(() => frameworkAdapter(binding, { watch: {} as never })).toThrow(
      'watch must be a watcher with snapshot() and diff(), got {}',
    );
  });
});

describe('manifests from tool schemas', () => {
  test('zod 4 objects: JSON Schema type names, optional, descriptions, enums', () => {
    const schema = z.object({
      to: z.string().describe('recipient'),
      count: z.number().optional(),
      status: z.enum(['open', 'closed']),
      tags: z.array(z.string()).default([]),
    });
    expect(schemaParameters(schema)).toEqual({
      to: 'string — recipient',
      count: 'number, optional',
      status: 'one of "open", "closed"',
      tags: 'array, optional',
    });
  });

  test('zod 3 objects read the same', () => {
    const schema = z3.object({
      to: z3.string().describe('recipient'),
      count: z3.number().optional(),
      status: z3.enum(['open', 'closed']),
    });
    expect(schemaParameters(schema)).toEqual({
      to: 'string — recipient',
      count: 'number, optional',
      status: 'one of "open", "closed"',
    });
  });

  test('JSON Schema, also wrapped in jsonSchema', () => {
    const json = {
      type: 'object',
      properties: { to: { type: 'string', description: 'who' }, cc: { type: ['string', 'null'] } },
      required: ['to'],
    };
    const expected = { to: 'string — who', cc: 'string | null, optional' };
    expect(schemaParameters(json)).toEqual(expected);
    expect(schemaParameters({ jsonSchema: json })).toEqual(expected);
    expect(schemaParameters(undefined)).toEqual({});
    expect(schemaParameters({ nothing: true })).toEqual({});
  });

  test('manifestFromTools', () => {
    expect(
      manifestFromTools(
        [{ name: 'send', description: 'Sends', schema: z.object({ to: z.string() }) }],
        {
          name: 'bot',
          dataSources: [{ name: 'Inbox', writableByUntrusted: true }],
        },
      ),
    ).toEqual({
      name: 'bot',
      tools: [{ name: 'send', description: 'Sends', parameters: { to: 'string' } }],
      dataSources: [{ name: 'Inbox', writableByUntrusted: true }],
    });
  });
});

describe('plantPayload', () => {
  test.each([
    ['replace', 'old', 'NEW'],
    ['append', 'old', 'old\n\nNEW'],
    ['append', { a: 1 }, '{"a":1}\n\nNEW'],
  ] as const)('%s into %p', (mode, value, expected) => {
    expect(plantPayload(value, 'NEW', mode)).toBe(expected);
  });
  test('into a field: appended to a string, added to a list, set otherwise; JSON text stays text', () => {
    expect(plantPayload({ a: { b: 'x' } }, 'NEW', { field: 'a.b' })).toEqual({
      a: { b: 'x\n\nNEW' },
    });
    expect(plantPayload({ list: ['x'] }, 'NEW', { field: 'list' })).toEqual({ list: ['x', 'NEW'] });
    expect(plantPayload('{"n":1}', 'NEW', { field: 'm' })).toBe('{"n":1,"m":"NEW"}');
    expect(() => plantPayload('plain', 'NEW', { field: 'm' })).toThrow(
      'a tool output must be a JSON object to plant into field "m", got "plain"',
    );
  });
  test('modes are checked', () => {
    expect(() => checkPlantMode('prepend', 'mode')).toThrow(
      "mode must be 'replace', 'append' or { field: 'path.to.field' }, got \"prepend\"",
    );
  });
});

describe('defineSurface', () => {
  test('fills payloadId and surfaceName; activate may return the restore function', async () => {
    const planted: string[] = [];
    const surface = defineSurface('Inbox', {
      activate(p) {
        planted.push(p.content);
        return () => void planted.pop();
      },
    });
    const handle = surface.inject({ payload });
    expect([handle.payloadId, handle.surfaceName, handle.waitUntilReady]).toEqual([
      'p-1',
      'Inbox',
      undefined,
    ]);
    await handle.activate();
    expect(planted).toEqual(['do evil']);
    await handle.cleanup();
    await handle.cleanup();
    expect(planted).toEqual([]);
  });

  test('cleanup and waitUntilReady hooks receive the payload', async () => {
    const calls: string[] = [];
    const surface = defineSurface('Drive', {
      activate: (p) => void calls.push(`activate ${p.id}`),
      cleanup: (p) => void calls.push(`cleanup ${p.id}`),
      waitUntilReady: (p) => void calls.push(`ready ${p.id}`),
    });
    const handle = surface.inject({ payload });
    await handle.activate();
    await handle.waitUntilReady?.({ signal: new AbortController().signal });
    await handle.cleanup();
    expect(calls).toEqual(['activate p-1', 'ready p-1', 'cleanup p-1']);
    expect(() => defineSurface('X', {} as never)).toThrow(
      'defineSurface hooks must be an object with activate(payload), got {}',
    );
  });
});
