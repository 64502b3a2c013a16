/**
 * How a payload is planted into what a tool returns or into a description:
 * replacing it, appended to it, or inserted into one field of a JSON result.
 * Shared by the tool surfaces of every framework (docs/adapters.md, "Surfaces").
 */
import { describeValue } from '../../../model/value-description';

/**
 * `replace`: the payload instead of the value; `append`: the value, a blank
 * line, the payload; `{ field: 'a.b' }`: the payload in that field of a JSON
 * result (appended to a string or a list already there).
 */
export type PlantMode = 'replace' | 'append' | { field: string };

/** Throws a TypeError unless `mode` is a {@link PlantMode}; returns it. */
export function checkPlantMode(mode: unknown, what: string): PlantMode {
  if (mode === 'replace' || mode === 'append') return mode;
  const field = (mode as { field?: unknown } | null)?.field;
  if (mode !== null && typeof mode === 'object' && typeof field === 'string' && field !== '')
    return { field };
  throw new TypeError(
    `${what} must be 'replace', 'append' or { field: 'path.to.field' }, got ${describeValue(mode)}`,
  );
}

function asText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value === undefined) return '';
  return JSON.stringify(value) ?? String(value);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function insert(value: unknown, path: string, content: string): unknown {
  const [head, ...rest] = path.split('.') as [string, ...string[]];
  if (!isRecord(value))
    throw new TypeError(
      `a tool output must be a JSON object to plant into field ${JSON.stringify(path)}, got ${describeValue(value)}`,
    );
  const current = value[head];
  const next =
    rest.length > 0
      ? insert(current, rest.join('.'), content)
      : typeof current === 'string'
        ? `${current}\n\n${content}`
        : Array.isArray(current)
          ? [...(current as unknown[]), content]
          : content;
  return { ...value, [head]: next };
}

/** `value` with `content` planted as `mode` says; a JSON string stays a JSON string. */
export function plantPayload(value: unknown, content: string, mode: PlantMode): unknown {
  if (mode === 'replace') return content;
  if (mode === 'append') return `${asText(value)}${value === undefined ? '' : '\n\n'}${content}`;
  if (typeof value === 'string') {
    let parsed: unknown;
    try {
      parsed = JSON.parse(value);
    } catch {
      parsed = value;
    }
    return JSON.stringify(insert(parsed, mode.field, content));
  }
  return insert(value, mode.field, content);
}
