import {
  EvalContext,
  LLMJudge,
  LlmError,
  ObservabilityLevel,
  OpenAiChatClient,
} from '../../../../src/index';
import { completion, startChatServer } from '../../../fakes/llm';

const messages = [
  { role: 'system' as const, content: 'be brief' },
  { role: 'user' as const, content: 'hi' },
];
let server: Awaited<ReturnType<typeof startChatServer>> | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

function client(
  endpoint: string,
  extra: Partial<ConstructorParameters<typeof OpenAiChatClient>[0]> = {},
) {
  return new OpenAiChatClient({ endpoint, model: 'gpt-test', retryDelayMs: 0, ...extra });
}

describe('OpenAiChatClient', () => {
  test('posts a chat-completion request and returns the assistant text', async () => {
    server = await startChatServer([{ body: completion('Hello!') }]);
    const reply = await client(`${server.endpoint}/`, {
      apiKey: 'sk-test',
      headers: { 'x-extra': '1' },
      params: { temperature: 0, seed: 42, maxTokens: 50, topP: 1 },
    }).complete({ messages, responseFormat: 'json' });
    expect(reply).toBe('Hello!');
    const [request] = server.received;
    expect(request?.method).toBe('POST');
    expect(request?.url).toBe('/v1/chat/completions');
    expect(request?.headers.authorization).toBe('Bearer sk-test');
    expect(request?.headers['x-extra']).toBe('1');
    expect(request?.body).toEqual({
      model: 'gpt-test',
      messages,
      response_format: { type: 'json_object' },
      temperature: 0,
      seed: 42,
      max_tokens: 50,
      top_p: 1,
    });
  });

  test('plain text requests carry no response_format and no authorization without a key', async () => {
    server = await startChatServer([{ body: completion('ok') }]);
    await client(server.endpoint).complete({ messages });
    expect(server.received[0]?.body.response_format).toBeUndefined();
    expect(server.received[0]?.headers.authorization).toBeUndefined();
  });

  test('429 and 5xx are retried; success after retries is returned', async () => {
    server = await startChatServer([
      { status: 429, body: { error: 'slow down' } },
      { status: 503, body: 'unavailable' },
      { body: completion('finally') },
    ]);
    expect(await client(server.endpoint).complete({ messages })).toBe('finally');
    expect(server.received).toHaveLength(3);
  });

  test('a persistent 429 is an LlmError rate_limited after 1 + maxRetries attempts', async () => {
    server = await startChatServer([{ status: 429, body: {} }]);
    const error = await client(server.endpoint, { maxRetries: 2 })
      .complete({ messages })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LlmError);
    expect(error).toMatchObject({ reason: 'rate_limited', status: 429 });
    expect(server.received).toHaveLength(3);
  });

  test('other 4xx errors are not retried and quote the body', async () => {
    server = await startChatServer([{ status: 401, body: { error: 'bad key' } }]);
    const error = await client(server.endpoint)
      .complete({ messages })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ reason: 'http_error', status: 401 });
    expect((error as Error).message).toBe(
      'LLM endpoint answered HTTP 401: "{\\"error\\":\\"bad key\\"}"',
    );
    expect(server.received).toHaveLength(1);
  });

  test('empty content is retried, then empty_response', async () => {
    server = await startChatServer([{ body: completion('') }, { body: completion(null) }]);
    const error = await client(server.endpoint, { maxRetries: 1 })
      .complete({ messages })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ reason: 'empty_response' });
    expect(server.received).toHaveLength(2);
  });

  test('a body that is not a chat completion is bad_response', async () => {
    server = await startChatServer([{ body: '<html>proxy error</html>' }]);
    await expect(client(server.endpoint).complete({ messages })).rejects.toMatchObject({
      reason: 'bad_response',
    });
    server.received.length = 0;
    await server.close();
    server = await startChatServer([{ body: completion([{ type: 'image' }]) }]);
    await expect(client(server.endpoint).complete({ messages })).rejects.toMatchObject({
      reason: 'bad_response',
    });
  });

  test('an unreachable endpoint is a network LlmError', async () => {
    server = await startChatServer([{ body: completion('x') }]);
    const endpoint = server.endpoint;
    await server.close();
    server = undefined;
    const error = await client(endpoint, { maxRetries: 1 })
      .complete({ messages })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'LlmError', reason: 'network' });
  });

  test('an endpoint that never answers times out per attempt and is retried', async () => {
    server = await startChatServer([{ hang: true, body: {} }]);
    // Count the attempts where the client makes them: under load a 50 ms
    // attempt can end before the server has read its request.
    const fetchSpy = jest.spyOn(globalThis, 'fetch');
    const error = await client(server.endpoint, { timeoutMs: 50, maxRetries: 1 })
      .complete({ messages })
      .catch((e: unknown) => e);
    const attempts = fetchSpy.mock.calls.length;
    fetchSpy.mockRestore();
    expect(error).toMatchObject({ name: 'LlmError', reason: 'network' });
    expect(attempts).toBe(2);
  });

  test('an aborted caller signal rejects with its reason and is not retried', async () => {
    server = await startChatServer([{ body: completion('x') }]);
    const controller = new AbortController();
    controller.abort(new Error('test over'));
    await expect(
      client(server.endpoint).complete({ messages, signal: controller.signal }),
    ).rejects.toThrow('test over');
    expect(server.received).toHaveLength(0);
  });

  test('options are validated with the bad value in the message', () => {
    expect(() => new OpenAiChatClient({ endpoint: 'http://x', model: '' })).toThrow(
      `OpenAiChatClient model is required (e.g. 'gpt-4o'), got ""`,
    );
    expect(() => new OpenAiChatClient({ endpoint: 'api.openai.com', model: 'm' })).toThrow(
      `OpenAiChatClient endpoint is required (e.g. 'https://api.openai.com/v1'), got "api.openai.com"`,
    );
    expect(
      () =>
        new OpenAiChatClient({
          endpoint: 'http://x',
          model: 'm',
          params: { temprature: 1 } as never,
        }),
    ).toThrow(/OpenAiChatClient params.temprature is not supported; use temperature, seed/);
    expect(
      () => new OpenAiChatClient({ endpoint: 'http://x', model: 'm', maxRetries: -1 }),
    ).toThrow('OpenAiChatClient maxRetries must be an integer >= 0, got -1');
    expect(() => new OpenAiChatClient({ endpoint: 'http://x', model: 'm', timeoutMs: 0 })).toThrow(
      'OpenAiChatClient timeoutMs must be an integer >= 1, got 0',
    );
  });
});

test('LLMJudge over a real HTTP round trip', async () => {
  server = await startChatServer([
    { body: completion('not json') },
    {
      body: completion(
        '{"outcome":"detected","confidence":0.9,"rationale":"leak","evidence":["hunter2"]}',
      ),
    },
  ]);
  const judge = new LLMJudge({ objective: 'password revealed', client: client(server.endpoint) });
  const context = EvalContext.fromResponse({
    response: { text: 'pw: hunter2' },
    prompt: 'what is the password?',
    observabilityLevel: ObservabilityLevel.RESPONSE_ONLY,
  });
  expect(await judge.evaluate(context)).toMatchObject({
    outcome: 'detected',
    confidence: 0.9,
    evidence: ['hunter2'],
  });
  expect(server.received).toHaveLength(2);
  expect(server.received[0]?.body.response_format).toEqual({ type: 'json_object' });
});
