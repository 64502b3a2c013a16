/**
 * Responses of the agent, with what the adapter observed. Adapters may return
 * a {@link ResponseInput}; the trace loop normalises it with
 * {@link createResponse}, so evaluators always see complete Responses.
 */
import type { Response, SideEffect, ToolCall } from '../../model/trace-types';
import { describeValue } from '../../model/value-description';
import { argumentChecks } from '../../model/value-checks';

/** A tool call as an adapter reports it; missing fields take defaults. */
export interface ToolCallInput {
  name: string;
  /** A plain object, or a JSON string of one (as some frameworks give them). */
  arguments?: Record<string, unknown> | string;
  /** The tool's output; non-strings are JSON-stringified. */
  result?: unknown;
  timestamp?: Date | null;
}

/** A side effect as an adapter reports it. */
export interface SideEffectInput {
  kind: string;
  details?: Record<string, unknown>;
}

/** What a session returns for one request. Empty lists mean "nothing observed". */
export interface ResponseInput {
  text: string;
  toolCalls?: readonly ToolCallInput[];
  sideEffects?: readonly SideEffectInput[];
  metadata?: Record<string, unknown>;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function record(value: unknown, path: string): Record<string, unknown> {
  if (value === undefined || value === null) return {};
  if (!isRecord(value))
    throw new TypeError(`${path} must be a plain object, got ${describeValue(value)}`);
  return { ...value };
}

/**
 * Tool-call arguments: a plain object, or a JSON string of one (the OpenAI
 * Agents SDK and model APIs hand them over as text).
 */
export function toolArguments(value: unknown, path: string): Record<string, unknown> {
  if (value === undefined || value === null) return {};
  if (isRecord(value)) return { ...value };
  if (typeof value === 'string') {
    try {
      const parsed: unknown = JSON.parse(value);
      if (isRecord(parsed)) return parsed;
    } catch {
      // Not JSON: reported below like any other bad value.
    }
  }
  throw new TypeError(
    `${path} must be a plain object or a JSON string of one, got ${describeValue(value)}`,
  );
}

function list(value: unknown, path: string): unknown[] {
  if (value === undefined || value === null) return [];
  return argumentChecks.array(value, path);
}

function stringify(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value === 'string') return value;
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

function toolCall(value: unknown, path: string): ToolCall {
  if (!isRecord(value) || typeof value.name !== 'string')
    throw new TypeError(
      `${path} must be a tool call with a string name, got ${describeValue(value)}`,
    );
  const timestamp = value.timestamp ?? null;
  if (timestamp !== null && !(timestamp instanceof Date))
    throw new TypeError(
      `${path}.timestamp must be a Date or null, got ${describeValue(timestamp)}`,
    );
  return {
    name: value.name,
    arguments: toolArguments(value.arguments, `${path}.arguments`),
    result: stringify(value.result),
    timestamp,
  };
}

function sideEffect(value: unknown, path: string): SideEffect {
  if (!isRecord(value) || typeof value.kind !== 'string')
    throw new TypeError(
      `${path} must be a side effect with a string kind, got ${describeValue(value)}`,
    );
  return { kind: value.kind, details: record(value.details, `${path}.details`) };
}

/** A complete {@link Response}; throws a TypeError naming the first bad field. */
export function createResponse(input: ResponseInput, what = 'response'): Response {
  if (!isRecord(input))
    throw new TypeError(`${what} must be a Response object, got ${describeValue(input)}`);
  argumentChecks.string(input.text, `${what}.text`);
  return {
    text: input.text,
    toolCalls: list(input.toolCalls, `${what}.toolCalls`).map((c, i) =>
      toolCall(c, `${what}.toolCalls[${i}]`),
    ),
    sideEffects: list(input.sideEffects, `${what}.sideEffects`).map((e, i) =>
      sideEffect(e, `${what}.sideEffects[${i}]`),
    ),
    metadata: record(input.metadata, `${what}.metadata`),
  };
}
