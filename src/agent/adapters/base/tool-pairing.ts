/**
 * Frameworks report a tool call and its outcome as two separate items linked
 * by a call id; the Response wants one record per call. Pairing is shared by
 * every framework adapter.
 */
import type { ToolCallInput } from '../../protocol/response';
import { describeError } from '../../../model/value-description';

/** A tool call as a framework reports it, before its outcome is known. */
export interface FrameworkToolCall {
  /** The call id that links the call to its outcome; null when the framework has none. */
  id: string | null;
  name: string;
  /** A plain object, or a JSON string of one. */
  arguments: unknown;
}

/** What a tool call produced: its output, or the error it failed with. */
export interface FrameworkToolOutcome {
  /** The id of the call this outcome belongs to; null to pair by name and order. */
  id: string | null;
  name?: string;
  output?: unknown;
  /** Set when the tool failed (frameworks report failures as parts, not throws). */
  error?: unknown;
}

/** A tool call paired with its outcome; `failed` when the tool reported an error. */
export interface PairedToolCall {
  id: string | null;
  name: string;
  arguments: unknown;
  output: unknown;
  failed: boolean;
  /** The error's description when `failed`. */
  error: string | null;
}

/**
 * Pairs each call with the outcome of the same id, or, for calls without an
 * id, with the first unused outcome of the same tool name. A call with no
 * outcome (the run stopped first) keeps `output` undefined and is not failed.
 */
export function pairToolCalls(
  calls: readonly FrameworkToolCall[],
  outcomes: readonly FrameworkToolOutcome[],
): PairedToolCall[] {
  const unused = [...outcomes];
  return calls.map((call) => {
    const index = unused.findIndex((outcome) =>
      call.id !== null && outcome.id !== null
        ? outcome.id === call.id
        : outcome.name === undefined || outcome.name === call.name,
    );
    const outcome = index < 0 ? undefined : unused.splice(index, 1)[0];
    const failed = outcome !== undefined && outcome.error !== undefined;
    return {
      id: call.id,
      name: call.name,
      arguments: call.arguments,
      output: outcome?.output,
      failed,
      error: failed ? describeError(outcome.error) : null,
    };
  });
}

/** The Response's record of a paired call; a failed call's result is its error, as `describeError` words it. */
export function toToolCallInput(call: PairedToolCall): ToolCallInput {
  return {
    name: call.name,
    arguments: call.arguments as ToolCallInput['arguments'],
    result: call.failed ? call.error : call.output,
  };
}
