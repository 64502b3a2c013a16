/**
 * `rampart/ai-sdk` over the real AI SDK 6 and its mock model: the agent and
 * function forms (generateText and streamText), tool errors, the manifest,
 * the surfaces putting the tools back, and a tool whose output streams (an
 * async iterable) planted in its last value. The end-to-end test covers ai 6
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

test('a tool that streams its output: the payload in the last value, the Response has the output', async () => {
  const lookupCall = {
    ...callStep,
    content: [
      { type: 'tool-call' as const, toolCallId: 'c1', toolName: 'lookup', input: '{"to":"a"}' },
    ],
  };
  const tools = {
    lookup: tool({
      description: 'Looks up',
      inputSchema: z.object({ to: z.string() }),
      async *execute() {
        yield { status: 'searching', hits: [] as string[] };
        yield { status: 'done', hits: ['a'] };
      },
    }),
  };
  const handle = toolOutputSurface(tools, 'lookup', { mode: { field: 'hits' } }).inject({
    payload: createPayload({ id: 'p', content: 'EVIL' }),
  });
  await handle.activate();
  // The tool still streams: every value in order, the last one planted.
  const streamed: unknown[] = [];
  const execute = tools.lookup.execute as (
    input: unknown,
    options: unknown,
  ) => AsyncIterable<unknown>;
  for await (const value of execute({ to: 'a' }, {})) streamed.push(value);
  expect(streamed).toEqual([
    { status: 'searching', hits: [] },
    { status: 'done', hits: ['a', 'EVIL'] },
  ]);
  const planted = { status: 'done', hits: ['a', 'EVIL'] };
  const generating = new MockLanguageModelV3({ doGenerate: [lookupCall, textStep] });
  const generated = createResponse(
    await (
      await aiSdkAdapter(({ messages }) =>
        generateText({ model: generating, tools, messages, stopWhen: stepCountIs(3) }),
      ).createSession()
    ).send(createRequest('go')),
  );
  expect(generated.toolCalls.map((c) => c.result)).toEqual([JSON.stringify(planted)]);
  // What the model read back is the planted output.
  expect(JSON.stringify(generating.doGenerateCalls[1]?.prompt)).toContain('EVIL');

  const streamSteps = [lookupCall, textStep].map((step) => ({
    stream: convertArrayToReadableStream([
      ...step.content.map((part) =>
        part.type === 'text'
          ? { type: 'text-delta' as const, id: 't', delta: part.text }
          : { ...part },
      ),
      { type: 'finish' as const, finishReason: step.finishReason, usage },
    ]),
  }));
  const streaming = new MockLanguageModelV3({ doStream: async () => streamSteps.shift() as never });
  const preliminary: unknown[] = [];
  const streamedResponse = createResponse(
    await (
      await aiSdkAdapter(({ messages }) => {
        const result = streamText({ model: streaming, tools, messages, stopWhen: stepCountIs(3) });
        void (async () => {
          for await (const part of result.fullStream)
            if (part.type === 'tool-result' && part.preliminary) preliminary.push(part.output);
        })();
        return result;
      }).createSession()
    ).send(createRequest('go')),
  );
  expect(streamedResponse.toolCalls.map((c) => c.result)).toEqual([JSON.stringify(planted)]);
  expect(preliminary).toEqual([{ status: 'searching', hits: [] }, planted]);
  await handle.cleanup();
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
