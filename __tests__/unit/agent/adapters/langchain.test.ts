/**
 * `rampart/langchain`'s mapping over LangChain-shaped objects (the adapter
 * reads them structurally; the end-to-end test runs real LangChain): tool
 * calls paired with tool messages, errors, text blocks, a thread per
 * session, the manifest, argument checks, and the surfaces putting the
 * tools back.
 */
import { createPayload, createRequest } from '../../../../src';
import {
  langchainAdapter,
  toolDescriptionSurface,
  toolOutputSurface,
} from '../../../../src/langchain';

type Message = Record<string, unknown>;

/** A graph that answers each turn with `script(messages)` appended to what it was given. */
function graph(script: (messages: Message[]) => Message[]) {
  const configs: Array<Record<string, unknown>> = [];
  const inputs: Message[][] = [];
  return {
    configs,
    inputs,
    async invoke(input: { messages: never[] }, config?: never) {
      const messages = input.messages as Message[];
      inputs.push(messages);
      configs.push(config as unknown as Record<string, unknown>);
      return { messages: [...messages, ...script(messages)] };
    },
  };
}

const turn = (): Message[] => [
  {
    type: 'ai',
    content: '',
    tool_calls: [
      { id: 'c1', name: 'lookup', args: { q: 'printer' } },
      { id: 'c2', name: 'send', args: { to: 'x@y.example' } },
    ],
  },
  { type: 'tool', tool_call_id: 'c2', name: 'send', content: 'Error: SMTP down', status: 'error' },
  { type: 'tool', tool_call_id: 'c1', name: 'lookup', content: 'found', status: 'success' },
  {
    type: 'ai',
    content: [
      { type: 'text', text: 'Done' },
      { type: 'text', text: '.' },
    ],
  },
];

class FakeTool {
  constructor(
    public name: string,
    public description: string,
    public responseFormat = 'content',
  ) {}
  schema = { type: 'object', properties: { q: { type: 'string', description: 'query' } } };
  async _call(input: unknown): Promise<unknown> {
    return this.responseFormat === 'content_and_artifact'
      ? ['text', { raw: input }]
      : JSON.stringify({ hits: ['a'] });
  }
}

test('tool calls paired with tool messages, errors, the last text, a thread per session', async () => {
  const agent = graph(turn);
  const tools = [new FakeTool('lookup', 'Looks things up')];
  const adapter = langchainAdapter(agent, { tools, config: { recursionLimit: 5 } });
  expect(adapter.observabilityProfile).toBe('tool_only');
  expect(adapter.manifest).toEqual({
    name: 'LangChain agent',
    tools: [{ name: 'lookup', description: 'Looks things up', parameters: expect.any(Object) }],
  });
  const session = await adapter.createSession();
  const response = await session.send(createRequest('Find it.'));
  expect(response.text).toBe('Done.');
  expect(response.toolCalls).toEqual([
    { name: 'lookup', arguments: { q: 'printer' }, result: 'found' },
    { name: 'send', arguments: { to: 'x@y.example' }, result: 'Error: SMTP down' },
  ]);
  expect(response.metadata).toEqual({
    framework: 'langchain',
    tool_errors: [{ tool: 'send', error: 'Error: SMTP down' }],
  });
  await session.send(createRequest('Again.'));
  await (await adapter.createSession()).send(createRequest('Other.'));
  // The second turn carries the first one; another session starts empty, on a thread of its own.
  expect(agent.inputs.map((m) => m.length)).toEqual([1, 6, 1]);
  expect(agent.inputs[1]?.[0]).toEqual({ role: 'user', content: 'Find it.' });
  const threads = agent.configs.map((c) => (c.configurable as { thread_id: string }).thread_id);
  expect(threads[0]).toBe(threads[1]);
  expect(threads[2]).not.toBe(threads[0]);
  expect(agent.configs[0]?.recursionLimit).toBe(5);
});

test('the function form; a plain { role } history; a declared side effect', async () => {
  const adapter = langchainAdapter(
    async ({ messages }) => ({
      messages: [
        ...messages,
        {
          role: 'assistant',
          content: 'ok',
          tool_calls: [{ id: 'a', name: 'send', args: '{"to":"z"}' }],
        },
        { role: 'tool', tool_call_id: 'a', content: 'sent' },
      ],
    }),
    { sideEffects: { send: 'email_sent' } },
  );
  expect(adapter.observabilityProfile).toBe('tool_and_side_effects');
  const response = await (await adapter.createSession()).send(createRequest('Send.'));
  expect(response.toolCalls).toEqual([{ name: 'send', arguments: { to: 'z' }, result: 'sent' }]);
  expect(response.sideEffects).toEqual([{ kind: 'email_sent', details: { to: 'z' } }]);
});

test('a bad agent, options or state are named with the value', async () => {
  expect(() => langchainAdapter({} as never)).toThrow(
    'agent must be a LangChain agent or LangGraph graph (invoke()) or a function that runs one, got {}',
  );
  expect(() => langchainAdapter(graph(turn), { tools: {} as never })).toThrow(
    'tools must be an array of LangChain tools, got {}',
  );
  const adapter = langchainAdapter(async () => ({ text: 'hi' }) as never);
  await expect((await adapter.createSession()).send(createRequest('x'))).rejects.toThrow(
    'the LangChain agent must return a state with messages, got { text: "hi" }',
  );
});

test('the output surface wraps _call on the instance and removes the wrapper on cleanup', async () => {
  const lookup = new FakeTool('lookup', 'Looks things up');
  const handle = toolOutputSurface([lookup], 'lookup', { mode: { field: 'hits' } }).inject({
    payload: createPayload({ id: 'p', content: 'PLANTED' }),
  });
  expect([handle.payloadId, handle.surfaceName]).toEqual(['p', 'ToolOutput:lookup']);
  await handle.activate();
  expect(await lookup._call({})).toBe('{"hits":["a","PLANTED"]}');
  await handle.cleanup();
  expect(Object.prototype.hasOwnProperty.call(lookup, '_call')).toBe(false);
  expect(await lookup._call({})).toBe('{"hits":["a"]}');

  const artifact = new FakeTool('files', 'Files', 'content_and_artifact');
  const planted = toolOutputSurface([artifact], 'files').inject({
    payload: createPayload({ id: 'q', content: 'PLANTED' }),
  });
  await planted.activate();
  expect(await artifact._call(1)).toEqual(['text\n\nPLANTED', { raw: 1 }]);
  await planted.cleanup();
});

test('the description surface, and a tool that is not there', async () => {
  const send = new FakeTool('send', 'Sends');
  const handle = toolDescriptionSurface([send], 'send', { mode: 'replace' }).inject({
    payload: createPayload({ id: 'p', content: 'PLANTED' }),
  });
  await handle.activate();
  expect(send.description).toBe('PLANTED');
  await handle.cleanup();
  expect(send.description).toBe('Sends');
  expect(() => toolOutputSurface([send], 'nope')).toThrow(
    'toolOutputSurface tool must be one of send, got "nope"',
  );
  expect(() => toolDescriptionSurface([send], 'send', { mode: 'prepend' as never })).toThrow(
    "toolDescriptionSurface mode must be 'replace' or 'append', got \"prepend\"",
  );
});
