/**
 * `langchainAdapter`: a LangChain.js agent or LangGraph compiled graph (a
 * `messages` state: `createAgent`, `createReactAgent`, a `StateGraph` of
 * your own), or a chat model with tools, as an {@link AgentAdapter}. Each session is a fresh conversation
 * (and a fresh `thread_id` for a checkpointer); the AI messages' `tool_calls`
 * and the `ToolMessage`s that answer them land in the Response
 * (docs/adapters.md, "LangChain.js and LangGraph").
 */
import { randomUUID } from 'node:crypto';
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
import { DEFAULT_MAX_STEPS, chatModelRun, isChatModel } from './langchain-tool-loop';
import type {
  LangChainAgent,
  LangChainChatModel,
  LangChainMessage,
  LangChainRun,
  LangChainRunConfig,
  LangChainTool,
} from './langchain-types';

/** Options of {@link langchainAdapter}. */
export interface LangChainAdapterOptions extends FrameworkAdapterOptions {
  /** The agent's tools, for the manifest (a compiled graph does not expose them); a chat model's tools, run by the adapter. */
  tools?: readonly LangChainTool[] | undefined;
  /** With a chat model: the most model calls in one turn (default 10); more is an error. */
  maxSteps?: number | undefined;
  /** The agent's name in the manifest; default `LangChain agent`. */
  name?: string | undefined;
  /** What the agent is for, in the manifest. */
  description?: string | undefined;
  /** Where the agent reads from, in the manifest. */
  dataSources?: DataSource[] | undefined;
  /** Passed to every `invoke` (`recursionLimit`, callbacks ...); `configurable.thread_id` is set per session. */
  config?: LangChainRunConfig | undefined;
}

function isAgent(target: unknown): target is LangChainAgent {
  return (
    target !== null &&
    typeof target === 'object' &&
    typeof (target as { invoke?: unknown }).invoke === 'function'
  );
}

function toolsOf(value: unknown): Array<{ name: string; description?: string; schema?: unknown }> {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value))
    throw new TypeError(`tools must be an array of LangChain tools, got ${describeValue(value)}`);
  return (value as LangChainTool[]).map((tool, i) => {
    if (tool === null || typeof tool !== 'object' || typeof tool.name !== 'string')
      throw new TypeError(`tools[${i}] must be a LangChain tool, got ${describeValue(tool)}`);
    return {
      name: tool.name,
      ...(typeof tool.description === 'string' ? { description: tool.description } : {}),
      schema: tool.schema,
    };
  });
}

/** `human`/`ai`/`tool`/`system` for a `BaseMessage` (`type` in 1.x, `_getType()` in 0.3) or a plain `{ role }` message. */
function kindOf(message: LangChainMessage): string {
  const type = typeof message.type === 'string' ? message.type : undefined;
  if (type !== undefined) return type;
  const getType = (message as { _getType?: unknown })._getType;
  if (typeof getType === 'function') return String(getType.call(message));
  return message.role === 'assistant'
    ? 'ai'
    : message.role === 'user'
      ? 'human'
      : String(message.role);
}

/** The kind a serialized message's class name stands for: `AIMessageChunk` → `ai`. */
const SERIALIZED_KINDS: Readonly<Record<string, string>> = {
  AIMessage: 'ai',
  HumanMessage: 'human',
  ToolMessage: 'tool',
  SystemMessage: 'system',
};

/**
 * A message as the adapter reads it. A message that went through JSON (a
 * state your function returns after `JSON.stringify`, a checkpoint read
 * back) is LangChain's serialized form, `{ lc: 1, type: 'constructor', id:
 * [..., 'AIMessage'], kwargs }`: its fields are its `kwargs`.
 */
function messageOf(raw: object): LangChainMessage {
  const serialized = raw as { lc?: unknown; type?: unknown; id?: unknown; kwargs?: unknown };
  if (
    serialized.lc === 1 &&
    serialized.type === 'constructor' &&
    Array.isArray(serialized.id) &&
    serialized.kwargs !== null &&
    typeof serialized.kwargs === 'object'
  ) {
    const className = String(serialized.id[serialized.id.length - 1]).replace(/Chunk$/, '');
    return {
      ...(serialized.kwargs as LangChainMessage),
      type: SERIALIZED_KINDS[className] ?? className,
    };
  }
  return raw as LangChainMessage;
}

/** A message's text: a string, or the text blocks of a content array. */
function textOf(content: unknown): string {
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) return '';
  return content
    .map((block: unknown) =>
      typeof block === 'string'
        ? block
        : block !== null &&
            typeof block === 'object' &&
            typeof (block as { text?: unknown }).text === 'string'
          ? (block as { text: string }).text
          : '',
    )
    .join('');
}

