/**
 * Surfaces over AI SDK tools, for indirect prompt injection through the
 * agent's own tools: the payload planted in what a tool returns (its
 * `execute` wrapped) or in its description. Both put the tool back as it
 * was on cleanup (docs/adapters.md, "Surfaces").
 */
import type { Surface } from '../../protocol/injection';
import { describeValue } from '../../../model/value-description';
import { defineSurface } from '../base/define-surface';
import { type PlantMode, checkPlantMode, plantPayload } from '../base/plant';
import type { AiSdkTool, AiSdkToolSet } from './ai-sdk-types';

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

function findTool(tools: AiSdkToolSet, toolName: string, what: string): AiSdkTool {
  if (tools === null || typeof tools !== 'object')
    throw new TypeError(
      `${what} tools must be an AI SDK tool set (name → tool), got ${describeValue(tools)}`,
    );
  const tool = Object.prototype.hasOwnProperty.call(tools, toolName) ? tools[toolName] : undefined;
  if (tool === null || typeof tool !== 'object')
    throw new TypeError(
      `${what} tool must be one of ${Object.keys(tools).join(', ') || '(no tools)'}, got ${describeValue(toolName)}`,
    );
  return tool;
}

/**
 * Plants the payload in what `tools[toolName]` returns while active: its
 * `execute` is wrapped, and the result replaced, appended to, or given the
 * payload in one field (`{ field: 'body' }`).
 */
export function toolOutputSurface(
  tools: AiSdkToolSet,
  toolName: string,
  options: ToolOutputSurfaceOptions = {},
): Surface {
  const tool = findTool(tools, toolName, 'toolOutputSurface');
  if (typeof tool.execute !== 'function')
    throw new TypeError(
      `toolOutputSurface: tools.${toolName}.execute must be a function, got ${describeValue(tool.execute)}`,
    );
  const mode = checkPlantMode(options.mode ?? 'append', 'toolOutputSurface mode');
  return defineSurface(options.name ?? `ToolOutput:${toolName}`, {
    activate(payload) {
      const original = tool.execute as (...args: unknown[]) => unknown;
      tool.execute = async function planted(this: unknown, ...args: unknown[]) {
        return plantPayload(await original.apply(this, args), payload.content, mode);
      };
      return () => {
        tool.execute = original;
      };
    },
  });
}

/** Plants the payload in the description of `tools[toolName]` while active. */
export function toolDescriptionSurface(
  tools: AiSdkToolSet,
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
      // ai 7 lets a description be a function of the call's context: plant into what it returns.
      tool.description =
        typeof original === 'function'
          ? function planted(this: unknown, ...args: unknown[]) {
              return plantPayload(
                (original as (...a: unknown[]) => unknown).apply(this, args),
                payload.content,
                mode,
              );
            }
          : plantPayload(original, payload.content, mode);
      return () => {
        tool.description = original;
      };
    },
  });
}
