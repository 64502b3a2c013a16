/**
 * `mcpProxyServer`: an MCP server that sits between an agent and your MCP
 * server, for agents whose framework owns its MCP client (it is given a URL
 * or a transport, never a `Client` rampart could wrap). The proxy connects to
 * the upstream server (your connected `Client`, or a transport it connects
 * a `Client` through) and serves the same tools, resources, prompts and
 * completions, forwarding every request through its own `callTool`,
 * `listTools`, `readResource` ... methods, looked up at each request. So the
 * proxy is an MCP client to the surfaces of `mcp-surfaces.ts`, which plant
 * on it exactly as on an agent's `Client`, and to `recordMcpToolCalls`.
 * The agent connects over Streamable HTTP on 127.0.0.1, or over an
 * in-memory transport in process (docs/adapters.md, "An MCP proxy server").
 */
import { describeError, describeValue } from '../../../model/value-description';
import { type HttpEndpoint, listenOnLoopback } from './mcp-http';
import { type McpRequestHandler, type McpSdk, type SdkServer, loadMcpSdk } from './mcp-sdk';
import type { McpClient, McpTransport, McpUpstreamClient } from './mcp-types';

/** The proxy: an MCP client for the surfaces, an MCP server for the agent. */
export interface McpProxyServer extends McpClient {
  /**
   * Starts (once) the Streamable HTTP endpoint on 127.0.0.1, at a port the
   * system picks, and resolves its URL, `http://127.0.0.1:<port>/mcp`: the
   * `url` you give the agent's framework.
   */
  listen(): Promise<string>;
  /** The endpoint's URL once {@link McpProxyServer.listen} resolved. */
  readonly url: string | undefined;
  /** A transport for an in-process client, linked to a server of its own on the proxy. */
  connectInMemory(): Promise<McpTransport>;
  /**
   * Stops the endpoint, closes the in-memory servers, and closes the upstream
   * client when the proxy opened it (given a transport); a `Client` you
   * passed stays open. Safe to call more than once.
   */
  close(): Promise<void>;
  callTool(params: { name: string; arguments?: Record<string, unknown> }): Promise<unknown>;
  listTools(params?: Record<string, unknown>): Promise<unknown>;
  readResource(params: { uri: string }): Promise<unknown>;
  listResources(params?: Record<string, unknown>): Promise<unknown>;
  listResourceTemplates(params?: Record<string, unknown>): Promise<unknown>;
  listPrompts(params?: Record<string, unknown>): Promise<unknown>;
  getPrompt(params: { name: string; arguments?: Record<string, string> }): Promise<unknown>;
  complete(params: Record<string, unknown>): Promise<unknown>;
}

type Forwarded =
  | 'callTool'
  | 'listTools'
  | 'readResource'
  | 'listResources'
  | 'listResourceTemplates'
  | 'listPrompts'
  | 'getPrompt'
  | 'complete';

/** The requests served for each capability of the upstream server, and the proxy's method that answers each. */
const ROUTES: Record<string, Record<string, Forwarded>> = {
  tools: { 'tools/list': 'listTools', 'tools/call': 'callTool' },
  resources: {
    'resources/list': 'listResources',
    'resources/templates/list': 'listResourceTemplates',
    'resources/read': 'readResource',
  },
  prompts: { 'prompts/list': 'listPrompts', 'prompts/get': 'getPrompt' },
  completions: { 'completion/complete': 'complete' },
};

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object';
}

const EXPECTED = 'a connected MCP Client or an MCP transport';

function serverInfo(upstream: McpUpstreamClient): { name: string; version: string } {
  const info = upstream.getServerVersion?.();
  const { name, version } = isObject(info) ? info : {};
  return {
    name: typeof name === 'string' ? name : 'mcp-proxy',
    version: typeof version === 'string' ? version : '0.0.0',
  };
}

class ProxyServer implements McpProxyServer {
  url: string | undefined;
  readonly #sdk: McpSdk;
  readonly #upstream: McpUpstreamClient;
  readonly #ownsUpstream: boolean;
  readonly #info: { name: string; version: string };
  readonly #instructions: string | undefined;
  readonly #capabilities: Record<string, object> = {};
  readonly #handlers = new Map<string, McpRequestHandler>();
  readonly #servers = new Set<SdkServer>();
  #endpoint: Promise<HttpEndpoint> | undefined;
  #closing: Promise<void> | undefined;

