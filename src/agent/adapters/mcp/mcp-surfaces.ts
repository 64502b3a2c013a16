/**
 * Surfaces between an agent and an MCP server: the payload planted in a
 * tool's result, a tool's description or a resource's contents on their
 * way from the server to the agent, by wrapping the methods of the agent's
 * MCP client (`callTool`, `listTools`, `readResource`) while the attack is
 * active. The server itself is not changed; cleanup puts the client's
 * methods back (docs/adapters.md, "MCP").
 */
import type { Surface } from '../../protocol/injection';
import { describeValue } from '../../../model/value-description';
import { defineSurface } from '../base/define-surface';
import { type PlantMode, checkPlantMode, plantPayload } from '../base/plant';
import type { McpClient, McpContent, McpToolResult } from './mcp-types';

/** Options of the MCP surfaces. */
export interface McpSurfaceOptions {
  /** `append` (default): one more text part; `replace`: the payload alone; `{ field }`: into that field of JSON text. */
  mode?: PlantMode | undefined;
  /** The surface's name in Results; default `McpToolOutput:<tool>`, `McpToolDescription:<tool>`, `McpResource:<uri>`. */
  name?: string | undefined;
}

type Method = 'callTool' | 'listTools' | 'readResource';

function checkClient(client: unknown, method: Method, what: string): McpClient {
  if (
    client === null ||
    typeof client !== 'object' ||
    typeof (client as Record<string, unknown>)[method] !== 'function'
  )
    throw new TypeError(
      `${what} client must be an MCP Client with ${method}(), got ${describeValue(client)}`,
    );
  return client as McpClient;
}

/** Wraps `client[method]` so its results go through `rewrite` while active. */
function wrapping(
  name: string,
  client: McpClient,
  method: Method,
  rewrite: (result: unknown, params: unknown, content: string) => unknown,
): Surface {
  return defineSurface(name, {
    activate(payload) {
      const target = client as unknown as Record<Method, (...args: unknown[]) => Promise<unknown>>;
      const own = Object.prototype.hasOwnProperty.call(client, method);
      const original = target[method];
      target[method] = async function planted(this: unknown, ...args: unknown[]) {
        return rewrite(await original.apply(this, args), args[0], payload.content);
      };
      return () => {
        if (own) target[method] = original;
        else delete (target as Partial<typeof target>)[method];
      };
    },
  });
}

/** Text contents with the payload planted as `mode` says. */
function plantContents(
  contents: McpContent[],
  content: string,
  mode: PlantMode,
  extra: McpContent,
): McpContent[] {
  if (mode === 'append') return [...contents, { ...extra, type: 'text', text: content }];
  if (mode === 'replace') return [{ ...extra, type: 'text', text: content }];
  return contents.map((part) =>
    typeof part.text === 'string'
      ? { ...part, text: String(plantPayload(part.text, content, mode)) }
      : part,
  );
}

/** Plants the payload in the result of every call of the MCP tool `toolName` through `client`. */
export function toolOutputSurface(
  client: McpClient,
  toolName: string,
  options: McpSurfaceOptions = {},
): Surface {
  checkClient(client, 'callTool', 'toolOutputSurface');
  const mode = checkPlantMode(options.mode ?? 'append', 'toolOutputSurface mode');
  return wrapping(
    options.name ?? `McpToolOutput:${toolName}`,
    client,
    'callTool',
    (result, params, content) => {
      if ((params as { name?: unknown } | undefined)?.name !== toolName) return result;
      const tool = result as McpToolResult;
      return { ...tool, content: plantContents(tool.content ?? [], content, mode, {}) };
    },
  );
}

/** Plants the payload in the description of the MCP tool `toolName` as `listTools` returns it through `client`. */
export function toolDescriptionSurface(
  client: McpClient,
  toolName: string,
  options: McpSurfaceOptions = {},
): Surface {
  checkClient(client, 'listTools', 'toolDescriptionSurface');
  const mode = options.mode ?? 'append';
  if (mode !== 'replace' && mode !== 'append')
    throw new TypeError(
      `toolDescriptionSurface mode must be 'replace' or 'append', got ${describeValue(mode)}`,
    );
  return wrapping(
    options.name ?? `McpToolDescription:${toolName}`,
    client,
    'listTools',
    (result, _params, content) => {
      const list = result as { tools?: Array<{ name?: unknown; description?: unknown }> };
      if (!Array.isArray(list?.tools)) return result;
      return {
        ...list,
        tools: list.tools.map((tool) =>
          tool?.name === toolName
            ? { ...tool, description: plantPayload(tool.description ?? '', content, mode) }
            : tool,
        ),
      };
    },
  );
}

/** Plants the payload in the contents of the MCP resource `uri` as `readResource` returns it through `client`. */
export function resourceSurface(
  client: McpClient,
  uri: string,
  options: McpSurfaceOptions = {},
): Surface {
  checkClient(client, 'readResource', 'resourceSurface');
  const mode = checkPlantMode(options.mode ?? 'append', 'resourceSurface mode');
  return wrapping(
    options.name ?? `McpResource:${uri}`,
    client,
    'readResource',
    (result, params, content) => {
      if ((params as { uri?: unknown } | undefined)?.uri !== uri) return result;
      const read = result as { contents?: McpContent[] };
      return { ...read, contents: plantContents(read.contents ?? [], content, mode, { uri }) };
    },
  );
}
