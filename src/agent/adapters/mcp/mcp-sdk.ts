/**
 * The MCP TypeScript SDK as the proxy server uses it, loaded from the
 * user's installation when a proxy is built, never when `rampart/mcp` is
 * imported: version 1 (`@modelcontextprotocol/sdk`) or, when it is not
 * installed, version 2 (`@modelcontextprotocol/server`, and
 * `@modelcontextprotocol/client` to connect to an upstream transport). The
 * two differ in how a request handler is registered (a request schema in
 * 1, the method's name in 2); everything else the proxy needs has the same
 * shape in both (docs/adapters.md, "An MCP proxy server").
 */
import { describeError } from '../../../model/value-description';
import type { McpTransport } from './mcp-types';

/** A request handler of the proxy: the request's params in, the result out. */
export type McpRequestHandler = (params: unknown) => Promise<unknown>;

/** The SDK's low-level `Server`, as the proxy drives it. */
export interface SdkServer {
  connect(transport: McpTransport): Promise<void>;
  close(): Promise<void>;
  onerror?: ((error: Error) => void) | undefined;
}

/** The SDK's web-standard Streamable HTTP server transport. */
export interface SdkHttpTransport extends McpTransport {
  handleRequest(request: Request): Promise<Response>;
}

/** Options of the Streamable HTTP server transport that the proxy sets. */
export interface SdkHttpTransportOptions {
  sessionIdGenerator: undefined;
  enableJsonResponse: boolean;
  enableDnsRebindingProtection: boolean;
  allowedHosts: string[];
  allowedOrigins: string[];
}

/** The SDK's `Client`, connected by the proxy to an upstream transport. */
export interface SdkClient {
  connect(transport: McpTransport): Promise<void>;
  close(): Promise<void>;
}

/** What the proxy takes from one major of the SDK. */
export interface McpSdk {
  /** The package the server half came from. */
  readonly serverPackage: string;
  /** A low-level `Server` with `handlers` (by method name) registered. */
  server(
    info: { name: string; version: string },
    options: { capabilities: Record<string, object>; instructions?: string | undefined },
    handlers: ReadonlyMap<string, McpRequestHandler>,
  ): SdkServer;
  /** Two linked in-memory transports: [client side, server side]. */
  linkedPair(): [McpTransport, McpTransport];
  /** A stateless Streamable HTTP server transport. */
  httpTransport(options: SdkHttpTransportOptions): SdkHttpTransport;
  /** A `Client`; throws naming the package when the client half is not installed. */
  client(info: { name: string; version: string }): SdkClient;
}

type Module = Record<string, unknown>;

/** The request schemas of SDK 1, by method: its `setRequestHandler` takes a schema. */
const V1_SCHEMAS: Record<string, string> = {
  'tools/list': 'ListToolsRequestSchema',
  'tools/call': 'CallToolRequestSchema',
  'resources/list': 'ListResourcesRequestSchema',
  'resources/templates/list': 'ListResourceTemplatesRequestSchema',
  'resources/read': 'ReadResourceRequestSchema',
  'prompts/list': 'ListPromptsRequestSchema',
  'prompts/get': 'GetPromptRequestSchema',
  'completion/complete': 'CompleteRequestSchema',
};

function notInstalled(error: unknown, name: string): boolean {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  return (
    (code === 'MODULE_NOT_FOUND' || code === 'ERR_MODULE_NOT_FOUND') &&
    typeof message === 'string' &&
    message.includes(name)
  );
}

/** `require(id)`, or undefined when `pkg` is not installed; any other failure is thrown. */
function optional(id: string, pkg: string): Module | undefined {
  try {
    // Loaded when a proxy is built, so that importing rampart/mcp loads no SDK.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return require(id) as Module;
  } catch (error) {
    if (notInstalled(error, pkg)) return undefined;
    throw new Error(`${pkg} is installed but ${id} failed to load: ${describeError(error)}`);
  }
}

type Constructor<T> = new (...args: unknown[]) => T;

function member<T>(module: Module, name: string, pkg: string): T {
  const value = module[name];
  if (typeof value !== 'function' && (value === null || typeof value !== 'object'))
    throw new Error(`${pkg} has no ${name}: the MCP proxy server needs SDK 1.32 or later, or 2.4`);
  return value as T;
}

function sdkOf(
  serverPackage: string,
  server: Module,
  transports: { memory: Module; http: Module },
  register: (server: Module, method: string, handler: McpRequestHandler) => void,
  loadClient: () => Module,
  clientPackage: string,
): McpSdk {
  const Server = member<Constructor<SdkServer & Module>>(server, 'Server', serverPackage);
  const InMemory = member<{ createLinkedPair(): [McpTransport, McpTransport] }>(
    transports.memory,
    'InMemoryTransport',
    serverPackage,
  );
  const Http = member<Constructor<SdkHttpTransport>>(
    transports.http,
    'WebStandardStreamableHTTPServerTransport',
    serverPackage,
  );
  return {
    serverPackage,
    server(info, options, handlers) {
      const instance = new Server(info, options);
      for (const [method, handler] of handlers) register(instance, method, handler);
      return instance;
    },
    linkedPair: () => InMemory.createLinkedPair(),
    httpTransport: (options) => new Http(options),
    client(info) {
      const Client = member<Constructor<SdkClient>>(loadClient(), 'Client', clientPackage);
      return new Client(info);
    },
  };
}

function sdk1(): McpSdk | undefined {
  const pkg = '@modelcontextprotocol/sdk';
  const server = optional(`${pkg}/server/index.js`, pkg);
  if (!server) return undefined;
  const types = optional(`${pkg}/types.js`, pkg) ?? {};
  return sdkOf(
    pkg,
    server,
    {
      memory: optional(`${pkg}/inMemory.js`, pkg) ?? {},
      http: optional(`${pkg}/server/webStandardStreamableHttp.js`, pkg) ?? {},
    },
    (instance, method, handler) => {
      const schema = member<object>(types, V1_SCHEMAS[method] as string, pkg);
      (instance.setRequestHandler as (schema: object, handler: unknown) => void).call(
        instance,
        schema,
        (request: { params?: unknown }) => handler(request.params),
      );
    },
    () => optional(`${pkg}/client/index.js`, pkg) ?? {},
    pkg,
  );
}

function sdk2(): McpSdk | undefined {
  const pkg = '@modelcontextprotocol/server';
  const server = optional(pkg, pkg);
  if (!server) return undefined;
  const clientPackage = '@modelcontextprotocol/client';
  return sdkOf(
    pkg,
    server,
    { memory: server, http: server },
    (instance, method, handler) =>
      (instance.setRequestHandler as (method: string, handler: unknown) => void).call(
        instance,
        method,
        (request: { params?: unknown }) => handler(request.params),
      ),
    () => {
      const client = optional(clientPackage, clientPackage);
      if (!client)
        throw new Error(
          `connecting the MCP proxy server to an upstream transport needs ${clientPackage} (SDK 2) next to ${pkg}: install it, or pass a connected Client`,
        );
      return client;
    },
    clientPackage,
  );
}

/**
 * The installed MCP SDK: version 1 when `@modelcontextprotocol/sdk` is
 * installed, else version 2; throws naming both packages when neither is.
 */
export function loadMcpSdk(what: string): McpSdk {
  const sdk = sdk1() ?? sdk2();
  if (!sdk)
    throw new Error(
      `${what} needs the MCP TypeScript SDK, which is not installed: install @modelcontextprotocol/sdk (SDK 1) or @modelcontextprotocol/server (SDK 2)`,
    );
  return sdk;
}
