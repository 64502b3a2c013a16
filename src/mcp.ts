/**
 * `rampart/mcp`: a poisoned MCP server for agents that use MCP tools — the
 * tool-output, tool-description and resource surfaces over the agent's MCP
 * client, and `recordMcpToolCalls` for an adapter (docs/adapters.md). It
 * never loads the MCP SDK; the root entry point `rampart` never loads this one.
 */
export * from './agent/adapters/mcp';
