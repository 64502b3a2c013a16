/**
 * `openAiAgentsAdapter`: an agent of the OpenAI Agents SDK, run with
 * `run(agent, input)`, as an {@link AgentAdapter}. Each session is a fresh
 * conversation (the RunResult's `history` is the next turn's input); the
 * run's tool call and tool output items land in the Response
 * (docs/adapters.md, "OpenAI Agents SDK").
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
import type {
  OpenAiAgentsAgent,
  OpenAiAgentsRun,
  OpenAiAgentsRunFunction,
  OpenAiAgentsRunItem,
  OpenAiAgentsRunResult,
  OpenAiAgentsTool,
} from './openai-agents-types';

/** Options of {@link openAiAgentsAdapter}. */
export interface OpenAiAgentsAdapterOptions extends FrameworkAdapterOptions {
  /** `run` of `@openai/agents` (or `runner.run.bind(runner)`); needed with an `Agent`. */
  run?: OpenAiAgentsRunFunction | undefined;
  /** The agent's tools, for the manifest; default: the agent's own `tools`. */
  tools?: readonly OpenAiAgentsTool[] | undefined;
  /** The agent's name in the manifest; default: the agent's `name`, else `OpenAI agent`. */
  name?: string | undefined;
  /** What the agent is for, in the manifest. */
  description?: string | undefined;
  /** Where the agent reads from, in the manifest. */
  dataSources?: DataSource[] | undefined;
}

function toolsOf(value: unknown): Array<{ name: string; description?: string; schema?: unknown }> {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value))
    throw new TypeError(`tools must be an array of function tools, got ${describeValue(value)}`);
  return (value as OpenAiAgentsTool[])
    .filter((tool) => tool !== null && typeof tool === 'object' && typeof tool.name === 'string')
    .map((tool) => ({
      name: tool.name,
      ...(typeof tool.description === 'string' ? { description: tool.description } : {}),
      schema: tool.parameters,
    }));
}

/**
 * What the SDK hands the model instead of a tool's result when the tool
 * throws and has no `errorFunction` of its own: this text alone (0.20), or
 * followed by ` Error: <error>` (earlier majors). The thrown error itself
 * stays inside the SDK.
 */
export const SDK_TOOL_ERROR = 'An error occurred while running the tool. Please try again.';

/** A tool output item's outcome: a failure when its output is the SDK's error message. */
function outcomeOf(id: string | null, name: string, output: unknown): FrameworkToolOutcome {
  if (typeof output === 'string' && output.startsWith(SDK_TOOL_ERROR))
    return { id, name, error: new Error(output) };
  return { id, name, output };
}

/** The turn the run's new items make: function calls, their outputs (or failures), the final output. */
export function readRunResult(result: OpenAiAgentsRunResult): FrameworkTurn {
  const calls: FrameworkToolCall[] = [];
  const outcomes: FrameworkToolOutcome[] = [];
  for (const item of result.newItems as readonly OpenAiAgentsRunItem[]) {
    const raw = item?.rawItem ?? {};
    const id = typeof raw.callId === 'string' ? raw.callId : null;
    const name = typeof raw.name === 'string' ? raw.name : '(unknown tool)';
    if (item?.type === 'tool_call_item' && raw.type === 'function_call')
      calls.push({ id, name, arguments: raw.arguments ?? {} });
    else if (item?.type === 'tool_call_output_item')
      outcomes.push(outcomeOf(id, name, item.output));
  }
  const final = result.finalOutput;
  const text =
    typeof final === 'string' ? final : final === undefined ? '' : (JSON.stringify(final) ?? '');
  return { text, toolCalls: calls, toolOutcomes: outcomes };
}

/**
 * An adapter over an OpenAI Agents SDK agent: `options.run(agent, input)`
 * with the session's input items plus the user's, or `agent` is a function
 * given those items that runs it. The manifest lists the agent's function
 * tools; side effects come from `options.sideEffects` / `options.watch`.
 */
export function openAiAgentsAdapter(
  agent: OpenAiAgentsAgent | OpenAiAgentsRun,
  options: OpenAiAgentsAdapterOptions = {},
): AgentAdapter {
  let runTurn: OpenAiAgentsRun;
  if (typeof agent === 'function') runTurn = agent;
  else {
    if (agent === null || typeof agent !== 'object')
      throw new TypeError(
        `agent must be an OpenAI Agents SDK Agent or a function that runs one, got ${describeValue(agent)}`,
      );
    const run = options.run;
    if (typeof run !== 'function')
      throw new TypeError(
        `run must be run of @openai/agents (or runner.run) to run an Agent, got ${describeValue(run)}`,
      );
    runTurn = (input) => run(agent as never, input);
  }
  const tools = options.tools ?? (typeof agent === 'function' ? undefined : agent.tools);
  const manifest: AppManifest | null =
    options.manifest !== undefined
      ? options.manifest
      : manifestFromTools(toolsOf(tools), {
          name:
            options.name ??
            (typeof agent !== 'function' && typeof agent.name === 'string'
              ? agent.name
              : 'OpenAI agent'),
          description: options.description,
          dataSources: options.dataSources,
        });
  return frameworkAdapter<unknown>(
    {
      framework: 'openai-agents',
      async runTurn({ history, text }) {
        const sent = [...history, { role: 'user', content: text }];
        const result = await runTurn(sent as never[]);
        if (
          result === null ||
          typeof result !== 'object' ||
          !Array.isArray(result.newItems) ||
          !Array.isArray(result.history)
        )
          throw new TypeError(
            `the OpenAI agent must return a RunResult (newItems, history), got ${describeValue(result)}`,
          );
        return { turn: readRunResult(result), history: result.history };
      },
    },
    { ...options, manifest },
  );
}
