/**
 * The events of an execution, their handlers and the default handler
 * factory slot (docs/attacks-and-probes.md, "Your own strategy"). Apart
 * from execution.ts so that registering Result collection, which every
 * test file does when it loads `rampart`, does not load the execution
 * lifecycle itself (docs/architecture.md, "Layers loaded on first use").
 */
import { recordResult } from './collector';
import type { ObservabilityLevel } from './result-status';
import type { Result } from './result';
import { describeValue } from './value-description';

/** Lifecycle points of an execution. */
export const ExecutionEvent = {
  ON_PRE_EXECUTE: 'on_pre_execute',
  ON_POST_EXECUTE: 'on_post_execute',
  ON_ERROR: 'on_error',
} as const;
/** One of the {@link ExecutionEvent} values. */
export type ExecutionEvent = (typeof ExecutionEvent)[keyof typeof ExecutionEvent];

/** The part of an agent adapter the lifecycle needs. */
export interface ObservableAdapter {
  readonly observabilityProfile: ObservabilityLevel;
}

/** Data passed to every handler. */
export interface ExecutionEventData<A = unknown> {
  event: ExecutionEvent;
  adapter: A;
  /** Set on ON_POST_EXECUTE only. */
  result: Result | null;
  /** Set on ON_ERROR only. */
  error: unknown;
  /** Seconds since `execute` began. */
  elapsedSeconds: number;
}

/** Receives lifecycle events. A throwing handler is logged and ignored. */
export interface ExecutionEventHandler {
  onEvent(data: ExecutionEventData): void | Promise<void>;
}

/** A zero-argument function returning fresh handlers for one execution. */
export type ExecutionHandlerFactory = () => ExecutionEventHandler[];

let defaultHandlerFactory: ExecutionHandlerFactory | null = null;

/** Install the single default handler factory (replaces any previous one). */
export function registerDefaultHandlerFactory(factory: ExecutionHandlerFactory): void {
  if (typeof factory !== 'function') {
    throw new TypeError(
      `factory must satisfy ExecutionHandlerFactory (callable returning ExecutionEventHandler[]), got ${describeValue(factory)}`,
    );
  }
  defaultHandlerFactory = factory;
}

/** Remove the default handler factory. */
export function clearDefaultHandlerFactory(): void {
  defaultHandlerFactory = null;
}

/** Handlers the current default factory produces ([] when none is registered). */
export function defaultHandlers(): ExecutionEventHandler[] {
  return defaultHandlerFactory ? defaultHandlerFactory() : [];
}

/** Writes the Result into the active per-test collector on ON_POST_EXECUTE. */
export class ResultCollectionHandler implements ExecutionEventHandler {
  onEvent(data: ExecutionEventData): void {
    if (data.event !== ExecutionEvent.ON_POST_EXECUTE || data.result === null) return;
    recordResult(data.result);
  }
}
