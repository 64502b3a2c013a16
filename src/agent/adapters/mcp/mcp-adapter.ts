/**
 * `mcpAdapter`: an agent that uses its tools over MCP, as an
 * {@link AgentAdapter} whose Responses say which MCP tools the agent called
 * with which arguments and what they returned, read from the agent's MCP
 * client during each turn (docs/adapters.md, "MCP").
 */
import type { AgentAdapter } from '../../protocol/adapter';
import { describeValue } from '../../../model/value-description';
import { type FrameworkAdapterOptions, frameworkAdapter } from '../base/framework-adapter';
import { recordMcpToolCalls } from './mcp-tool-calls';
import type { McpClient } from './mcp-types';

/** A message of the conversation handed to an {@link McpAgent}. */
export interface McpAgentMessage {
  role: 'user' | 'assistant';
  content: string;
}

/** Your agent's turn: given the session's messages (the last is the user's), it answers, calling MCP tools through the client. */
export type McpAgent = (messages: readonly McpAgentMessage[]) => string | PromiseLike<string>;

/**
 * An adapter over `agent`, whose MCP tool calls through `client` during a
 * turn are the turn's tool calls (recorded outside any planted surface, so
 * their results are what the agent read). Each session starts an empty
 * conversation.
 */
export function mcpAdapter(
  client: McpClient,
  agent: McpAgent,
  options: FrameworkAdapterOptions = {},
): AgentAdapter {
  if (typeof agent !== 'function')
    throw new TypeError(
      `agent must be a function (messages) => reply text, got ${describeValue(agent)}`,
    );
  recordMcpToolCalls(client).stop(); // checks the client now, not at the first turn
  return frameworkAdapter<McpAgentMessage>(
    {
      framework: 'mcp',
      async runTurn({ history, text }) {
        const sent: McpAgentMessage[] = [...history, { role: 'user', content: text }];
        const recorder = recordMcpToolCalls(client);
        let reply: string;
        try {
          reply = await agent(sent);
        } finally {
          recorder.stop();
        }
        return {
          turn: { text: String(reply), ...recorder.turnSince(0) },
          history: [...sent, { role: 'assistant', content: String(reply) }],
        };
      },
    },
    options,
  );
}
