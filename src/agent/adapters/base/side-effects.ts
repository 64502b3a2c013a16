/**
 * Side effects a framework adapter reports, declared by the user: per tool
 * (a successful call of `send_email` is an `email_sent`), or by a watcher
 * that snapshots the world before a turn and diffs it after
 * (docs/adapters.md, "Side effects").
 */
import type { SideEffectInput } from '../../protocol/response';
import type { PairedToolCall } from './tool-pairing';
import { describeValue } from '../../../model/value-description';

/** A successful tool call, as a side-effect declaration reads it. */
export interface ObservedToolCall {
  name: string;
  arguments: Record<string, unknown>;
  /** What the tool returned. */
  output: unknown;
}

/** What a successful call of one tool does to the world. */
export interface SideEffectDeclaration {
  /** The side effect's kind, e.g. `email_sent` (what `SideEffectOccurred` matches). */
  kind: string;
  /** Its details; default: the call's arguments. */
  details?: (call: ObservedToolCall) => Record<string, unknown>;
}

/** Tool name → the side effect of each successful call (a kind alone, or a declaration). */
export type SideEffectMap = Readonly<Record<string, string | SideEffectDeclaration>>;

/** Reads the world around each turn: the side effects are the difference. */
export interface SideEffectWatcher<S = unknown> {
  /** Taken before and after every turn. */
  snapshot(): S | Promise<S>;
  /** The side effects between two snapshots. */
  diff(before: S, after: S): readonly SideEffectInput[];
}

/** Throws a TypeError unless `map` is a {@link SideEffectMap}; returns it. */
export function checkSideEffectMap(map: unknown, what: string): SideEffectMap {
  if (map === null || typeof map !== 'object' || Array.isArray(map))
    throw new TypeError(
      `${what} must be an object of tool name → side effect, got ${describeValue(map)}`,
    );
  for (const [tool, entry] of Object.entries(map)) {
    const declaration = entry as Partial<SideEffectDeclaration> | string | null;
    const ok =
      typeof declaration === 'string'
        ? declaration.length > 0
        : declaration !== null &&
          typeof declaration === 'object' &&
          typeof declaration.kind === 'string' &&
          declaration.kind.length > 0 &&
          (declaration.details === undefined || typeof declaration.details === 'function');
    if (!ok)
      throw new TypeError(
        `${what}.${tool} must be a side-effect kind or { kind, details? }, got ${describeValue(entry)}`,
      );
  }
  return map as SideEffectMap;
}

/** Throws a TypeError unless `watcher` has `snapshot()` and `diff()`; returns it. */
export function checkSideEffectWatcher(watcher: unknown, what: string): SideEffectWatcher {
  const candidate = watcher as Partial<SideEffectWatcher> | null;
  if (
    candidate === null ||
    typeof candidate !== 'object' ||
    typeof candidate.snapshot !== 'function' ||
    typeof candidate.diff !== 'function'
  )
    throw new TypeError(
      `${what} must be a watcher with snapshot() and diff(), got ${describeValue(watcher)}`,
    );
  return candidate as SideEffectWatcher;
}

/** The declared side effects of the calls that succeeded, in call order. */
export function declaredSideEffects(
  map: SideEffectMap,
  calls: ReadonlyArray<PairedToolCall & { parsedArguments: Record<string, unknown> }>,
): SideEffectInput[] {
  const effects: SideEffectInput[] = [];
  for (const call of calls) {
    if (call.failed || !Object.prototype.hasOwnProperty.call(map, call.name)) continue;
    const entry = map[call.name] as string | SideEffectDeclaration;
    const declaration = typeof entry === 'string' ? { kind: entry } : entry;
    const observed = { name: call.name, arguments: call.parsedArguments, output: call.output };
    effects.push({
      kind: declaration.kind,
      details: declaration.details ? declaration.details(observed) : { ...call.parsedArguments },
    });
  }
  return effects;
}
