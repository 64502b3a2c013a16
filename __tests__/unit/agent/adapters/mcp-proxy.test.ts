/**
 * `mcpProxyServer` against the real MCP SDK 1 (an upstream `McpServer` in
 * process over the SDK's in-memory transport; the agent's `Client` over
 * Streamable HTTP or in memory): it serves and forwards the upstream's
 * tools, resources and prompts, the three MCP surfaces plant on it, the
 * recorder reads the calls through it, it owns only the client it opened,
 * its endpoint answers POST /mcp from its own host on 127.0.0.1 only and
 * prints nothing, it closes, and a missing SDK or bad upstream is named.
 * (The end-to-end test runs it under OpenAI Agents SDK, SDK 1 and 2.)
 */
import * as http from 'node:http';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import { createPayload, createRequest } from '../../../../src';
import {
  type McpProxyServer,
  mcpAdapter,
  mcpProxyServer,
  resourceSurface,
  toolDescriptionSurface,
  toolOutputSurface,
} from '../../../../src/mcp';

const payload = createPayload({ id: 'p', content: 'PLANTED' });

/** The user's MCP server, in process; `clientSide` is the transport to it. */
async function upstream() {
  const outbox: unknown[] = [];
  const server = new McpServer(
    { name: 'mail', version: '1.2.3' },
    { instructions: 'Use the mail tools.' },
  );
  server.registerTool(
    'read_inbox',
    { description: 'Reads the inbox', inputSchema: { folder: z.string().optional() } },
    async () => ({ content: [{ type: 'text', text: '{"messages":["hello"]}' }] }),
  );
  server.registerTool(
    'send_email',
    { description: 'Sends an email', inputSchema: { to: z.string() } },
    async (email) => {
      outbox.push(email);
      return { content: [{ type: 'text', text: 'sent' }] };
    },
  );
  server.registerTool('broken', { description: 'Fails' }, async () => {
    throw new Error('disk full');
  });
  server.registerResource('policy', 'mail://policy', { mimeType: 'text/plain' }, async (uri) => ({
    contents: [{ uri: uri.href, text: 'Be kind.' }],
  }));
  server.registerPrompt('triage', { description: 'Triage the inbox' }, async () => ({
    messages: [{ role: 'user', content: { type: 'text', text: 'Triage it.' } }],
  }));
  const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
  await server.connect(serverSide);
  return { server, clientSide, outbox };
}

/** A connected client of the upstream server, as a user would pass it. */
async function upstreamClient() {
  const { server, clientSide, outbox } = await upstream();
  const client = new Client({ name: 'test', version: '1.0.0' });
  await client.connect(clientSide);
  return { server, client, outbox };
}

/** The agent's client, connected to the proxy over Streamable HTTP. */
async function httpClient(proxy: McpProxyServer): Promise<Client> {
  const client = new Client({ name: 'agent', version: '1.0.0' });
  await client.connect(new StreamableHTTPClientTransport(new URL(await proxy.listen())));
  return client;
}

const texts = (result: unknown) =>
  ((result as { content: Array<{ text?: string }> }).content ?? []).map((part) => part.text);

const opened: Array<{ close(): Promise<void> }> = [];
afterEach(async () => {
  for (const closable of opened.splice(0).reverse()) await closable.close();
});

test('serves the upstream tools, resources and prompts over HTTP on 127.0.0.1 and in memory', async () => {
  const { client: direct, server, outbox } = await upstreamClient();
  const proxy = await mcpProxyServer(direct);
  opened.push(server, direct, proxy);
  const url = await proxy.listen();
  expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/mcp$/);
  expect(proxy.url).toBe(url);
  expect(await proxy.listen()).toBe(url);
  const agent = await httpClient(proxy);
  const inProcess = new Client({ name: 'agent', version: '1.0.0' });
  await inProcess.connect(await proxy.connectInMemory());
  opened.push(agent, inProcess);

  for (const client of [agent, inProcess]) {
    expect(client.getServerVersion()).toEqual(expect.objectContaining({ name: 'mail' }));
    expect(client.getInstructions()).toBe('Use the mail tools.');
    expect(client.getServerCapabilities()).toEqual({ tools: {}, resources: {}, prompts: {} });
    expect(await client.listTools()).toEqual(await direct.listTools());
    expect(await client.listResources()).toEqual(await direct.listResources());
    expect(await client.readResource({ uri: 'mail://policy' })).toEqual({
      contents: [{ uri: 'mail://policy', text: 'Be kind.' }],
    });
    expect(await client.getPrompt({ name: 'triage' })).toEqual(
      await direct.getPrompt({ name: 'triage' }),
    );
    expect(
      texts(await client.callTool({ name: 'send_email', arguments: { to: 'a@b.c' } })),
    ).toEqual(['sent']);
    // A failing tool is a failing result, and the proxy keeps serving.
    expect(await client.callTool({ name: 'broken', arguments: {} })).toEqual(
      expect.objectContaining({ isError: true }),
    );
  }
  expect(outbox).toEqual([{ to: 'a@b.c' }, { to: 'a@b.c' }]);
});

