/**
 * The parts of an MCP client (`Client` of the MCP TypeScript SDK, v1
 * `@modelcontextprotocol/sdk` or v2 `@modelcontextprotocol/client`) that the
 * MCP surfaces and the call recorder wrap, and the transports and upstream
 * client of the proxy server, described structurally:
 * `rampart/mcp` never imports the SDK at load time.
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

/**
 * An MCP transport (stdio, Streamable HTTP, in-memory ...): what a `Client`
 * connects through, and what {@link McpProxyServer.connectInMemory} returns.
 */
export interface McpTransport {
  start(): Promise<void>;
  send(message: never, ...rest: never[]): Promise<void>;
  close(): Promise<void>;
}

/** A connected MCP `Client` of the upstream server: what the proxy forwards through. */
export interface McpUpstreamClient extends McpClient {
  /** The upstream server's capabilities, known once the client is connected. */
  getServerCapabilities(): unknown;
  getServerVersion?(): unknown;
  getInstructions?(): unknown;
  listResources?(...args: never[]): Promise<unknown>;
  listResourceTemplates?(...args: never[]): Promise<unknown>;
  listPrompts?(...args: never[]): Promise<unknown>;
  getPrompt?(...args: never[]): Promise<unknown>;
  complete?(...args: never[]): Promise<unknown>;
}
