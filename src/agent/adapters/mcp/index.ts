/** The MCP surfaces and tool-call recorder, behind the entry point `rampart/mcp`. */
export {
  toolOutputSurface,
  toolDescriptionSurface,
  resourceSurface,
  type McpSurfaceOptions,
} from './mcp-surfaces';
export { recordMcpToolCalls, type McpToolCall, type McpToolCallRecorder } from './mcp-tool-calls';
export type { McpClient, McpContent, McpToolResult } from './mcp-types';
export { mcpAdapter, type McpAgent, type McpAgentMessage } from './mcp-adapter';
