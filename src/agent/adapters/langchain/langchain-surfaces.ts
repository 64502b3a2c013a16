/**
 * Surfaces over LangChain tools, for indirect prompt injection through the
 * agent's own tools: the payload planted in what a tool returns (its `_call`
 * wrapped on the instance) or in its description. Both put the tool back as
 * it was on cleanup (docs/adapters.md, "LangChain.js and LangGraph").
 */
import type { Surface } from '../../protocol/injection';
import { describeValue } from '../../../model/value-description';
import { defineSurface } from '../base/define-surface';
import { type PlantMode, checkPlantMode, plantPayload } from '../base/plant';
import type { LangChainTool } from './langchain-types';

/** Options of {@link toolOutputSurface}. */
export interface ToolOutputSurfaceOptions {
  /** Default `append`. */
  mode?: PlantMode | undefined;
  /** The surface's name in Results; default `ToolOutput:<tool>`. */
  name?: string | undefined;
}

/** Options of {@link toolDescriptionSurface}. */
export interface ToolDescriptionSurfaceOptions {
  /** Default `append`. */
  mode?: 'replace' | 'append' | undefined;
  /** The surface's name in Results; default `ToolDescription:<tool>`. */
  name?: string | undefined;
}

function findTool(tools: readonly LangChainTool[], toolName: string, what: string): LangChainTool {
  if (!Array.isArray(tools))
    throw new TypeError(
      `${what} tools must be an array of LangChain tools, got ${describeValue(tools)}`,
    );
  const tool = (tools as readonly LangChainTool[]).find((t) => t?.name === toolName);
  if (tool === undefined)
    throw new TypeError(
      `${what} tool must be one of ${tools.map((t) => String(t?.name)).join(', ') || '(no tools)'}, got ${describeValue(toolName)}`,
    );
  return tool;
}

/**
 * Plants the payload in what the tool named `toolName` returns while active:
 * its `_call` (which runs `tool()`'s function) is wrapped on the instance,
 * so every agent holding the tool sees it; `content_and_artifact` tools get
 * the payload in their content.
 */
export function toolOutputSurface(
  tools: readonly LangChainTool[],
  toolName: string,
  options: ToolOutputSurfaceOptions = {},
): Surface {
  const tool = findTool(tools, toolName, 'toolOutputSurface') as LangChainTool & {
    _call?: unknown;
  };
  if (typeof tool._call !== 'function')
    throw new TypeError(
      `toolOutputSurface: tool ${toolName} must be a LangChain tool with _call(), got ${describeValue(tool)}`,
    );
  const mode = checkPlantMode(options.mode ?? 'append', 'toolOutputSurface mode');
  return defineSurface(options.name ?? `ToolOutput:${toolName}`, {
    activate(payload) {
      const own = Object.prototype.hasOwnProperty.call(tool, '_call');
      const original = tool._call as (...args: unknown[]) => unknown;
      const artifact = tool.responseFormat === 'content_and_artifact';
      tool._call = async function planted(this: unknown, ...args: unknown[]) {
        const output = await original.apply(this, args);
        if (artifact && Array.isArray(output))
          return [plantPayload(output[0], payload.content, mode), ...output.slice(1)];
        return plantPayload(output, payload.content, mode);
      };
      return () => {
        if (own) tool._call = original;
        else delete tool._call;
      };
    },
  });
}

/**
 * Plants the payload in the description of the tool named `toolName` while
 * active. The model sees it when the agent binds its tools: `createAgent`
 * does on every run; a graph that bound them once before the attack (a
 * `createReactAgent` after its first run) keeps the description it bound.
 */
export function toolDescriptionSurface(
  tools: readonly LangChainTool[],
  toolName: string,
  options: ToolDescriptionSurfaceOptions = {},
): Surface {
  const tool = findTool(tools, toolName, 'toolDescriptionSurface');
  const mode = options.mode ?? 'append';
  if (mode !== 'replace' && mode !== 'append')
    throw new TypeError(
      `toolDescriptionSurface mode must be 'replace' or 'append', got ${describeValue(mode)}`,
    );
  return defineSurface(options.name ?? `ToolDescription:${toolName}`, {
    activate(payload) {
      const original = tool.description;
      tool.description = String(plantPayload(original, payload.content, mode));
      return () => {
        tool.description = original;
      };
    },
  });
}
