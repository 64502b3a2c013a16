/**
 * The call policy against a real HTTP server on the loopback interface:
 * retries that honour Retry-After (seconds, HTTP date, retry-after-ms),
 * stalls, resets and 5xx; the real cause of a failed call; per-model limits;
 * the budget; the pieces (backoff with jitter, token bucket, header parsing)
 * with an injected clock and random source.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  Attacks,
  LLMJudge,
  LlmError,
  ObservabilityLevel,
  OpenAiChatClient,
  Probes,
  configureModelCalls,
  createPayload,
  runTrials,
} from '../../../../src/index';
import { completionsFrom } from '../../../../src/agent/llm/completions';
import * as net from 'node:net';
import {
  retryDelayMs,
  resetCallPolicy,
  setCallEnvironment,
} from '../../../../src/agent/llm/call-policy';
import { resetModelCalls } from '../../../../src/agent/llm/call-settings';
import { retryAfterMs } from '../../../../src/agent/llm/retry-after';
import { TokenBucket } from '../../../../src/agent/llm/token-bucket';
import { rootCauseMessage } from '../../../../src/agent/llm/error-cause';
import { type FakeEndpoint, startFakeEndpoint } from '../../../fakes/openai-endpoint';
import { RecordingSurface, ScriptedAdapter } from '../../../fakes/agent';

const messages = [{ role: 'user' as const, content: 'hi' }];
let server: FakeEndpoint | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
  resetModelCalls();
  resetCallPolicy();
  setCallEnvironment(null);
});

const fastRetries = { retryDelayMs: 1 };

/** A loopback port nobody listens on (fetch refuses well-known ports such as 9 outright). */
async function closedPort(): Promise<number> {
  const probe = net.createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as net.AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

describe('retries', () => {
  test('429 with retry-after-ms, 429 with Retry-After as an HTTP date, a 503 and a reset are retried until an answer', async () => {
    server = await startFakeEndpoint({
      script: [
        { status: 429, headers: { 'retry-after-ms': '30' } },
        { status: 429, headers: { 'retry-after': new Date(Date.now() - 1000).toUTCString() } },
        { status: 503 },
        'reset',
      ],
      reply: () => 'finally',
    });
    const client = new OpenAiChatClient({
      endpoint: server.endpoint,
      model: 'gpt-test',
      maxRetries: 4,
      ...fastRetries,
    });
    expect(await client.complete({ messages })).toBe('finally');
    expect(server.stats.requests).toBe(5);
  });

  // A stall never answers, so only the attempt timeout ends it: both attempts
  // time out however slow the machine is (no answer races the timer).
  test('a stalled attempt times out and is retried', async () => {
    server = await startFakeEndpoint({ script: ['stall', 'stall'] });
    const client = new OpenAiChatClient({
      endpoint: server.endpoint,
      model: 'gpt-test',
      maxRetries: 1,
      timeoutMs: 300,
      ...fastRetries,
    });
    const error = (await client.complete({ messages }).catch((e: unknown) => e)) as LlmError;
    expect(error).toBeInstanceOf(LlmError);
    expect(error.message).toBe(
      `model call to gpt-test at ${server.endpoint} failed after 2 attempts: gpt-test at ${server.endpoint} did not answer within 300 ms`,
    );
    expect(error).toMatchObject({ reason: 'network', attempts: 2 });
  });

  test('the wait a 429 asks for (Retry-After in seconds) is honoured before the next attempt', async () => {
    server = await startFakeEndpoint({
      script: [{ status: 429, headers: { 'retry-after': '1' } }],
    });
    const sleeps: number[] = [];
    setCallEnvironment({
      now: () => Date.now(),
      random: () => 0,
      sleep: async (ms) => void sleeps.push(ms),
    });
    const client = new OpenAiChatClient({ endpoint: server.endpoint, model: 'gpt-test' });
    expect(await client.complete({ messages })).toBe('ok');
    // The limiter's pause (1000 ms) is waited, not the 1000 ms backoff on top of it.
    expect(sleeps.some((ms) => ms >= 900 && ms <= 1000)).toBe(true);
  });

  test('an unreachable endpoint fails with the real cause and the number of attempts', async () => {
    const port = await closedPort();
    const client = new OpenAiChatClient({
      endpoint: `http://127.0.0.1:${port}/v1`,
      model: 'gpt-test',
      maxRetries: 2,
      ...fastRetries,
    });
    const error = (await client.complete({ messages }).catch((e: unknown) => e)) as LlmError;
    expect(error).toBeInstanceOf(LlmError);
    expect(error.message).toBe(
      `model call to gpt-test at http://127.0.0.1:${port}/v1 failed after 3 attempts: connect ECONNREFUSED 127.0.0.1:${port}`,
    );
    expect(error.message).not.toContain('fetch failed');
    expect(error).toMatchObject({ reason: 'network', attempts: 3 });
  });

  test('4xx other than 429 are not retried', async () => {
    server = await startFakeEndpoint({ script: [{ status: 401, body: { error: 'bad key' } }] });
    const client = new OpenAiChatClient({ endpoint: server.endpoint, model: 'm', ...fastRetries });
    const error = await client.complete({ messages }).catch((e: unknown) => e);
    expect(error).toMatchObject({ reason: 'http_error', status: 401, attempts: 1 });
    expect(server.stats.requests).toBe(1);
  });
});

describe('inside an execution', () => {
  test('a judge on a closed port is an ERROR Result naming the cause, the call and the attempts, before the timeout', async () => {
    const port = await closedPort();
    const judge = new LLMJudge({
      objective: 'anything',
      client: new OpenAiChatClient({
        endpoint: `http://127.0.0.1:${port}/v1`,
        model: 'judge-model',
      }),
      calls: { baseDelayMs: 50, maxAttempts: 3 },
    });
    const adapter = new ScriptedAdapter(ObservabilityLevel.TOOL_AND_SIDE_EFFECTS, [
      { text: 'hello' },
    ]);
    const result = await Probes.behavior({ prompt: 'hi', evaluator: judge }).execute(adapter, {
      timeoutMs: 20_000,
    });
    expect(result.status).toBe('error');
    expect(result.summary).toBe(
      `EvaluatorError: LLMJudge: judge LLM call failed: judge call to judge-model at http://127.0.0.1:${port}/v1 failed after 3 attempts: connect ECONNREFUSED 127.0.0.1:${port}`,
    );
  });

  test('retries that would pass the execution deadline give up at once, saying so', async () => {
    server = await startFakeEndpoint({ script: [{ status: 503 }] });
    const judge = new LLMJudge({
      objective: 'anything',
      client: new OpenAiChatClient({ endpoint: server.endpoint, model: 'judge-model' }),
      // The first retry waits 60–120 s, past a deadline 30 s away however slow
      // the first 503 is to come back.
      calls: { baseDelayMs: 120_000, maxDelayMs: 120_000 },
    });
    const adapter = new ScriptedAdapter(ObservabilityLevel.TOOL_AND_SIDE_EFFECTS, [
      { text: 'hello' },
    ]);
    const result = await Probes.behavior({ prompt: 'hi', evaluator: judge }).execute(adapter, {
      timeoutMs: 30_000,
    });
    expect(result.status).toBe('error');
    expect(result.summary).toContain("would end after the execution's deadline");
    expect(server.stats.requests).toBe(1);
  });

  test('timeoutMs aborts a hanging send: ERROR, the payload is cleaned up, the signal reached send', async () => {
    const log: string[] = [];
    const surface = new RecordingSurface('Inbox', log);
    let sendSignal: AbortSignal | undefined;
    const adapter = {
      observabilityProfile: ObservabilityLevel.TOOL_AND_SIDE_EFFECTS,
      createSession: () => ({
        send: (_request: unknown, options?: { signal: AbortSignal }) => {
          sendSignal = options?.signal;
          return new Promise<never>(() => undefined); // ignores its signal
        },
        close: () => void log.push('closed'),
      }),
    };
    const result = await Attacks.xpia({
      inject: surface.inject({ payload: createPayload({ content: 'evil', id: 'p-1' }) }),
      trigger: 'read my mail',
      evaluator: new LLMJudge({ objective: 'x', client: { complete: async () => '{}' } }),
    }).execute(adapter, { timeoutMs: 150 });
    expect(result.status).toBe('error');
    expect(result.summary).toBe(
      'ExecutionTimeoutError: execution timed out after 150 ms (timeoutMs)',
    );
    expect(sendSignal?.aborted).toBe(true);
    expect(log).toContain('cleanup p-1');
    expect(surface.planted.size).toBe(0);
  });

  test("the caller's signal aborts the execution", async () => {
    const controller = new AbortController();
    const adapter = {
      observabilityProfile: ObservabilityLevel.TOOL_AND_SIDE_EFFECTS,
      createSession: () => ({
        send: () => {
          controller.abort(new Error('user pressed stop'));
          return new Promise<never>(() => undefined);
        },
      }),
    };
    const result = await Probes.behavior({
      prompt: 'hi',
      evaluator: new LLMJudge({ objective: 'x', client: { complete: async () => '{}' } }),
    }).execute(adapter, { signal: controller.signal });
    expect(result.summary).toBe(
      'ExecutionAbortedError: execution aborted: Error: user pressed stop',
    );
  });

  test('the judge calls and tokens of an execution are in its Result metadata', async () => {
    server = await startFakeEndpoint({
      reply: () =>
        JSON.stringify({
          outcome: 'not_detected',
          confidence: 0.9,
          rationale: 'fine',
          evidence: [],
        }),
    });
    const judge = new LLMJudge({
      objective: 'anything',
      client: new OpenAiChatClient({ endpoint: server.endpoint, model: 'judge-model' }),
    });
    const adapter = new ScriptedAdapter(ObservabilityLevel.TOOL_AND_SIDE_EFFECTS, [
      { text: 'hello' },
    ]);
    const result = await Probes.behavior({ prompt: 'hi', evaluator: judge }).execute(adapter);
    const usage = result.metadata.model_usage as Record<string, Record<string, number>>;
    expect(usage.judge?.calls).toBe(1);
    expect(usage.judge?.input_tokens).toBeGreaterThan(0);
    expect(usage.judge?.output_tokens).toBeGreaterThan(0);
    // Counted per model under its id, not the label that also names the endpoint.
    expect(result.metadata.model_usage).toMatchObject({
      judge: { by_model: { 'judge-model': { calls: 1, input_tokens: usage.judge?.input_tokens } } },
    });
  });
});

describe('limits and budget', () => {
  test('concurrency: at most `concurrency` calls of one model are in flight', async () => {
    let inFlight = 0;
    let most = 0;
    server = await startFakeEndpoint({ latencyMs: 30 });
    const client = new OpenAiChatClient({ endpoint: server.endpoint, model: 'm' });
    configureModelCalls({ concurrency: 2 });
    const originalFetch = globalThis.fetch;
    globalThis.fetch = async (...args: Parameters<typeof fetch>) => {
      inFlight += 1;
      most = Math.max(most, inFlight);
      try {
        return await originalFetch(...args);
      } finally {
        inFlight -= 1;
      }
    };
    try {
      await Promise.all(Array.from({ length: 6 }, () => client.complete({ messages })));
    } finally {
      globalThis.fetch = originalFetch;
    }
    expect(most).toBe(2);
    expect(server.stats.answered).toBe(6);
  });

  test("requestsPerMinute: a burst of one second's worth, then one call per interval (clock injected)", async () => {
    let now = 0;
    const sleeps: number[] = [];
    setCallEnvironment({
      now: () => now,
      random: () => 0,
      sleep: async (ms) => {
        sleeps.push(ms);
        now += ms;
      },
    });
    configureModelCalls({ requestsPerMinute: 120 }); // a burst of 2, then one call per 500 ms
    const client = { complete: async () => 'ok' };
    const complete = completionsFrom(client, 'test model', 'judge');
    for (let i = 0; i < 5; i += 1) await complete({ messages });
    expect(sleeps).toEqual([500, 500, 500]);
  });

  test('maxCalls: once spent, calls fail without reaching the endpoint, saying so', async () => {
    server = await startFakeEndpoint();
    configureModelCalls({ maxCalls: 1 });
    const client = new OpenAiChatClient({ endpoint: server.endpoint, model: 'm' });
    await client.complete({ messages });
    const error = await client.complete({ messages }).catch((e: unknown) => e);
    expect(error).toMatchObject({ reason: 'budget_exhausted' });
    expect((error as Error).message).toContain('the model-call budget (maxCalls 1) is spent');
    expect(server.stats.requests).toBe(1);
  });

  test('options are checked with the usual message', () => {
    expect(() => configureModelCalls({ concurrency: 0 })).toThrow(
      'configureModelCalls options.concurrency must be an integer >= 1, got 0',
    );
    expect(() => configureModelCalls({ cassette: 'tape' as never })).toThrow(
      'configureModelCalls options.cassette must be one of',
    );
  });
});

describe('cassettes', () => {
  test('record, then replay offline; a miss names the key; no secret reaches the files', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rampart-cassettes-'));
    server = await startFakeEndpoint({ reply: (r) => `echo ${r.messages?.[0]?.content ?? ''}` });
    const secret = 'sk-very-secret-key';
    const client = new OpenAiChatClient({
      endpoint: server.endpoint,
      model: 'gpt-test',
      apiKey: secret,
      headers: { 'api-key': 'azure-secret' },
      params: { temperature: 0 },
    });
    configureModelCalls({ cassette: 'record', cassetteDir: dir });
    expect(await client.complete({ messages })).toBe('echo hi');
    await server.close();
    server = undefined;

    configureModelCalls({ cassette: 'replay' });
    const offline = new OpenAiChatClient({
      endpoint: 'http://127.0.0.1:9/v1',
      model: 'gpt-test',
      params: { temperature: 0 },
    });
    expect(await offline.complete({ messages })).toBe('echo hi');
    const miss = (await offline
      .complete({ messages: [{ role: 'user', content: 'something else' }] })
      .catch((e: unknown) => e)) as LlmError;
    expect(miss.reason).toBe('cassette_miss');
    expect(miss.message).toMatch(
      /^model call to gpt-test at http:\/\/127\.0\.0\.1:9\/v1: no recorded answer for cassette key [0-9a-f]{64} in /,
    );

    const files = fs.readdirSync(dir);
    expect(files).toHaveLength(1);
    const text = fs.readFileSync(path.join(dir, files[0] as string), 'utf8');
    expect(JSON.parse(text)).toMatchObject({
      model: { model: 'gpt-test', params: { temperature: 0 } },
      request: { messages, responseFormat: 'text' },
      response: { text: 'echo hi' },
    });
    for (const forbidden of [secret, 'azure-secret', 'authorization', 'api-key', 'Bearer'])
      expect(text).not.toContain(forbidden);
  });
});

