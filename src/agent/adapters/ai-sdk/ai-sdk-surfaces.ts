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

function isAsyncIterable(value: unknown): value is AsyncIterable<unknown> {
  return (
    value !== null &&
    value !== undefined &&
    typeof (value as { [Symbol.asyncIterator]?: unknown })[Symbol.asyncIterator] === 'function'
  );
}

/**
 * The values of `source` (the SDK streams each as a preliminary result and
 * takes the last as the tool's output), the last one planted: each value is
 * passed on when the next arrives, since only the end tells which is last.
 */
async function* lastPlanted(
  source: AsyncIterable<unknown>,
  plant: (value: unknown) => unknown,
): AsyncGenerator<unknown> {
  let last: unknown;
  let started = false;
  for await (const value of source) {
    if (started) yield last;
    last = value;
    started = true;
  }
  yield plant(last);
}

/**
 * Plants the payload in what `tools[toolName]` returns while active: its
 * `execute` is wrapped, and the result replaced, appended to, or given the
 * payload in one field (`{ field: 'body' }`). An `execute` that returns an
 * async iterable (preliminary results, then the output) gets the payload in
 * its last value, the tool's output.
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
      const plant = (value: unknown) => plantPayload(value, payload.content, mode);
      // Not async: the SDK tells an async iterable from a promise by what execute returns.
      tool.execute = function planted(this: unknown, ...args: unknown[]) {
        const output = original.apply(this, args);
        return isAsyncIterable(output)
          ? lastPlanted(output, plant)
          : Promise.resolve(output).then(plant);
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
