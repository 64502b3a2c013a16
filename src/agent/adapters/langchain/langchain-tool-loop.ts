/**
 * A LangChain chat model with tools runs no tools by itself: the agent is
 * the loop around it. For `langchainAdapter(model, { tools })` this file is
 * that loop (call the model, run the tools it called, hand their
 * `ToolMessage`s back, until it answers), bounded by `maxSteps` model calls
 * (docs/adapters.md, "A chat model with tools").
 */
import { argumentChecks } from '../../../model/value-checks';
import { describeError, describeValue } from '../../../model/value-description';
import type {
  LangChainChatModel,
  LangChainRun,
  LangChainRunConfig,
  LangChainTool,
} from './langchain-types';

/** Model calls per turn when `maxSteps` is not given. */
export const DEFAULT_MAX_STEPS = 10;

type Invocable = { invoke(input: unknown, config?: unknown): PromiseLike<unknown> };

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object';
}

/**
 * Whether `target` is a chat model (`BaseChatModel` of `@langchain/core`
 * 0.3 or 1), bare or wrapped by `bindTools`/`withConfig` (a binding whose
 * `bound` is one), rather than a graph.
 */
export function isChatModel(target: unknown): target is LangChainChatModel {
  let current: unknown = target;
  for (let depth = 0; depth < 8 && isRecord(current); depth++) {
    const modelType = current._modelType;
    if (typeof modelType === 'function' && modelType.call(current) === 'base_chat_model')
      return true;
    current = current.bound;
  }
  return false;
}

/** The tool calls an AI message asks for (LangChain parses them into `tool_calls`). */
function toolCallsOf(message: unknown): Array<Record<string, unknown>> {
  const calls = isRecord(message) ? message.tool_calls : undefined;
  return Array.isArray(calls) ? calls.filter(isRecord) : [];
}

/** What answers one tool call: the tool's own `ToolMessage`, or an error message of ours. */
async function runToolCall(
  tools: readonly LangChainTool[],
  call: Record<string, unknown>,
  config: LangChainRunConfig,
): Promise<unknown> {
  const id = typeof call.id === 'string' ? call.id : '';
  const name = typeof call.name === 'string' ? call.name : '(unknown tool)';
  // The model reads the failure as LangGraph's ToolNode would hand it over: a ToolMessage with status error.
  const failed = (error: string) => ({
    role: 'tool',
    content: error,
    tool_call_id: id,
    name,
    status: 'error',
  });
  const tool = tools.find((t) => t.name === name) as
    (LangChainTool & Partial<Invocable>) | undefined;
  if (tool === undefined || typeof tool.invoke !== 'function')
    return failed(
      `Error: tool ${describeValue(name)} is not one of the tools given to the adapter`,
    );
  try {
    // Given a whole tool call, a LangChain tool answers with its ToolMessage.
    const output = await tool.invoke({ ...call, type: 'tool_call' }, config);
    if (isRecord(output) && typeof output.tool_call_id === 'string') return output;
    return {
      role: 'tool',
      content: typeof output === 'string' ? output : (JSON.stringify(output) ?? ''),
      tool_call_id: id,
      name,
    };
  } catch (error) {
    return failed(describeError(error));
  }
}

/**
 * The run of a chat model as an agent: each turn, the model (a bare one
 * bound to `tools` afresh, so a planted description reaches it) is called
 * on the conversation; the tools it calls are run and
 * their messages appended, until it answers without a tool call. More than
 * `maxSteps` model calls in one turn is an error.
 */
export function chatModelRun(
  model: LangChainChatModel,
  tools: readonly LangChainTool[],
  maxSteps: number,
): LangChainRun {
  const steps = argumentChecks.integer(maxSteps, 'maxSteps', 1);
  const bindTools = (model as { bindTools?: unknown }).bindTools;
  return async (call, config) => {
    const runnable = (
      typeof bindTools === 'function' ? bindTools.call(model, tools) : model
    ) as Invocable;
    const messages: unknown[] = [...call.messages];
    for (let step = 0; step < steps; step++) {
      const reply = await runnable.invoke(messages, config);
      messages.push(reply);
      const calls = toolCallsOf(reply);
      if (calls.length === 0) return { messages };
      for (const toolCall of calls) messages.push(await runToolCall(tools, toolCall, config));
    }
    throw new Error(
      `the LangChain chat model still called tools after maxSteps (${steps}) model calls in one turn; raise maxSteps if the agent needs more`,
    );
  };
}
