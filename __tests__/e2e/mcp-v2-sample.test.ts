/**
 * The MCP SDK 2 sample of docs/adapters.md (its client from
 * `@modelcontextprotocol/client`) compiles against the installed SDK 2
 * types, in a consumer project with the packed package, as mcp.test.ts
 * compiles the SDK 1 sample against `@modelcontextprotocol/sdk`; a sample
 * that misuses the client does not.
 */
import { docSamples } from './support/doc-samples';
import { exec } from './support/install';
import { frameworkScenario, mcpFixture, typecheckConfig } from './support/frameworks';
import { e2eNode } from './support/node-versions';

/** The sample needs the reader's agent: a stand-in that calls one MCP tool. */
const AGENT_TS = `
import type { Client } from '@modelcontextprotocol/client';
export function myAgent(client: Client) {
  return async (messages: ReadonlyArray<{ role: string; content: string }>) => {
    await client.callTool({ name: 'read_tickets', arguments: {} });
    return 'Read ' + messages.length + ' messages.';
  };
}
`;

test('the MCP SDK 2 sample of docs/adapters.md compiles against @modelcontextprotocol/client 2', () => {
  const sample = docSamples('adapters.md', 'mcp2');
  const source = sample['helpdesk.test.ts'] as string;
  expect(source).toContain("from '@modelcontextprotocol/client'");
  expect(source).not.toContain('@modelcontextprotocol/sdk');
  // The project mcp.test.ts runs rampart/mcp on SDK 2 in: one install for both.
  const fixture = mcpFixture(2);
  const node = e2eNode();
  const tsc = (dir: string) =>
    exec(node.bin, [`${fixture}/node_modules/typescript/bin/tsc`, '-p', dir], fixture);
  const files = { 'agent.ts': AGENT_TS, 'tsconfig.json': typecheckConfig('helpdesk.test.ts') };
  tsc(frameworkScenario(fixture, 'mcp2-sample').write({ ...files, ...sample }).dir);
  // The check reads the SDK's types: a method the v2 Client lacks fails it.
  const misused = source.replace('client.connect(', 'client.connectTo(');
  expect(misused).not.toBe(source);
  const broken = frameworkScenario(fixture, 'mcp2-sample-broken').write({
    ...files,
    'helpdesk.test.ts': misused,
  });
  expect(() => tsc(broken.dir)).toThrow(/connectTo/);
});
