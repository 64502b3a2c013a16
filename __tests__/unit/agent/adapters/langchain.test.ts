/**
 * `rampart/langchain`'s mapping over LangChain-shaped objects (the adapter
 * reads them structurally; the end-to-end test runs real LangChain 0.3 and
 * 1): tool calls paired with tool messages, errors, text blocks, serialized
 * messages, a thread per session, the tool loop around a chat model, the
 * manifest, argument checks, and the surfaces putting the tools back.
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
  /** As LangChain's tools do: given a whole tool call, the ToolMessage that answers it. */
  async invoke(call: { id: string; args: unknown }): Promise<Message> {
    const content = await this._call(call.args);
    return { type: 'tool', content, tool_call_id: call.id, name: this.name, status: 'success' };
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
    'agent must be a LangChain agent, LangGraph graph or chat model (invoke()) or a function that runs one, got {}',
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

test('messages serialized by LangChain (lc, kwargs) read as the live ones', async () => {
  const serialized = (className: string, kwargs: Message) => ({
    lc: 1,
    type: 'constructor',
    id: ['langchain_core', 'messages', className],
    kwargs,
  });
  const adapter = langchainAdapter(async ({ messages }) => ({
    messages: [
      ...messages,
      serialized('AIMessageChunk', {
        content: '',
        tool_calls: [{ id: 'c1', name: 'lookup', args: { q: 'a' }, type: 'tool_call' }],
      }),
      serialized('ToolMessage', { content: 'found', tool_call_id: 'c1', name: 'lookup' }),
      serialized('AIMessage', { content: 'Found it.' }),
    ],
  }));
  const response = await (await adapter.createSession()).send(createRequest('Find it.'));
  expect(response.text).toBe('Found it.');
  expect(response.toolCalls).toEqual([{ name: 'lookup', arguments: { q: 'a' }, result: 'found' }]);
});

/** A chat model as LangChain's are to the adapter: `_modelType()`, `bindTools`, `invoke(messages)`. */
function chatModel(script: (messages: Message[], step: number) => Message) {
  const bound: string[][] = [];
  const seen: Message[][] = [];
  const model = {
    bound,
    seen,
    _modelType: () => 'base_chat_model',
    bindTools(tools: Array<{ name: string; description: string }>) {
      bound.push(tools.map((t) => `${t.name}: ${t.description}`));
      return { bound: model, invoke: (messages: Message[]) => model.invoke(messages) };
    },
    async invoke(messages: Message[]): Promise<Message> {
      seen.push([...messages]);
      return script(messages, seen.length);
    },
  };
  return model;
}

const callTool = (id: string, name: string, args: Message): Message => ({
  type: 'ai',
  content: '',
  tool_calls: [{ id, name, args, type: 'tool_call' }],
});

test('a chat model with tools: the adapter runs the tools it calls and hands their messages back', async () => {
  const model = chatModel((messages, step) =>
    step === 1
      ? callTool('c1', 'lookup', { q: 'printer' })
      : step === 2
        ? callTool('c2', 'send', { to: 'x@y.example' })
        : step === 3
          ? callTool('c3', 'nowhere', {})
          : { type: 'ai', content: `Done after ${messages.length} messages.` },
  );
  const lookup = new FakeTool('lookup', 'Looks things up');
  const send = new FakeTool('send', 'Sends');
  send.invoke = async () => {
    throw new Error('SMTP down');
  };
  const adapter = langchainAdapter(model, {
    tools: [lookup, send],
    sideEffects: { send: 'email_sent', lookup: 'looked_up' },
  });
  const session = await adapter.createSession();
  const response = await session.send(createRequest('Find it.'));
  expect(response.text).toBe('Done after 7 messages.');
  expect(response.toolCalls).toEqual([
    { name: 'lookup', arguments: { q: 'printer' }, result: '{"hits":["a"]}' },
    { name: 'send', arguments: { to: 'x@y.example' }, result: 'Error: SMTP down' },
    {
      name: 'nowhere',
      arguments: {},
      result: 'Error: tool "nowhere" is not one of the tools given to the adapter',
    },
  ]);
  // A failed call has no side effect; the model read the tools' messages, errors included.
  expect(response.sideEffects).toEqual([{ kind: 'looked_up', details: { q: 'printer' } }]);
  expect(model.seen[2]?.[4]).toEqual(
    expect.objectContaining({ tool_call_id: 'c2', status: 'error', content: 'Error: SMTP down' }),
  );
  // Bound to the tools on every model call (a planted description reaches it), the history kept.
  expect(model.bound).toEqual([['lookup: Looks things up', 'send: Sends']]);
  await session.send(createRequest('Again.'));
  expect(model.bound).toHaveLength(2);
  expect(model.seen[4]?.[0]).toEqual({ role: 'user', content: 'Find it.' });
  expect(model.seen[4]).toHaveLength(9);
});

test('a chat model already bound to its tools; a model that never stops calling them', async () => {
  const model = chatModel(() => callTool('c', 'lookup', {}));
  const bound = { bound: model, invoke: (messages: Message[]) => model.invoke(messages) };
  const adapter = langchainAdapter(bound, { tools: [new FakeTool('lookup', 'L')], maxSteps: 3 });
  await expect((await adapter.createSession()).send(createRequest('Loop.'))).rejects.toThrow(
    'the LangChain chat model still called tools after maxSteps (3) model calls in one turn; raise maxSteps if the agent needs more',
  );
  expect(model.seen).toHaveLength(3);
  expect(model.bound).toEqual([]);
});

test('a chat model needs its tools; maxSteps is for a chat model only', () => {
  const model = chatModel(() => ({ type: 'ai', content: 'hi' }));
  expect(() => langchainAdapter(model)).toThrow(
    "tools must be the chat model's tools (a non-empty array of LangChain tools) for the adapter to run them, got undefined",
  );
  expect(() => langchainAdapter(model, { tools: [new FakeTool('a', 'A')], maxSteps: 0 })).toThrow(
    'maxSteps must be an integer >= 1, got 0',
  );
  expect(() => langchainAdapter(graph(turn), { maxSteps: 3 })).toThrow(
    "maxSteps must be left out but for a chat model (a graph's config.recursionLimit bounds it), got 3",
  );
});
