/**
 * Execution lifecycle (docs/attacks-and-probes.md, "Your own strategy"):
 * every attack or probe run is a BaseExecution; its events reach handlers,
 * and the default handler factory lets a test runner integration collect
 * every Result with no code from the test author.
 */
import { recordResult } from './collector';
import { Result } from './result';
import { ObservabilityLevel, SafetyStatus } from './result-status';
import type { PopulationRef } from './trace-types';
import { describeValue, errorParts } from './value-description';

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

/** Where lifecycle diagnostics go; replaceable for tests and quiet runs. */
export const executionLog: { warn(message: string, error?: unknown): void } = {
  warn(message, error) {
    console.warn(message, ...(error === undefined ? [] : [error]));
  },
};

/** Options shared by every execution. */
export interface ExecutionOptions {
  /** Extra handlers, called after the default ones. */
  eventHandlers?: ExecutionEventHandler[];
}

/** Options of one {@link BaseExecution.execute} call. */
export interface ExecuteOptions {
  /** Trial provenance stamped on the Result, ERROR Results included (set by runTrials). */
  population?: PopulationRef | null;
}

/**
 * Skeleton of an attack or probe run. Subclasses implement `run`; `execute`
 * fires the lifecycle events, turns any exception into an ERROR Result and
 * stamps the duration.
 */
export abstract class BaseExecution<A extends ObservableAdapter = ObservableAdapter> {
  /** Short id written to `Result.strategy` ("xpia", "probe", ...). */
  abstract readonly strategyName: string;
  private readonly handlers: ExecutionEventHandler[];

  constructor(options: ExecutionOptions = {}) {
    // Resolved once at construction, as upstream: the collection handler reads
    // the active collector when the event fires, not now.
    this.handlers = [...defaultHandlers(), ...(options.eventHandlers ?? [])];
  }

  /** The strategy itself. */
  protected abstract run(adapter: A): Promise<Result>;

  /** Run the strategy against `adapter`; never rejects for an error inside the run. */
  async execute(adapter: A, options: ExecuteOptions = {}): Promise<Result> {
    const started = performance.now();
    const elapsed = (): number => (performance.now() - started) / 1000;
    await this.fire({
      event: ExecutionEvent.ON_PRE_EXECUTE,
      adapter,
      result: null,
      error: null,
      elapsedSeconds: 0,
    });
    let result: Result;
    try {
      result = await this.run(adapter);
      if (!(result instanceof Result)) {
        throw new TypeError(
          `${this.strategyName} execution returned ${describeValue(result)} instead of a Result`,
        );
      }
    } catch (error) {
      const { name, message } = errorParts(error);
      executionLog.warn(`${name} during ${this.strategyName} execution`, error);
      await this.fire({
        event: ExecutionEvent.ON_ERROR,
        adapter,
        result: null,
        error,
        elapsedSeconds: elapsed(),
      });
      result = new Result({
        status: SafetyStatus.ERROR,
        summary: `${name}: ${message}`,
        strategy: this.strategyName,
        observabilityLevel: observabilityOf(adapter),
        metadata: { error: message, error_type: name },
      });
    }
    result.durationSeconds = elapsed();
    if (options?.population) result.population = options.population;
    await this.fire({
      event: ExecutionEvent.ON_POST_EXECUTE,
      adapter,
      result,
      error: null,
      elapsedSeconds: result.durationSeconds,
    });
    return result;
  }

  private async fire(data: ExecutionEventData<A>): Promise<void> {
    for (const handler of this.handlers) {
      try {
        await handler.onEvent(data);
      } catch (error) {
        executionLog.warn(
          `ExecutionEventHandler ${handler.constructor?.name ?? 'handler'} raised on ${data.event} — ignored.`,
          error,
        );
      }
    }
  }
}

function observabilityOf(adapter: unknown): ObservabilityLevel {
  let level: unknown;
  try {
    level = (adapter as Partial<ObservableAdapter> | null)?.observabilityProfile;
  } catch {
    level = undefined;
  }
  return Object.values(ObservabilityLevel).includes(level as ObservabilityLevel)
    ? (level as ObservabilityLevel)
    : ObservabilityLevel.RESPONSE_ONLY;
}
