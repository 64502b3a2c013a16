/**
 * `rampart/openai-agents`' mapping over RunResult-shaped objects (the
 * adapter reads them structurally; the end-to-end test runs the real SDK):
 * function calls with JSON-text arguments paired with their outputs, a
 * tool that threw (the SDK's error message) as a failed call, the final output, the history as the next input, the manifest, argument
 * checks, and the surfaces putting the tools back.
 */
import { createPayload, createRequest } from '../../../../src';
import {
  openAiAgentsAdapter,
  toolDescriptionSurface,
  toolOutputSurface,
} from '../../../../src/openai-agents';

const items = [
  {
    type: 'tool_call_item',
    rawItem: { type: 'function_call', name: 'lookup', callId: 'c1', arguments: '{"q":"printer"}' },
  },
  {
    type: 'tool_call_output_item',
    rawItem: { type: 'function_call_result', name: 'lookup', callId: 'c1' },
    output: { hits: 1 },
  },
  { type: 'message_output_item', rawItem: { type: 'message' } },
];

const lookupTool = () => ({
  type: 'function',
  name: 'lookup',
  description: 'Looks things up',
  parameters: { type: 'object', properties: { q: { type: 'string' } }, required: ['q'] },
  invoke: async () => '{"hits":["a"]}',
});

test('an Agent through run: calls paired with outputs, the final output, history as the next input', async () => {
  const inputs: unknown[][] = [];
  const agent = { name: 'helpdesk', tools: [lookupTool()] };
  const run = async (runAgent: never, input: never[]) => {
    expect(runAgent).toBe(agent);
    inputs.push(input);
    return {
      newItems: items,
      history: [...input, { role: 'assistant', content: 'x' }],
      finalOutput: { answer: 42 },
    };
  };
  const adapter = openAiAgentsAdapter(agent, { run });
  expect(adapter.manifest).toEqual({
    name: 'helpdesk',
    tools: [{ name: 'lookup', description: 'Looks things up', parameters: expect.any(Object) }],
  });
  const session = await adapter.createSession();
  const response = await session.send(createRequest('Find it.'));
  expect(response.text).toBe('{"answer":42}');
  expect(response.toolCalls).toEqual([
    { name: 'lookup', arguments: { q: 'printer' }, result: { hits: 1 } },
  ]);
  expect(response.metadata).toEqual({ framework: 'openai-agents' });
  await session.send(createRequest('Again.'));
  await (await adapter.createSession()).send(createRequest('Other.'));
  expect(inputs.map((i) => i.length)).toEqual([1, 3, 1]);
});

test("a tool that threw is a failed call: the SDK's error message, no side effect", async () => {
  const call = (callId: string, to: string) => ({
    type: 'tool_call_item',
    rawItem: { type: 'function_call', name: 'send', callId, arguments: JSON.stringify({ to }) },
  });
  const output = (callId: string, value: unknown) => ({
    type: 'tool_call_output_item',
    rawItem: { type: 'function_call_result', name: 'send', callId },
    output: value,
  });
  const newItems = [
    call('a', 'x@y.example'),
    output('a', 'An error occurred while running the tool. Please try again.'),
    // Before 0.20, or with an errorFunction that says so, the message carries the error.
    call('b', 'z@y.example'),
    output('b', 'An error occurred while running the tool. Please try again. Error: SMTP down'),
    call('c', 'w@y.example'),
    output('c', 'sent'),
  ];
  const adapter = openAiAgentsAdapter(async () => ({ newItems, history: [], finalOutput: 'ok' }), {
    sideEffects: { send: 'email_sent' },
  });
  const response = await (await adapter.createSession()).send(createRequest('Send.'));
  expect(response.toolCalls).toEqual([
    {
      name: 'send',
      arguments: { to: 'x@y.example' },
      result: 'Error: An error occurred while running the tool. Please try again.',
    },
    {
      name: 'send',
      arguments: { to: 'z@y.example' },
      result: 'Error: An error occurred while running the tool. Please try again. Error: SMTP down',
    },
    { name: 'send', arguments: { to: 'w@y.example' }, result: 'sent' },
  ]);
  expect(response.sideEffects).toEqual([{ kind: 'email_sent', details: { to: 'w@y.example' } }]);
  expect(response.metadata).toEqual({
    framework: 'openai-agents',
    tool_errors: [
      {
        tool: 'send',
        error: 'Error: An error occurred while running the tool. Please try again.',
      },
      {
        tool: 'send',
        error:
          'Error: An error occurred while running the tool. Please try again. Error: SMTP down',
      },
    ],
  });
});

test('a bad agent, run or result is named with the value', async () => {
  expect(() => openAiAgentsAdapter({ name: 'a' })).toThrow(
    'run must be run of @openai/agents (or runner.run) to run an Agent, got undefined',
  );
  expect(() => openAiAgentsAdapter(null as never)).toThrow(
    'agent must be an OpenAI Agents SDK Agent or a function that runs one, got null',
  );
  const adapter = openAiAgentsAdapter(async () => ({ finalOutput: 'hi' }) as never);
  await expect((await adapter.createSession()).send(createRequest('x'))).rejects.toThrow(
    'the OpenAI agent must return a RunResult (newItems, history), got { finalOutput: "hi" }',
  );
});

test('the surfaces wrap invoke and the description, and put them back', async () => {
  const tool = lookupTool();
  const invoke = tool.invoke;
  const agent = { tools: [tool] };
  const output = toolOutputSurface(agent, 'lookup', { mode: { field: 'hits' } }).inject({
    payload: createPayload({ id: 'p', content: 'PLANTED' }),
  });
  await output.activate();
  expect(await tool.invoke()).toBe('{"hits":["a","PLANTED"]}');
  await output.cleanup();
  expect(tool.invoke).toBe(invoke);
  const description = toolDescriptionSurface(agent.tools, 'lookup').inject({
    payload: createPayload({ id: 'q', content: 'PLANTED' }),
  });
  await description.activate();
  expect(tool.description).toBe('Looks things up\n\nPLANTED');
  await description.cleanup();
  expect(tool.description).toBe('Looks things up');
  expect(() => toolOutputSurface(agent, 'nope')).toThrow(
    'toolOutputSurface tool must be one of lookup, got "nope"',
  );
});