test('the three MCP surfaces plant on the proxy: the agent reads the payload, the upstream client is untouched', async () => {
  const { client: direct, server } = await upstreamClient();
  const proxy = await mcpProxyServer(direct);
  opened.push(server, direct, proxy);
  const agent = await httpClient(proxy);
  opened.push(agent);
  const handles = [
    toolOutputSurface(proxy, 'read_inbox', { mode: { field: 'messages' } }).inject({ payload }),
    toolDescriptionSurface(proxy, 'send_email').inject({ payload }),
    resourceSurface(proxy, 'mail://policy', { mode: 'replace' }).inject({ payload }),
  ];
  for (const handle of handles) await handle.activate();
  expect(texts(await agent.callTool({ name: 'read_inbox', arguments: {} }))).toEqual([
    '{"messages":["hello","PLANTED"]}',
  ]);
  const described = (await agent.listTools()).tools.map((tool) => [tool.name, tool.description]);
  expect(described).toEqual([
    ['read_inbox', 'Reads the inbox'],
    ['send_email', 'Sends an email\n\nPLANTED'],
    ['broken', 'Fails'],
  ]);
  expect((await agent.readResource({ uri: 'mail://policy' })).contents).toEqual([
    // The SDK's schema keeps a resource content's own keys (the surface's `type` goes).
    { uri: 'mail://policy', text: 'PLANTED' },
  ]);
  // The upstream client is not wrapped: the payload is the proxy's alone.
  expect(texts(await direct.callTool({ name: 'read_inbox', arguments: {} }))).toEqual([
    '{"messages":["hello"]}',
  ]);
  for (const handle of handles) await handle.cleanup();
  expect(['callTool', 'listTools', 'readResource'].filter((m) => Object.hasOwn(proxy, m))).toEqual(
    [],
  );
  expect(texts(await agent.callTool({ name: 'read_inbox', arguments: {} }))).toEqual([
    '{"messages":["hello"]}',
  ]);
  expect((await agent.readResource({ uri: 'mail://policy' })).contents).toEqual([
    { uri: 'mail://policy', text: 'Be kind.' },
  ]);
});

test('mcpAdapter over the proxy: the calls an agent made through its own client, as it read them', async () => {
  const { server, clientSide } = await upstream();
  const proxy = await mcpProxyServer(clientSide);
  opened.push(server, proxy);
  const agent = await httpClient(proxy);
  opened.push(agent);
  const adapter = mcpAdapter(proxy, async () => {
    await agent.callTool({ name: 'read_inbox', arguments: { folder: 'support' } });
    return 'read';
  });
  const handle = toolOutputSurface(proxy, 'read_inbox', { mode: 'replace' }).inject({ payload });
  await handle.activate();
  const response = await (await adapter.createSession()).send(createRequest('go'));
  await handle.cleanup();
  expect(response.toolCalls).toEqual([
    { name: 'read_inbox', arguments: { folder: 'support' }, result: 'PLANTED' },
  ]);
});

test('the proxy closes the client it opened on a transport, and leaves a Client you passed open', async () => {
  const fromTransport = await upstream();
  const proxy = await mcpProxyServer(fromTransport.clientSide);
  await proxy.connectInMemory();
  expect(fromTransport.server.isConnected()).toBe(true);
  await proxy.close();
  expect(fromTransport.server.isConnected()).toBe(false);

  const { client, server } = await upstreamClient();
  opened.push(server, client);
  const other = await mcpProxyServer(client);
  await other.listen();
  await other.close();
  expect((await client.listTools()).tools).toHaveLength(3);
});

