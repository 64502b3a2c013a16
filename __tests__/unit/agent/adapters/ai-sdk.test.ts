/**
 * `rampart/ai-sdk` over the real AI SDK 6 and its mock model: the agent and
 * function forms (generateText and streamText), tool errors, the manifest,
 * and the surfaces putting the tools back. The end-to-end test covers ai 6
 * and 7 through attacks in Jest.
 */
import { ToolLoopAgent, generateText, jsonSchema, stepCountIs, streamText, tool } from 'ai';
import { MockLanguageModelV3, convertArrayToReadableStream } from 'ai/test';
import { z } from 'zod';
import { createPayload, createRequest, createResponse } from '../../../../src';
import { aiSdkAdapter, toolDescriptionSurface, toolOutputSurface } from '../../../../src/ai-sdk';

const usage = {
  inputTokens: { total: 1, noCache: 1, cacheRead: undefined, cacheWrite: undefined },
  outputTokens: { total: 1, text: 1, reasoning: undefined },
};
const finish = (unified: 'stop' | 'tool-calls') => ({ unified, raw: unified });
const callStep = {
  content: [
    {
      type: 'tool-call' as const,
      toolCallId: 'c1',
      toolName: 'send',
      input: '{"to":"x@y.example"}',
    },
  ],
  finishReason: finish('tool-calls'),
  usage,
  warnings: [],
};
const textStep = {
  content: [{ type: 'text' as const, text: 'Done.' }],
  finishReason: finish('stop'),
  usage,
  warnings: [],
};

function toolsThat(execute: (input: { to: string }) => Promise<unknown>) {
  return {
    send: tool({
      description: 'Sends',
      inputSchema: z.object({ to: z.string() }),
      execute,
    }),
    lookup: tool({
      description: 'Looks up',
      inputSchema: jsonSchema<{ q: string }>({
        type: 'object',
        properties: { q: { type: 'string' } },
      }),
      execute: async () => 'found',
    }),
  };
}

test('a ToolLoopAgent: tool calls with results, final text, manifest from the tools', async () => {
  const tools = toolsThat(async () => ({ sent: true }));
  const agent = new ToolLoopAgent({
    model: new MockLanguageModelV3({ doGenerate: [callStep, textStep] }),
    tools,
    stopWhen: stepCountIs(3),
  });
  const adapter = aiSdkAdapter(agent, { sideEffects: { send: 'email_sent' } });
  expect(adapter.manifest).toEqual({
    name: 'AI SDK agent',
    tools: [
      { name: 'send', description: 'Sends', parameters: { to: 'string' } },
      { name: 'lookup', description: 'Looks up', parameters: { q: 'string, optional' } },
    ],
  });
  const response = createResponse(await (await adapter.createSession()).send(createRequest('go')));
  expect(response).toEqual({
    text: 'Done.',
    toolCalls: [
      { name: 'send', arguments: { to: 'x@y.example' }, result: '{"sent":true}', timestamp: null },
    ],
    sideEffects: [{ kind: 'email_sent', details: { to: 'x@y.example' } }],
    metadata: { framework: 'ai-sdk' },
  });
});

test('a failing tool is a call with its error and no side effect', async () => {
  const tools = toolsThat(async () => {
    throw new Error('smtp down');
  });
  const model = new MockLanguageModelV3({ doGenerate: [callStep, textStep] });
  const adapter = aiSdkAdapter(
    ({ messages }) => generateText({ model, tools, messages, stopWhen: stepCountIs(3) }),
    { tools, sideEffects: { send: 'email_sent' } },
  );
  const response = createResponse(await (await adapter.createSession()).send(createRequest('go')));
  expect(response.toolCalls.map((c) => c.result)).toEqual(['Error: smtp down']);
  expect(response.sideEffects).toEqual([]);
  expect(response.metadata.tool_errors).toEqual([{ tool: 'send', error: 'Error: smtp down' }]);
});

test('a streamText function: its promised text, steps and messages are read', async () => {
  const model = new MockLanguageModelV3({
    doStream: async () => ({
      stream: convertArrayToReadableStream([
        { type: 'text-start' as const, id: 't' },
        { type: 'text-delta' as const, id: 't', delta: 'Streamed.' },
        { type: 'text-end' as const, id: 't' },
        { type: 'finish' as const, finishReason: finish('stop'), usage },
      ]),
    }),
  });
  const adapter = aiSdkAdapter(({ messages }) => streamText({ model, messages }));
  const session = await adapter.createSession();
  expect((await session.send(createRequest('hi'))).text).toBe('Streamed.');
  await session.send(createRequest('again'));
  // The second call saw the first exchange: user, assistant, user.
  expect(model.doStreamCalls[1]?.prompt.map((m) => m.role)).toEqual(['user', 'assistant', 'user']);
});

test('the surfaces change the tool while active and put it back', async () => {
  const tools = toolsThat(async () => ({ sent: true }));
  const execute = tools.send.execute;
  const output = toolOutputSurface(tools, 'send', { mode: { field: 'note' } }).inject({
    payload: createPayload({ id: 'p', content: 'EVIL' }),
  });
  const description = toolDescriptionSurface(tools, 'send', { mode: 'replace' }).inject({
    payload: createPayload({ id: 'q', content: 'EVIL' }),
  });
  expect([output.surfaceName, description.surfaceName]).toEqual([
    'ToolOutput:send',
    'ToolDescription:send',
  ]);
  await output.activate();
  await description.activate();
  const run = tools.send.execute as (input: { to: string }, options: unknown) => Promise<unknown>;
  expect(await run({ to: 'a' }, {})).toEqual({ sent: true, note: 'EVIL' });
  expect(tools.send.description).toBe('EVIL');
  await description.cleanup();
  await output.cleanup();
  expect(tools.send.execute).toBe(execute);
  expect(tools.send.description).toBe('Sends');
  expect(() => toolOutputSurface(tools, 'nope')).toThrow(
    'toolOutputSurface tool must be one of send, lookup, got "nope"',
  );
});

test('a description given as a function (ai 7) gets the payload in what it returns', async () => {
  const tools = { send: { description: () => 'Sends', execute: async () => 'ok' } };
  const handle = toolDescriptionSurface(tools, 'send').inject({
    payload: createPayload({ id: 'p', content: 'EVIL' }),
  });
  await handle.activate();
  expect((tools.send.description as () => string)()).toBe('Sends\n\nEVIL');
  await handle.cleanup();
  expect(tools.send.description()).toBe('Sends');
});

test('an agent that is neither is refused', () => {
  expect(() => aiSdkAdapter({} as never)).toThrow(
    'agent must be an AI SDK Agent (generate()) or a function that runs generateText, got {}',
  );
});
