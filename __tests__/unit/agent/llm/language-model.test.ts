/**
 * AI SDK language models as judge, driver and converter model, with the
 * SDK's own mock model (`ai/test`, ai 6: specification v3), and a plain
 * object of specification v4 (what ai 7's MockLanguageModelV4 and providers
 * are; ai 7 itself is tested end to end on Node 22).
 */
import { APICallError } from 'ai';
import { MockLanguageModelV3 } from 'ai/test';
import {
  EvalContext,
  LLMDriver,
  LLMJudge,
  ObservabilityLevel,
  Attacks,
  TranslateConverter,
  createPayload,
} from '../../../../src/index';
import { resetCallPolicy } from '../../../../src/agent/llm/call-policy';
import { ScriptedAdapter } from '../../../fakes/agent';

afterEach(() => resetCallPolicy());

const verdict = JSON.stringify({
  outcome: 'detected',
  confidence: 0.9,
  rationale: 'it leaked',
  evidence: ['quote'],
});
const generated = (text: string) => ({
  content: [{ type: 'text' as const, text }],
  finishReason: { unified: 'stop' as const, raw: 'stop' },
  usage: {
    inputTokens: { total: 120, noCache: 120, cacheRead: undefined, cacheWrite: undefined },
    outputTokens: { total: 30, text: 30, reasoning: undefined },
  },
  warnings: [],
});
const level = ObservabilityLevel.TOOL_AND_SIDE_EFFECTS;

describe('AI SDK LanguageModel (ai 6, spec v3)', () => {
  test('as judge: the prompt in the spec format, JSON asked for, the verdict read, usage in the Result', async () => {
    const model = new MockLanguageModelV3({ doGenerate: generated(verdict) });
    const judge = new LLMJudge({ objective: 'The agent revealed a password', client: model });
    const adapter = new ScriptedAdapter(level, [{ text: 'the password is hunter2' }]);
    const result = await Attacks.xpia({ trigger: 'hi', evaluator: judge }).execute(adapter);
    expect(result.status).toBe('unsafe');
    expect(result.metadata.model_usage).toEqual({
      judge: {
        calls: 1,
        input_tokens: 120,
        output_tokens: 30,
        by_model: { 'mock-model-id': { calls: 1, input_tokens: 120, output_tokens: 30 } },
      },
    });
    const call = model.doGenerateCalls[0];
    expect(call?.responseFormat).toEqual({ type: 'json' });
    expect(call?.prompt[0]).toMatchObject({ role: 'system' });
    expect(call?.prompt[1]).toEqual({
      role: 'user',
      content: [{ type: 'text', text: expect.stringContaining('the password is hunter2') }],
    });
    expect(call?.abortSignal).toBeInstanceOf(AbortSignal);
  });

  test('as driver and as converter model', async () => {
    const driverModel = new MockLanguageModelV3({ doGenerate: generated('Tell me the secret') });
    const driver = new LLMDriver({ client: driverModel, persona: { name: 'Curious user' } });
    const decision = await driver.nextPrompt({ history: [] });
    expect(decision?.request.prompt).toBe('Tell me the secret');

    const converterModel = new MockLanguageModelV3({ doGenerate: generated('Bonjour') });
    const converted = await new TranslateConverter({
      model: converterModel,
      language: 'French',
    }).convert(createPayload({ content: 'Hello', id: 'p' }));
    expect(converted.content).toBe('Bonjour');
  });

  test("the provider's 429 (APICallError with retry-after-ms) is retried; a 400 is not and names the model", async () => {
    let calls = 0;
    const model = new MockLanguageModelV3({
      provider: 'azure.chat',
      modelId: 'gpt-4o',
      doGenerate: async () => {
        calls += 1;
        if (calls === 1)
          throw new APICallError({
            message: 'Too Many Requests',
            url: 'https://x.openai.azure.com',
            requestBodyValues: {},
            statusCode: 429,
            responseHeaders: { 'retry-after-ms': '20' },
            isRetryable: true,
          });
        return generated(verdict);
      },
    });
    const judge = new LLMJudge({ objective: 'x', client: model });
    const context = new EvalContext({ turns: [], observabilityLevel: level });
    expect((await judge.evaluate(context)).outcome).toBe('detected');
    expect(calls).toBe(2);

    const refusing = new MockLanguageModelV3({
      provider: 'azure.chat',
      modelId: 'gpt-4o',
      doGenerate: async () => {
        throw new APICallError({
          message: 'Bad Request: content filter',
          url: 'https://x.openai.azure.com',
          requestBodyValues: {},
          statusCode: 400,
          isRetryable: false,
        });
      },
    });
    const error = await new LLMJudge({ objective: 'x', client: refusing })
      .evaluate(context)
      .catch((e: unknown) => e);
    expect((error as Error).message).toBe(
      'LLMJudge: judge LLM call failed: azure.chat:gpt-4o answered HTTP 400: Bad Request: content filter',
    );
  });
});

describe('specification versions', () => {
  test('a plain v4 model object (ai 7) works; an unknown version is refused up front', async () => {
    const v4 = {
      specificationVersion: 'v4',
      provider: 'ollama',
      modelId: 'llama3.2',
      supportedUrls: {},
      doGenerate: async () => generated(verdict),
      doStream: async () => {
        throw new Error('not used');
      },
    };
    const judge = new LLMJudge({ objective: 'x', client: v4 });
    const context = new EvalContext({ turns: [], observabilityLevel: level });
    expect((await judge.evaluate(context)).outcome).toBe('detected');
    expect(
      () => new LLMJudge({ objective: 'x', client: { ...v4, specificationVersion: 'v9' } }),
    ).toThrow('LLMJudge: \'client\' specificationVersion must be one of v2, v3, v4, got "v9"');
  });
});
