/** The MCP surfaces, tool-call recorder and proxy server, behind the entry point `rampart/mcp`. */
export {
  toolOutputSurface,
  toolDescriptionSurface,
  resourceSurface,
  type McpSurfaceOptions,
} from './mcp-surfaces';
export { recordMcpToolCalls, type McpToolCall, type McpToolCallRecorder } from './mcp-tool-calls';
export type {
  McpClient,
  McpContent,
  McpToolResult,
  McpTransport,
  McpUpstreamClient,
} from './mcp-types';
export { mcpProxyServer, type McpProxyServer } from './mcp-proxy';
export { mcpAdapter, type McpAgent, type McpAgentMessage } from './mcp-adapter';
