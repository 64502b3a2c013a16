/**
 * `rampart/mcp` over a client-shaped object (the surfaces and the recorder
 * wrap its methods; the end-to-end test runs the real MCP SDK): each surface
 * plants only into its tool or resource and puts the method back, the
 * recorder sits outside a planted surface, and bad arguments are named.
 */
import { createPayload, createRequest } from '../../../../src';
import {
  mcpAdapter,
  resourceSurface,
  toolDescriptionSurface,
  toolOutputSurface,
} from '../../../../src/mcp';

class FakeClient {
  async callTool(params: { name: string; arguments?: Record<string, unknown> }) {
    if (params.name === 'fail') return { isError: true, content: [{ type: 'text', text: 'no' }] };
    return { content: [{ type: 'text', text: `{"from":"${params.name}"}` }] };
  }
  async listTools() {
    return {
      tools: [
        { name: 'a', description: 'A' },
        { name: 'b', description: 'B' },
      ],
    };
  }
  async readResource(params: { uri: string }) {
    return { contents: [{ uri: params.uri, text: 'doc' }] };
  }
}

const payload = createPayload({ id: 'p', content: 'PLANTED' });
const own = (client: object) =>
  ['callTool', 'listTools', 'readResource'].filter((m) => Object.hasOwn(client, m));

test('each surface plants only into its tool or resource, and puts the method back', async () => {
  const client = new FakeClient();
  const handles = [
    toolOutputSurface(client, 'a', { mode: { field: 'extra' } }).inject({ payload }),
    toolDescriptionSurface(client, 'b', { mode: 'replace' }).inject({ payload }),
    resourceSurface(client, 'doc://x').inject({ payload }),
  ];
  expect(handles.map((h) => h.surfaceName)).toEqual([
    'McpToolOutput:a',
    'McpToolDescription:b',
    'McpResource:doc://x',
  ]);
  for (const handle of handles) await handle.activate();
  expect(await client.callTool({ name: 'a' })).toEqual({
    content: [{ type: 'text', text: '{"from":"a","extra":"PLANTED"}' }],
  });
  expect(await client.callTool({ name: 'c' })).toEqual({
    content: [{ type: 'text', text: '{"from":"c"}' }],
  });
  expect(await client.listTools()).toEqual({
    tools: [
      { name: 'a', description: 'A' },
      { name: 'b', description: 'PLANTED' },
    ],
  });
  expect(await client.readResource({ uri: 'doc://x' })).toEqual({
    contents: [
      { uri: 'doc://x', text: 'doc' },
      { uri: 'doc://x', type: 'text', text: 'PLANTED' },
    ],
  });
  expect((await client.readResource({ uri: 'doc://y' })).contents).toHaveLength(1);
  for (const handle of handles) await handle.cleanup();
  expect(own(client)).toEqual([]);
});

test('mcpAdapter: the turn’s MCP calls, read outside a planted surface; failures; history', async () => {
  const client = new FakeClient();
  const seen: number[] = [];
  const adapter = mcpAdapter(client, async (messages) => {
    seen.push(messages.length);
    await client.callTool({ name: 'a', arguments: { q: 1 } });
    await client.callTool({ name: 'fail' });
    return 'done';
  });
  const handle = toolOutputSurface(client, 'a', { mode: 'replace' }).inject({ payload });
  await handle.activate();
  const session = await adapter.createSession();
  const response = await session.send(createRequest('go'));
  await handle.cleanup();
  expect(own(client)).toEqual([]);
  expect(response.text).toBe('done');
  expect(response.toolCalls).toEqual([
    { name: 'a', arguments: { q: 1 }, result: 'PLANTED' },
    { name: 'fail', arguments: {}, result: 'no' },
  ]);
  expect(response.metadata).toEqual({
    framework: 'mcp',
    tool_errors: [{ tool: 'fail', error: 'no' }],
  });
  await session.send(createRequest('again'));
  await (await adapter.createSession()).send(createRequest('other'));
  expect(seen).toEqual([1, 3, 1]);
});

test('bad clients and agents are named with the value', () => {
  expect(() => toolOutputSurface({} as never, 'a')).toThrow(
    'toolOutputSurface client must be an MCP Client with callTool(), got {}',
  );
  expect(() => resourceSurface(new FakeClient(), 'x', { mode: 'prepend' as never })).toThrow(
    "resourceSurface mode must be 'replace', 'append' or { field: 'path.to.field' }, got \"prepend\"",
  );
  expect(() => mcpAdapter(new FakeClient(), 'agent' as never)).toThrow(
    'agent must be a function (messages) => reply text, got "agent"',
  );
});
