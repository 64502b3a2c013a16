/**
 * Execution lifecycle (docs/attacks-and-probes.md, "Your own strategy"):
 * every attack or probe run is a BaseExecution; its events reach handlers,
 * and the default handler factory lets a test runner integration collect
 * every Result with no code from the test author.
 */
import { currentTestLimits } from './collector';
import {
  ExecutionAbortedError,
  type ExecutionScope,
  ExecutionTimeoutError,
  ModelUsageTally,
  runInExecutionScope,
} from './execution-scope';
import { Result } from './result';
import { ObservabilityLevel, SafetyStatus } from './result-status';
import type { PopulationRef } from './trace-types';
import {
  ExecutionEvent,
  type ExecutionEventData,
  type ExecutionEventHandler,
  type ObservableAdapter,
  defaultHandlers,
} from './execution-events';
import { describeError, describeValue, errorParts } from './value-description';
import { argumentChecks } from './value-checks';

export {
  ExecutionEvent,
  type ObservableAdapter,
  type ExecutionEventData,
  type ExecutionEventHandler,
  type ExecutionHandlerFactory,
  registerDefaultHandlerFactory,
  clearDefaultHandlerFactory,
  defaultHandlers,
  ResultCollectionHandler,
} from './execution-events';

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
  /**
   * Aborts the execution after this many milliseconds (an ERROR Result). In
   * a test, the execution also ends before the test's own timeout.
   */
  timeoutMs?: number;
  /** Aborts the execution (an ERROR Result); reaches the adapter, surfaces and model calls. */
  signal?: AbortSignal;
}

/** How long an aborted run gets to unwind (remove planted payloads) before execute returns. */
const UNWIND_GRACE_MS = 250;

/** The share of a test's timeout kept free after the execution's deadline, within bounds. */
function testMarginMs(testTimeoutMs: number): number {
  return Math.min(1000, Math.max(100, Math.round(testTimeoutMs * 0.1)));
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
    const scope = openScope(options ?? {});
    await this.fire({
      event: ExecutionEvent.ON_PRE_EXECUTE,
      adapter,
      result: null,
      error: null,
      elapsedSeconds: 0,
    });
    let result: Result;
    try {
      result = await runUntilAborted(scope, () => this.run(adapter));
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
    scope.close();
    if (!scope.usage.empty && !Object.prototype.hasOwnProperty.call(result.metadata, 'model_usage'))
      result.metadata.model_usage = scope.usage.toMetadata();
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

/** An execution's scope and the means to release its timer and listeners. */
interface OpenScope extends ExecutionScope {
  close(): void;
}

/**
 * The execution's scope: one signal that aborts on the caller's signal, the
 * end of the running test, `timeoutMs`, or shortly before the test's own
 * timeout, whichever comes first (docs/real-endpoints.md, "Timeouts").
 */
function openScope(options: ExecuteOptions): OpenScope {
  const controller = new AbortController();
  const releases: Array<() => void> = [];
  const follow = (signal: AbortSignal, reason: () => Error): void => {
    if (signal.aborted) return controller.abort(reason());
    const onAbort = (): void => controller.abort(reason());
    signal.addEventListener('abort', onAbort, { once: true });
    releases.push(() => signal.removeEventListener('abort', onAbort));
  };
  if (options.signal !== undefined) {
    const signal = options.signal;
    if (
      signal === null ||
      typeof signal !== 'object' ||
      typeof signal.addEventListener !== 'function'
    )
      throw new TypeError(
        `execute options.signal must be an AbortSignal, got ${describeValue(signal)}`,
      );
    follow(
      signal,
      () => new ExecutionAbortedError(`execution aborted: ${describeError(signal.reason)}`),
    );
  }
  const test = currentTestLimits();
  if (test)
    follow(
      test.signal,
      () => new ExecutionAbortedError('execution aborted: its test ended before it did'),
    );
  const now = Date.now();
  const own =
    options.timeoutMs === undefined
      ? null
      : argumentChecks.integer(options.timeoutMs, 'execute options.timeoutMs', 1);
  const testBudget =
    test?.deadline == null
      ? null
      : Math.max(1, test.deadline - now - testMarginMs(test.deadline - now));
  const budget = own === null ? testBudget : testBudget === null ? own : Math.min(own, testBudget);
  if (budget !== null) {
    const byTest = own === null || (testBudget !== null && testBudget < own);
    const timer = setTimeout(() => {
      controller.abort(
        new ExecutionTimeoutError(
          byTest
            ? `execution timed out after ${budget} ms, ended before its test's timeout expired (raise the test's timeout: docs/real-endpoints.md)`
            : `execution timed out after ${budget} ms (timeoutMs)`,
        ),
      );
    }, budget);
    releases.push(() => clearTimeout(timer));
  }
  return {
    signal: controller.signal,
    deadline: budget === null ? null : now + budget,
    usage: new ModelUsageTally(),
    close: () => {
      for (const release of releases.splice(0)) release();
    },
  };
}

/**
 * Runs `fn` in `scope`. Once the scope aborts, the run gets a short grace to
 * unwind (its awaits on the adapter and model reject with the abort reason
 * and its cleanups run), then the abort reason is thrown regardless.
 */
async function runUntilAborted<T>(scope: OpenScope, fn: () => Promise<T>): Promise<T> {
  const run = runInExecutionScope(scope, fn);
  run.catch(() => undefined); // when the abort wins the race, the run's own rejection comes later
  let timer: NodeJS.Timeout | undefined;
  let onAbort: (() => void) | undefined;
  const aborted = new Promise<never>((_, reject) => {
    const giveUp = (): void => {
      timer = setTimeout(() => reject(scope.signal.reason as unknown), UNWIND_GRACE_MS);
    };
    if (scope.signal.aborted) giveUp();
    else {
      onAbort = giveUp;
      scope.signal.addEventListener('abort', onAbort, { once: true });
    }
  });
  try {
    return await Promise.race([run, aborted]);
  } catch (error) {
    // The abort reason names why (timeout, caller, test end) better than whatever it interrupted.
    throw scope.signal.aborted ? (scope.signal.reason as unknown) : error;
  } finally {
    clearTimeout(timer);
    if (onAbort) scope.signal.removeEventListener('abort', onAbort);
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