test('closed: the endpoint stops listening, the proxy serves no more, close twice is fine', async () => {
  const { server, clientSide } = await upstream();
  opened.push(server);
  const proxy = await mcpProxyServer(clientSide);
  const agent = await httpClient(proxy);
  await proxy.close();
  await proxy.close();
  await expect(agent.listTools()).rejects.toThrow();
  await agent.close();
  await expect(fetch(proxy.url as string, { method: 'POST' })).rejects.toThrow();
  await expect(proxy.listen()).rejects.toThrow('listen: the MCP proxy server is closed');
  await expect(proxy.connectInMemory()).rejects.toThrow(
    'connectInMemory: the MCP proxy server is closed',
  );
});

/** One raw HTTP request to the endpoint, with the headers given (Host included). */
function raw(
  url: string,
  options: { method?: string; path?: string; host?: string; body?: string | Buffer },
): Promise<{ status: number; body: string }> {
  const { port } = new URL(url);
  return new Promise((resolve, reject) => {
    const request = http.request(
      {
        host: '127.0.0.1',
        port,
        method: options.method ?? 'POST',
        path: options.path ?? '/mcp',
        headers: {
          host: options.host ?? `127.0.0.1:${port}`,
          'content-type': 'application/json',
          accept: 'application/json, text/event-stream',
        },
      },
      (response) => {
        let body = '';
        response.on('data', (chunk: Buffer) => (body += chunk.toString()));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
      },
    );
    // The server may answer (413) and close before a huge body is sent.
    request.on('error', (error) => reject(error));
    request.end(options.body);
  });
}

test('the endpoint answers POST /mcp from its own host only, bounds bodies and prints nothing', async () => {
  const { server, clientSide } = await upstream();
  const proxy = await mcpProxyServer(clientSide);
  opened.push(server, proxy);
  const url = await proxy.listen();
  const printed: unknown[] = [];
  const spies = [
    jest.spyOn(process.stdout, 'write').mockImplementation((text) => !!printed.push(text)),
    jest.spyOn(process.stderr, 'write').mockImplementation((text) => !!printed.push(text)),
    ...(['log', 'info', 'warn', 'error', 'debug'] as const).map((level) =>
      jest.spyOn(console, level).mockImplementation((...args) => void printed.push(args)),
    ),
  ];
  try {
    const list = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list', params: {} });
    expect((await raw(url, { body: list })).status).toBe(200);
    // DNS rebinding: a page that renamed a host to 127.0.0.1 sends its own name.
    expect((await raw(url, { body: list, host: 'evil.example' })).status).toBe(403);
    expect((await raw(url, { method: 'GET' })).status).toBe(405);
    expect((await raw(url, { path: '/other', body: list })).status).toBe(404);
    expect((await raw(url, { path: 'http://evil.example/mcp', body: list })).status).toBe(404);
    const escapes = '{"jsonrpc":"2.0","id":"\u001b]8;;x\u0007\u001b[2J","method":';
    expect((await raw(url, { body: escapes })).status).toBe(400);
    const huge = await raw(url, { body: Buffer.alloc(5 * 1024 * 1024, 32) }).catch(
      (error: NodeJS.ErrnoException) => ({ status: error.code ?? 'error', body: '' }),
    );
    expect([413, 'ECONNRESET', 'EPIPE']).toContain(huge.status);
  } finally {
    for (const spy of spies) spy.mockRestore();
  }
  expect(printed).toEqual([]);
});

test('a bad upstream and a missing SDK are named', async () => {
  await expect(mcpProxyServer(42 as never)).rejects.toThrow(
    'mcpProxyServer upstream must be a connected MCP Client or an MCP transport, got 42',
  );
  await expect(
    mcpProxyServer(new Client({ name: 'test', version: '1.0.0' }) as never),
  ).rejects.toThrow(
    'mcpProxyServer upstream must be a connected MCP Client or an MCP transport, got a Client that is not connected (no server capabilities)',
  );
  const { clientSide } = await upstream();
  let load: Promise<unknown> | undefined;
  jest.isolateModules(() => {
    // SDK 1 missing (SDK 2 is not installed here either).
    jest.doMock('@modelcontextprotocol/sdk/server/index.js', () => {
      throw Object.assign(
        new Error("Cannot find module '@modelcontextprotocol/sdk/server/index.js'"),
        { code: 'MODULE_NOT_FOUND' },
      );
    });
    const isolated =
      jest.requireActual<typeof import('../../../../src/mcp')>('../../../../src/mcp');
    load = isolated.mcpProxyServer(clientSide);
  });
  await expect(load).rejects.toThrow(
    'mcpProxyServer needs the MCP TypeScript SDK, which is not installed: install @modelcontextprotocol/sdk (SDK 1) or @modelcontextprotocol/server (SDK 2)',
  );
  await clientSide.close();
});