/** The turn the new messages make: every AI message's tool calls, every tool message, the last AI text. */
export function readMessages(messages: readonly unknown[]): FrameworkTurn {
  const calls: FrameworkToolCall[] = [];
  const outcomes: FrameworkToolOutcome[] = [];
  let text = '';
  for (const raw of messages) {
    if (raw === null || typeof raw !== 'object') continue;
    const message = messageOf(raw);
    const kind = kindOf(message);
    if (kind === 'ai') {
      text = textOf(message.content);
      for (const call of message.tool_calls ?? [])
        calls.push({
          id: typeof call.id === 'string' ? call.id : null,
          name: typeof call.name === 'string' ? call.name : '(unknown tool)',
          arguments: call.args ?? {},
        });
    } else if (kind === 'tool') {
      const id = typeof message.tool_call_id === 'string' ? message.tool_call_id : null;
      outcomes.push({
        id,
        ...(typeof message.name === 'string' ? { name: message.name } : {}),
        ...(message.status === 'error'
          ? { error: textOf(message.content) }
          : { output: message.content }),
      });
    }
  }
  return { text, toolCalls: calls, toolOutcomes: outcomes };
}

/** How one turn of `agent` runs: the function itself, the tool loop around a chat model, or the graph's `invoke`. */
function runOf(
  agent: LangChainAgent | LangChainChatModel | LangChainRun,
  options: LangChainAdapterOptions,
): LangChainRun {
  if (isChatModel(agent)) {
    const tools = options.tools;
    if (!Array.isArray(tools) || tools.length === 0)
      throw new TypeError(
        `tools must be the chat model's tools (a non-empty array of LangChain tools) for the adapter to run them, got ${describeValue(tools)}`,
      );
    return chatModelRun(agent, tools, options.maxSteps ?? DEFAULT_MAX_STEPS);
  }
  if (options.maxSteps !== undefined)
    throw new TypeError(
      `maxSteps must be left out but for a chat model (a graph's config.recursionLimit bounds it), got ${describeValue(options.maxSteps)}`,
    );
  if (typeof agent === 'function') return agent;
  const graph = agent as LangChainAgent;
  return (call, runConfig) => graph.invoke(call, runConfig as never);
}

/**
 * An adapter over a LangChain agent or LangGraph graph whose state has
 * `messages`: its `invoke({ messages }, config)` is called with the session's
 * messages plus the user's; or over a chat model and `options.tools`, whose
 * tool loop the adapter runs; or `agent` is a function that runs the agent
 * and returns the final state. The manifest lists `options.tools`; side
 * effects come from `options.sideEffects` / `options.watch`.
 */
export function langchainAdapter(
  agent: LangChainAgent | LangChainChatModel | LangChainRun,
  options: LangChainAdapterOptions = {},
): AgentAdapter {
  if (typeof agent !== 'function' && !isAgent(agent))
    throw new TypeError(
      `agent must be a LangChain agent, LangGraph graph or chat model (invoke()) or a function that runs one, got ${describeValue(agent)}`,
    );
  const config = options.config ?? {};
  if (config === null || typeof config !== 'object')
    throw new TypeError(`config must be an object, got ${describeValue(config)}`);
  const run = runOf(agent, options);
  const manifest: AppManifest | null =
    options.manifest !== undefined
      ? options.manifest
      : manifestFromTools(toolsOf(options.tools), {
          name: options.name ?? 'LangChain agent',
          description: options.description,
          dataSources: options.dataSources,
        });
  // One checkpointer thread per session, found from the history the session holds.
  const threads = new WeakMap<readonly unknown[], string>();
  return frameworkAdapter<unknown>(
    {
      framework: 'langchain',
      async runTurn({ history, text }) {
        const thread = threads.get(history) ?? `rampart-${randomUUID()}`;
        const sent = [...history, { role: 'user', content: text }];
        const state = await run(
          { messages: sent as never[] },
          { ...config, configurable: { ...config.configurable, thread_id: thread } },
        );
        const messages = (state as { messages?: unknown } | null)?.messages;
        if (!Array.isArray(messages))
          throw new TypeError(
            `the LangChain agent must return a state with messages, got ${describeValue(state)}`,
          );
        const next: readonly unknown[] = messages;
        threads.set(next, thread);
        return { turn: readMessages(next.slice(sent.length)), history: next };
      },
    },
    { ...options, manifest },
  );
}
