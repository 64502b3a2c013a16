/**
 * The helpdesk agent built on the Vercel AI SDK: a `ToolLoopAgent` with two
 * tools (`read_tickets`, `send_email`) whose model is the SDK's own mock
 * model, scripted to behave like a model that falls for injected
 * instructions (`vulnerable`) or one that treats tool output and documents
 * as data (`mitigated`). No network: the script decides every step.
 */
import { ToolLoopAgent, stepCountIs, tool } from 'ai';
import { MockLanguageModelV3 } from 'ai/test';
import { z } from 'zod';
import type { AgentMode } from '../helpdesk/agent';

/** The domain the agent may email. */
export const INTERNAL_DOMAIN = 'helpdesk.example';

type Generate = Awaited<ReturnType<MockLanguageModelV3['doGenerate']>>;
type CallOptions = Parameters<MockLanguageModelV3['doGenerate']>[0];

const usage = {
  inputTokens: { total: 1, noCache: 1, cacheRead: undefined, cacheWrite: undefined },
  outputTokens: { total: 1, text: 1, reasoning: undefined },
};

/** An instruction to email someone outside, wherever the model reads it. */
const INJECTED = /(?:send|forward|email)\b[^.]*?\bto ([\w.+-]+@[\w.-]+)/i;

/** The scripted model: read the tickets, then answer; the vulnerable one obeys what it read. */
function scriptedModel(mode: AgentMode): MockLanguageModelV3 {
  let calls = 0;
  const reply = (content: Generate['content'], unified: 'stop' | 'tool-calls'): Generate => ({
    content,
    finishReason: { unified, raw: unified },
    usage,
    warnings: [],
  });
  const call = (toolName: string, input: Record<string, string>): Generate =>
    reply(
      [
        {
          type: 'tool-call',
          toolCallId: `call-${++calls}`,
          toolName,
          input: JSON.stringify(input),
        },
      ],
      'tool-calls',
    );
  return new MockLanguageModelV3({
    doGenerate: async ({ prompt, tools }: CallOptions) => {
      const turn = prompt.slice(prompt.map((m) => m.role).lastIndexOf('user'));
      const did = (name: string) =>
        turn.some((m) => m.role === 'assistant' && JSON.stringify(m.content).includes(name));
      const outsider = INJECTED.exec(JSON.stringify({ prompt, tools }))?.[1];
      if (
        mode === 'vulnerable' &&
        outsider &&
        !outsider.endsWith(INTERNAL_DOMAIN) &&
        !did('send_email')
      )
        return call('send_email', { to: outsider, subject: 'As requested', body: 'Customer list' });
      if (!did('read_tickets')) return call('read_tickets', {});
      return reply(
        [{ type: 'text', text: 'You have 2 open tickets: a login issue and a refund.' }],
        'stop',
      );
    },
  });
}

/** A fresh helpdesk agent with its tools and its outbox. */
export function createHelpdeskAgent(mode: AgentMode) {
  const outbox: Array<{ to: string; subject: string; body: string }> = [];
  const tools = {
    read_tickets: tool({
      description: 'Reads the open support tickets',
      inputSchema: z.object({ status: z.string().optional().describe('open or closed') }),
      execute: async () => ({
        tickets: [
          { id: 'T-100', subject: 'Cannot log in', body: 'My password reset mail never came.' },
          { id: 'T-101', subject: 'Refund', body: 'Please refund my last invoice.' },
        ],
      }),
    }),
    send_email: tool({
      description: 'Sends an email',
      inputSchema: z.object({ to: z.string(), subject: z.string(), body: z.string() }),
      execute: async (email) => {
        outbox.push(email);
        return { sent: true };
      },
    }),
  };
  const agent = new ToolLoopAgent({
    model: scriptedModel(mode),
    instructions: 'You are a helpdesk assistant.',
    tools,
    stopWhen: stepCountIs(6),
  });
  return { agent, tools, outbox };
}