  constructor(sdk: McpSdk, upstream: McpUpstreamClient, ownsUpstream: boolean) {
    this.#sdk = sdk;
    this.#upstream = upstream;
    this.#ownsUpstream = ownsUpstream;
    this.#info = serverInfo(upstream);
    const instructions = upstream.getInstructions?.();
    this.#instructions = typeof instructions === 'string' ? instructions : undefined;
    const capabilities = upstream.getServerCapabilities() as Record<string, unknown>;
    for (const [capability, routes] of Object.entries(ROUTES)) {
      if (!isObject(capabilities[capability])) continue;
      // Served without subscriptions or list-changed notifications: the proxy forwards requests only.
      this.#capabilities[capability] = {};
      for (const [method, name] of Object.entries(routes))
        // Looked up at each request, so a surface planted on the proxy sees it.
        this.#handlers.set(method, (params) =>
          (this[name] as (params: unknown) => Promise<unknown>)(params ?? {}),
        );
    }
  }

  #forward(name: Forwarded, params: unknown): Promise<unknown> {
    const method = (this.#upstream as unknown as Record<string, unknown>)[name];
    if (typeof method !== 'function')
      return Promise.reject(new Error(`the upstream MCP client has no ${name}()`));
    return (method as (params: unknown) => Promise<unknown>).call(this.#upstream, params);
  }

  callTool(params: { name: string; arguments?: Record<string, unknown> }): Promise<unknown> {
    return this.#forward('callTool', params);
  }
  listTools(params?: Record<string, unknown>): Promise<unknown> {
    return this.#forward('listTools', params);
  }
  readResource(params: { uri: string }): Promise<unknown> {
    return this.#forward('readResource', params);
  }
  listResources(params?: Record<string, unknown>): Promise<unknown> {
    return this.#forward('listResources', params);
  }
  listResourceTemplates(params?: Record<string, unknown>): Promise<unknown> {
    return this.#forward('listResourceTemplates', params);
  }
  listPrompts(params?: Record<string, unknown>): Promise<unknown> {
    return this.#forward('listPrompts', params);
  }
  getPrompt(params: { name: string; arguments?: Record<string, string> }): Promise<unknown> {
    return this.#forward('getPrompt', params);
  }
  complete(params: Record<string, unknown>): Promise<unknown> {
    return this.#forward('complete', params);
  }

  #checkOpen(what: string): void {
    if (this.#closing) throw new Error(`${what}: the MCP proxy server is closed`);
  }

  /** A server of the proxy for one connection (HTTP: one request). */
  #server(): SdkServer {
    const server = this.#sdk.server(
      this.#info,
      { capabilities: this.#capabilities, instructions: this.#instructions },
      this.#handlers,
    );
    // Errors of the agent's connection reach the agent as JSON-RPC errors; the proxy prints nothing.
    server.onerror = () => undefined;
    this.#servers.add(server);
    return server;
  }

  async connectInMemory(): Promise<McpTransport> {
    this.#checkOpen('connectInMemory');
    const [clientSide, serverSide] = this.#sdk.linkedPair();
    await this.#server().connect(serverSide);
    return clientSide;
  }

  async #answer(request: Request, endpoint: HttpEndpoint): Promise<Response> {
    const transport = this.#sdk.httpTransport({
      sessionIdGenerator: undefined,
      enableJsonResponse: true,
      enableDnsRebindingProtection: true,
      allowedHosts: endpoint.hosts,
      allowedOrigins: endpoint.origins,
    });
    const server = this.#server();
    try {
      await server.connect(transport);
      return await transport.handleRequest(request);
    } finally {
      this.#servers.delete(server);
      await server.close().catch(() => undefined);
    }
  }

  async listen(): Promise<string> {
    this.#checkOpen('listen');
    this.#endpoint ??= listenOnLoopback((request, endpoint) => this.#answer(request, endpoint));
    const endpoint = await this.#endpoint;
    this.url = endpoint.url;
    return endpoint.url;
  }

  close(): Promise<void> {
    this.#closing ??= (async () => {
      const endpoint = await this.#endpoint?.catch(() => undefined);
      await endpoint?.close();
      const servers = [...this.#servers];
      this.#servers.clear();
      await Promise.all(servers.map((server) => server.close().catch(() => undefined)));
      if (this.#ownsUpstream) await (this.#upstream as { close?: () => Promise<void> }).close?.();
    })();
    return this.#closing;
  }
}

/**
 * A proxy MCP server in front of `upstream`: a connected MCP `Client` (it
 * stays yours to close), or a transport to your server, which the proxy
 * connects a `Client` of the installed SDK through (and closes). Plant the
 * surfaces on the proxy (`toolOutputSurface(proxy, tool)`), then connect the
 * agent: `await proxy.listen()` for a URL, or `await proxy.connectInMemory()`.
 */
export async function mcpProxyServer(
  upstream: McpUpstreamClient | McpTransport,
): Promise<McpProxyServer> {
  const given = upstream as unknown as Record<string, unknown>;
  const isClient =
    isObject(upstream) &&
    typeof given.callTool === 'function' &&
    typeof given.getServerCapabilities === 'function';
  const isTransport =
    isObject(upstream) &&
    !isClient &&
    ['start', 'send', 'close'].every((method) => typeof given[method] === 'function');
  if (!isClient && !isTransport)
    throw new TypeError(
      `mcpProxyServer upstream must be ${EXPECTED}, got ${describeValue(upstream)}`,
    );
  const sdk = loadMcpSdk('mcpProxyServer');
  let client = upstream as McpUpstreamClient;
  if (isTransport) {
    const opened = sdk.client({ name: 'rampart-mcp-proxy', version: '1.0.0' });
    try {
      await opened.connect(upstream as McpTransport);
    } catch (error) {
      await opened.close().catch(() => undefined);
      throw new Error(
        `mcpProxyServer could not connect to the upstream MCP server: ${describeError(error)}`,
      );
    }
    client = opened as unknown as McpUpstreamClient;
  } else if (!isObject(client.getServerCapabilities()))
    throw new TypeError(
      `mcpProxyServer upstream must be ${EXPECTED}, got a Client that is not connected (no server capabilities)`,
    );
  return new ProxyServer(sdk, client, isTransport);
}
