/**
 * Surfaces over the OpenAI Agents SDK's function tools, for indirect prompt
 * injection through the agent's own tools: the payload planted in what a
 * tool returns (its `invoke` wrapped) or in its description, which the SDK
 * reads on every model call. Both put the tool back as it was on cleanup
 * (docs/adapters.md, "OpenAI Agents SDK").
 */
import type { Surface } from '../../protocol/injection';
import { describeValue } from '../../../model/value-description';
import { defineSurface } from '../base/define-surface';
import { type PlantMode, checkPlantMode, plantPayload } from '../base/plant';
import type { OpenAiAgentsTool } from './openai-agents-types';

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

/** `tools` is an agent's `tools` array, or the agent itself. */
function findTool(
  tools: readonly OpenAiAgentsTool[] | { tools?: readonly unknown[] },
  toolName: string,
  what: string,
): OpenAiAgentsTool {
  const list = Array.isArray(tools) ? tools : (tools as { tools?: unknown } | null)?.tools;
  if (!Array.isArray(list))
    throw new TypeError(
      `${what} tools must be an agent or its array of function tools, got ${describeValue(tools)}`,
    );
  const tool = (list as OpenAiAgentsTool[]).find((t) => t?.name === toolName);
  if (tool === undefined)
    throw new TypeError(
      `${what} tool must be one of ${list.map((t: { name?: unknown }) => String(t?.name)).join(', ') || '(no tools)'}, got ${describeValue(toolName)}`,
    );
  return tool;
}

/**
 * Plants the payload in what the function tool `toolName` returns while
 * active (its `invoke` wrapped; an object output is JSON-encoded, as the SDK
 * would for the model).
 */
export function toolOutputSurface(
  tools: readonly OpenAiAgentsTool[] | { tools?: readonly unknown[] },
  toolName: string,
  options: ToolOutputSurfaceOptions = {},
): Surface {
  const tool = findTool(tools, toolName, 'toolOutputSurface');
  if (typeof tool.invoke !== 'function')
    throw new TypeError(
      `toolOutputSurface: tool ${toolName} must be a function tool with invoke(), got ${describeValue(tool)}`,
    );
  const mode = checkPlantMode(options.mode ?? 'append', 'toolOutputSurface mode');
  return defineSurface(options.name ?? `ToolOutput:${toolName}`, {
    activate(payload) {
      const original = tool.invoke as (...args: unknown[]) => unknown;
      tool.invoke = async function planted(this: unknown, ...args: unknown[]) {
        return plantPayload(await original.apply(this, args), payload.content, mode);
      };
      return () => {
        tool.invoke = original;
      };
    },
  });
}

/** Plants the payload in the description of the function tool `toolName` while active. */
export function toolDescriptionSurface(
  tools: readonly OpenAiAgentsTool[] | { tools?: readonly unknown[] },
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
