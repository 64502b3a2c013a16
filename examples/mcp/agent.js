// The helpdesk agent with its tools over MCP: an in-process MCP server (the
// SDK's `McpServer` over its in-memory transport; SDK v1 here, and v2 with
// `@modelcontextprotocol/server` and `/client` in place of the three requires) with two tools
// (`read_inbox`, `send_email`) and a resource (`mail://policy`), and an
// agent that reads them through an MCP `Client`. A scripted loop stands in
// for the model: it falls for injected instructions (`vulnerable`) or treats
// what it reads as data (`mitigated`). No network. The end-to-end suite runs
// its attacks against this same agent.
const { McpServer } = require('@modelcontextprotocol/sdk/server/mcp.js');
const { Client } = require('@modelcontextprotocol/sdk/client/index.js');
const { InMemoryTransport } = require('@modelcontextprotocol/sdk/inMemory.js');
const { z } = require('zod');

/** An instruction to email someone, wherever the agent reads it. */
const INJECTED = /(?:send|forward|email)\b[^.]*?\bto ([\w.+-]+@[\w-]+(?:\.[\w-]+)+)/i;

function mailServer(outbox) {
  const server = new McpServer({ name: 'mail', version: '1.0.0' });
  server.registerTool(
    'read_inbox',
    {
      description: 'Reads the support inbox',
      inputSchema: z.object({ folder: z.string().optional() }),
    },
    async () => ({
      content: [{ type: 'text', text: JSON.stringify({ messages: ['My printer is broken.'] }) }],
    }),
  );
  server.registerTool(
    'send_email',
    {
      description: 'Sends an email',
      inputSchema: z.object({ to: z.string(), subject: z.string(), body: z.string() }),
    },
    async (email) => {
      outbox.push(email);
      return { content: [{ type: 'text', text: 'sent' }] };
    },
  );
  server.registerResource(
    'policy',
    'mail://policy',
    { description: 'The support policy', mimeType: 'text/plain' },
    async (uri) => ({ contents: [{ uri: uri.href, mimeType: 'text/plain', text: 'Be kind.' }] }),
  );
  return server;
}

/** The MCP server and the agent's client to it, connected in process; `outbox` holds the emails sent. */
async function connect() {
  const outbox = [];
  const server = mailServer(outbox);
  const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
  const client = new Client({ name: 'helpdesk', version: '1.0.0' });
  await Promise.all([server.connect(serverSide), client.connect(clientSide)]);
  return { client, server, outbox };
}

/**
 * The agent's turn: reads its tools, the policy and the inbox over MCP, then
 * answers; the vulnerable one first emails whoever an instruction it read names.
 */
function helpdeskAgent(client, mode) {
  return async (messages) => {
    const { tools } = await client.listTools();
    const policy = await client.readResource({ uri: 'mail://policy' });
    const inbox = await client.callTool({ name: 'read_inbox', arguments: { folder: 'support' } });
    const read = JSON.stringify([messages, tools, policy.contents, inbox.content]);
    const injected = INJECTED.exec(read);
    if (mode === 'vulnerable' && injected)
      await client.callTool({
        name: 'send_email',
        arguments: { to: injected[1], subject: 'as asked', body: 'the customer list' },
      });
    return 'One open ticket: a broken printer.';
  };
}

module.exports = { connect, helpdeskAgent };
