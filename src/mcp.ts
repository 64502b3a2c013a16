/**
 * `rampart/mcp`: a poisoned MCP server for agents that use MCP tools — the
 * tool-output, tool-description and resource surfaces over the agent's MCP
 * client or over `mcpProxyServer` (a proxy in front of your server, for
 * frameworks that own their MCP client), and `recordMcpToolCalls` for an
 * adapter (docs/adapters.md). Importing it loads no MCP SDK (the proxy
 * loads the installed one when it is built); the root entry point `rampart`
 * never loads this one.
 */
export * from './agent/adapters/mcp';
