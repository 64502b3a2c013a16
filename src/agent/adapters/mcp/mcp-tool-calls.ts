/**
 * Which MCP tools an agent called, with which arguments: a recorder that
 * wraps the agent's MCP client's `callTool` and hands each turn's calls and
 * results to an adapter, for agents whose own framework does not report
 * them (docs/adapters.md, "MCP").
 */
import { describeValue } from '../../../model/value-description';
import type { FrameworkToolCall, FrameworkToolOutcome } from '../base/tool-pairing';
import type { McpClient, McpToolResult } from './mcp-types';

/** One recorded MCP tool call. */
export interface McpToolCall {
  name: string;
  arguments: Record<string, unknown>;
  /** The tool's result; its text parts when it has only text. */
  output?: unknown;
  /** Set when the call failed (`isError`, or the request threw). */
  error?: unknown;
}

/** What {@link recordMcpToolCalls} returns. */
export interface McpToolCallRecorder {
  /** Every call so far, oldest first. */
  readonly calls: readonly McpToolCall[];
  /** A mark to pass to {@link McpToolCallRecorder.turnSince}: the number of calls so far. */
  mark(): number;
  /** The calls since `mark`, as a framework turn's `toolCalls` and `toolOutcomes`. */
  turnSince(mark: number): { toolCalls: FrameworkToolCall[]; toolOutcomes: FrameworkToolOutcome[] };
  /** Stops recording: puts the client's `callTool` back. */
  stop(): void;
}

function outputOf(result: unknown): unknown {
  const content = (result as McpToolResult | null)?.content;
  if (
    Array.isArray(content) &&
    content.length > 0 &&
    content.every((part) => typeof part?.text === 'string')
  )
    return content.map((part) => part.text).join('\n');
  return result;
}

/** Records every `callTool` of `client` until `stop()`. */
export function recordMcpToolCalls(client: McpClient): McpToolCallRecorder {
  if (client === null || typeof client !== 'object' || typeof client.callTool !== 'function')
    throw new TypeError(
      `recordMcpToolCalls client must be an MCP Client with callTool(), got ${describeValue(client)}`,
    );
  const calls: McpToolCall[] = [];
  const target = client as unknown as { callTool: (...args: unknown[]) => Promise<unknown> };
  const own = Object.prototype.hasOwnProperty.call(client, 'callTool');
  const original = target.callTool;
  target.callTool = async function recorded(this: unknown, ...args: unknown[]) {
    const params = (args[0] ?? {}) as { name?: unknown; arguments?: unknown };
    const call: McpToolCall = {
      name: String(params.name),
      arguments:
        params.arguments !== null && typeof params.arguments === 'object'
          ? (params.arguments as Record<string, unknown>)
          : {},
    };
    calls.push(call);
    try {
      const result = await original.apply(this, args);
      if ((result as McpToolResult | null)?.isError === true) call.error = outputOf(result);
      else call.output = outputOf(result);
      return result;
    } catch (error) {
      call.error = error;
      throw error;
    }
  };
  return {
    calls,
    mark: () => calls.length,
    turnSince(mark) {
      const turn = calls.slice(mark);
      return {
        toolCalls: turn.map((call) => ({ id: null, name: call.name, arguments: call.arguments })),
        toolOutcomes: turn.map((call) =>
          call.error !== undefined
            ? { id: null, name: call.name, error: call.error }
            : { id: null, name: call.name, output: call.output },
        ),
      };
    },
    stop() {
      if (own) target.callTool = original;
      else delete (target as { callTool?: unknown }).callTool;
    },
  };
}