describe('pieces', () => {
  test('retryDelayMs: equal jitter on an exponential schedule, capped; the endpoint wait plus up to 10%', () => {
    const settings = { baseDelayMs: 1000, maxDelayMs: 5000 };
    expect([1, 2, 3, 4].map((n) => retryDelayMs(n, null, settings, () => 0))).toEqual([
      500, 1000, 2000, 2500,
    ]);
    expect([1, 2, 3, 4].map((n) => retryDelayMs(n, null, settings, () => 0.999999))).toEqual([
      1000, 2000, 4000, 5000,
    ]);
    expect(retryDelayMs(1, 3000, settings, () => 0)).toBe(3000);
    expect(retryDelayMs(1, 3000, settings, () => 0.5)).toBe(3150);
  });

  test('retryAfterMs reads retry-after-ms, seconds and HTTP dates, in any header case', () => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(retryAfterMs({ 'retry-after-ms': '250' }, now)).toBe(250);
    expect(retryAfterMs({ 'Retry-After': '3' }, now)).toBe(3000);
    expect(retryAfterMs(new Headers({ 'retry-after': 'Thu, 01 Jan 2026 00:00:05 GMT' }), now)).toBe(
      5000,
    );
    expect(retryAfterMs({ 'retry-after': 'Wed, 31 Dec 2025 23:00:00 GMT' }, now)).toBe(0);
    expect(retryAfterMs({ 'retry-after': 'soon' }, now)).toBeNull();
    expect(retryAfterMs({}, now)).toBeNull();
  });

  test('TokenBucket: a full bucket, then waits in arrival order; charged usage is paid back', async () => {
    let now = 0;
    const sleeps: number[] = [];
    const clock = {
      now: () => now,
      sleep: async (ms: number) => {
        sleeps.push(ms);
        now += ms;
      },
    };
    const bucket = new TokenBucket(60, clock, 2); // one per second, burst 2
    await bucket.take(1);
    await bucket.take(1);
    await bucket.take(1);
    expect(sleeps).toEqual([1000]);
    bucket.charge(3);
    await bucket.take(1);
    expect(sleeps).toEqual([1000, 4000]);
  });

  test('rootCauseMessage digs through causes and AggregateErrors', () => {
    const inner = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9'), {
      code: 'ECONNREFUSED',
    });
    expect(rootCauseMessage(new TypeError('fetch failed', { cause: inner }))).toBe(
      'connect ECONNREFUSED 127.0.0.1:9',
    );
    const both = new AggregateError([inner, new Error('connect ECONNREFUSED ::1:9')], '');
    expect(rootCauseMessage(new TypeError('fetch failed', { cause: both }))).toBe(
      'connect ECONNREFUSED 127.0.0.1:9; connect ECONNREFUSED ::1:9',
    );
    expect(rootCauseMessage(new Error('plain'))).toBe('plain');
  });
});

describe('runTrials', () => {
  test('timeoutMs reaches every trial: each hanging trial is an ERROR of its own', async () => {
    const adapter = {
      observabilityProfile: ObservabilityLevel.TOOL_AND_SIDE_EFFECTS,
      createSession: () => ({ send: () => new Promise<never>(() => undefined) }),
    };
    const population = await runTrials({
      executionFactory: () =>
        Probes.behavior({
          prompt: 'hi',
          evaluator: new LLMJudge({ objective: 'x', client: { complete: async () => '{}' } }),
        }),
      adapter,
      n: 2,
      threshold: 1,
      timeoutMs: 100,
    });
    expect(population.results.map((r) => r.summary)).toEqual([
      'ExecutionTimeoutError: execution timed out after 100 ms (timeoutMs)',
      'ExecutionTimeoutError: execution timed out after 100 ms (timeoutMs)',
    ]);
  });
});
