/**
 * `aiSdkAdapter`: an AI SDK agent (a `ToolLoopAgent`, or a function that
 * calls `generateText`/`streamText` with tools) as an {@link AgentAdapter}.
 * Every session starts an empty conversation; every step's tool calls,
 * results and errors and the final text land in the Response
 * (docs/adapters.md, "Vercel AI SDK").
 */
import type { AgentAdapter } from '../../protocol/adapter';
import type { AppManifest, DataSource } from '../../protocol/manifest';
import { describeValue } from '../../../model/value-description';
import {
  type FrameworkAdapterOptions,
  type FrameworkTurn,
  frameworkAdapter,
} from '../base/framework-adapter';
import { manifestFromTools } from '../base/tool-schema';
import type { FrameworkToolCall, FrameworkToolOutcome } from '../base/tool-pairing';
import type { AiSdkAgent, AiSdkResult, AiSdkRun, AiSdkStep, AiSdkToolSet } from './ai-sdk-types';

/** Options of {@link aiSdkAdapter}. */
export interface AiSdkAdapterOptions extends FrameworkAdapterOptions {
  /** The agent's tools, for the manifest; default: the agent's own `tools`. */
  tools?: AiSdkToolSet | undefined;
  /** The agent's name in the manifest; default: the agent's `id`, else `AI SDK agent`. */
  name?: string | undefined;
  /** What the agent is for, in the manifest. */
  description?: string | undefined;
  /** Where the agent reads from, in the manifest. */
  dataSources?: DataSource[] | undefined;
}

function isAgent(target: unknown): target is AiSdkAgent {
  return (
    target !== null &&
    typeof target === 'object' &&
    typeof (target as { generate?: unknown }).generate === 'function'
  );
}

function toolsOf(value: unknown): Array<{ name: string; description?: string; schema?: unknown }> {
  if (value === undefined || value === null) return [];
  if (typeof value !== 'object' || Array.isArray(value))
    throw new TypeError(
      `tools must be an AI SDK tool set (name → tool), got ${describeValue(value)}`,
    );
  return Object.entries(value as AiSdkToolSet).map(([name, tool]) => ({
    name,
    ...(typeof tool?.description === 'string' ? { description: tool.description } : {}),
    schema: tool?.inputSchema,
  }));
}

/** Tool calls and their outcomes of every step, in order. */
function stepParts(steps: readonly AiSdkStep[]): {
  calls: FrameworkToolCall[];
  outcomes: FrameworkToolOutcome[];
} {
  const calls: FrameworkToolCall[] = [];
  const outcomes: FrameworkToolOutcome[] = [];
  for (const step of steps) {
    for (const part of step?.content ?? []) {
      const id = typeof part.toolCallId === 'string' ? part.toolCallId : null;
      const name = typeof part.toolName === 'string' ? part.toolName : '(unknown tool)';
      if (part.type === 'tool-call') calls.push({ id, name, arguments: part.input });
      // A preliminary result (of a tool that streams its output) is not the tool's output.
      else if (part.type === 'tool-result' && part.preliminary !== true)
        outcomes.push({ id, name, output: part.output });
      else if (part.type === 'tool-error') outcomes.push({ id, name, error: part.error });
    }
  }
  return { calls, outcomes };
}

/** The messages of every step: ai 7's `responseMessages`, else ai 6's `response.messages`. */
async function responseMessages(result: AiSdkResult): Promise<readonly unknown[]> {
  const all = await result.responseMessages;
  if (Array.isArray(all)) return all;
  const response = await result.response;
  return Array.isArray(response?.messages) ? response.messages : [];
}

async function readResult(
  result: unknown,
): Promise<{ turn: FrameworkTurn; messages: readonly unknown[] }> {
  const candidate = result as Partial<AiSdkResult> | null;
  if (
    candidate === null ||
    typeof candidate !== 'object' ||
    !('text' in candidate) ||
    !('steps' in candidate)
  )
    throw new TypeError(
      `the AI SDK agent must return a generateText/streamText result (text, steps), got ${describeValue(result)}`,
    );
  const full = candidate as AiSdkResult;
  const [text, steps, messages] = await Promise.all([
    full.text,
    full.steps,
    responseMessages(full),
  ]);
  const { calls, outcomes } = stepParts(Array.isArray(steps) ? steps : []);
  return {
    turn: { text: typeof text === 'string' ? text : '', toolCalls: calls, toolOutcomes: outcomes },
    messages,
  };
}

/**
 * An adapter over an AI SDK agent: a `ToolLoopAgent` (its `generate` is
 * called with the session's messages), or a function given `{ messages }`
 * that returns a `generateText`/`streamText` result. The manifest lists the
 * agent's tools with their parameters; side effects come from
 * `options.sideEffects` / `options.watch`, and the observability level
 * follows from them.
 */
export function aiSdkAdapter(
  agent: AiSdkAgent | AiSdkRun,
  options: AiSdkAdapterOptions = {},
): AgentAdapter {
  if (typeof agent !== 'function' && !isAgent(agent))
    throw new TypeError(
      `agent must be an AI SDK Agent (generate()) or a function that runs generateText, got ${describeValue(agent)}`,
    );
  const run: AiSdkRun = typeof agent === 'function' ? agent : (call) => agent.generate(call);
  const tools = options.tools ?? (typeof agent === 'function' ? undefined : agent.tools);
  const agentId = typeof agent === 'function' ? undefined : agent.id;
  const manifest: AppManifest | null =
    options.manifest !== undefined
      ? options.manifest
      : manifestFromTools(toolsOf(tools), {
          name: options.name ?? agentId ?? 'AI SDK agent',
          description: options.description,
          dataSources: options.dataSources,
        });
  return frameworkAdapter<unknown>(
    {
      framework: 'ai-sdk',
      async runTurn({ history, text }) {
        const user = { role: 'user' as const, content: text };
        const sent = [...history, user];
        const { turn, messages } = await readResult(await run({ messages: sent as never[] }));
        return { turn, history: [...sent, ...messages] };
      },
    },
    { ...options, manifest },
  );
}
