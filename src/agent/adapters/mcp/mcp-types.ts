/**
 * The parts of an MCP client (`Client` of the MCP TypeScript SDK, v1
 * `@modelcontextprotocol/sdk` or v2 `@modelcontextprotocol/client`) that the
 * MCP surfaces and the call recorder wrap, described structurally:
 * `rampart/mcp` never imports the SDK.
 */

/** One content part of a tool result or one resource content. */
export interface McpContent {
  type?: string;
  text?: string;
  uri?: string;
  [key: string]: unknown;
}

/** What `callTool` resolves to. */
export interface McpToolResult {
  content?: McpContent[];
  structuredContent?: unknown;
  isError?: boolean;
  [key: string]: unknown;
}

/** The MCP client your agent uses: the methods rampart wraps while an attack is active. */
export interface McpClient {
  callTool(
    params: { name: string; arguments?: Record<string, unknown> },
    ...rest: never[]
  ): Promise<unknown>;
  listTools(...args: never[]): Promise<unknown>;
  readResource(params: { uri: string }, ...rest: never[]): Promise<unknown>;
}
