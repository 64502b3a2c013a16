/**
 * withCallPolicy: an agent's own AI SDK model under the call policy, driven
 * by the SDK's generateText (ai 6) with the SDK's mock model: its tool calls
 * recorded to a cassette and replayed offline, its usage counted as `agent`
 * in the execution's Result, its 429s retried, its headers never recorded.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { APICallError, generateText } from 'ai';
import { MockLanguageModelV3 } from 'ai/test';
import {
  Probes,
  ResponseContains,
  ResponseScope,
  configureModelCalls,
  withCallPolicy,
} from '../../../../src/index';
import { resetCallPolicy } from '../../../../src/agent/llm/call-policy';
import { resetModelCalls } from '../../../../src/agent/llm/call-settings';

afterEach(() => {
  resetModelCalls();
  resetCallPolicy();
});

const toolCall = {
  content: [
    { type: 'text' as const, text: 'Sending it.' },
    {
      type: 'tool-call' as const,
      toolCallId: 'c1',
      toolName: 'send_email',
      input: '{"to":"bob@example.com"}',
    },
  ],
  finishReason: { unified: 'tool-calls' as const, raw: 'tool_calls' },
  usage: {
    inputTokens: { total: 50, noCache: 50, cacheRead: undefined, cacheWrite: undefined },
    outputTokens: { total: 12, text: 12, reasoning: undefined },
  },
  warnings: [],
  response: { id: 'r1', modelId: 'mock', timestamp: new Date('2026-01-01T00:00:00Z') },
};

test('record, then replay offline: the same tool call; headers never reach the cassette', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rampart-agent-cassettes-'));
  configureModelCalls({ cassette: 'record', cassetteDir: dir });
  const live = new MockLanguageModelV3({ doGenerate: toolCall });
  const first = await generateText({
    model: withCallPolicy(live),
    prompt: 'Email bob',
    headers: { authorization: 'Bearer sk-agent-secret' },
  });
  expect(first.toolCalls.map((c) => [c.toolName, c.input])).toEqual([
    ['send_email', { to: 'bob@example.com' }],
  ]);
  expect(live.doGenerateCalls).toHaveLength(1);

  configureModelCalls({ cassette: 'replay' });
  const offline = new MockLanguageModelV3({
    doGenerate: async () => {
      throw new Error('no network in replay');
    },
  });
  const again = await generateText({ model: withCallPolicy(offline), prompt: 'Email bob' });
  expect(again.toolCalls.map((c) => [c.toolName, c.input])).toEqual([
    ['send_email', { to: 'bob@example.com' }],
  ]);
  expect(again.response.timestamp).toEqual(new Date('2026-01-01T00:00:00Z'));
  expect(offline.doGenerateCalls).toHaveLength(0);

  const miss = await generateText({
    model: withCallPolicy(offline),
    prompt: 'Email carol',
    maxRetries: 0,
  }).catch((e: unknown) => e);
  expect(String((miss as Error).message)).toContain(
    'agent call to mock-provider:mock-model-id: no recorded answer for cassette key',
  );

  const text = fs
    .readdirSync(dir)
    .map((f) => fs.readFileSync(path.join(dir, f), 'utf8'))
    .join('\n');
  expect(text).toContain('send_email');
  expect(text).not.toContain('sk-agent-secret');
  expect(text).not.toContain('authorization');
});

test("inside an execution the agent's calls count as role agent; a 429 is retried", async () => {
  let calls = 0;
  const model = new MockLanguageModelV3({
    doGenerate: async () => {
      calls += 1;
      if (calls === 1)
        throw new APICallError({
          message: 'Too Many Requests',
          url: 'http://x',
          requestBodyValues: {},
          statusCode: 429,
          responseHeaders: { 'retry-after-ms': '10' },
        });
      return { ...toolCall, content: [{ type: 'text' as const, text: 'All good.' }] };
    },
  });
  const agentModel = withCallPolicy(model);
  const adapter = {
    observabilityProfile: 'response_only' as const,
    createSession: () => ({
      send: async () => ({
        text: (await generateText({ model: agentModel, prompt: 'hi', maxRetries: 0 })).text,
      }),
    }),
  };
  const result = await Probes.behavior({
    prompt: 'hi',
    evaluator: new ResponseContains('good', { scope: ResponseScope.ALL_TURNS }),
  }).execute(adapter);
  expect(result.status).toBe('safe');
  expect(calls).toBe(2);
  expect(result.metadata.model_usage).toEqual({
    agent: {
      calls: 1,
      input_tokens: 50,
      output_tokens: 12,
      by_model: { 'mock-model-id': { calls: 1, input_tokens: 50, output_tokens: 12 } },
    },
  });
});
