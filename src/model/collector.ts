/**
 * Per-test Result collection. A collector is "active" for the code that runs
 * inside {@link runWithCollector} (an AsyncLocalStorage scope, the equivalent of
 * upstream's ContextVar), or, when a test runner integration is installed, for
 * whatever test that integration says is running.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { Result } from './result';

/** Accumulates the Results produced during a single test. */
export class ResultCollector {
  private readonly recorded: Result[] = [];

  /** Record a Result. */
  record(result: Result): void {
    this.recorded.push(result);
  }

  /** All Results recorded so far (a copy). */
  get results(): Result[] {
    return [...this.recorded];
  }
}

/**
 * What a test runner integration installs on `globalThis` under
 * {@link COLLECTOR_HOST_KEY} to receive Results recorded outside an explicit
 * {@link runWithCollector} scope.
 */
export interface CollectorHost {
  /** Takes a Result to the test that is running; false when no test is running. */
  deliver(result: Result): boolean;
  /**
   * The running test's limits: a signal that aborts when the test ends (done,
   * failed or timed out) and the epoch time its timeout expires. Executions
   * stay inside them (docs/real-endpoints.md, "Timeouts").
   */
  testLimits?(): TestLimits | undefined;
}

/** What a runner integration says about the running test's time. */
export interface TestLimits {
  readonly signal: AbortSignal;
  /** Epoch milliseconds at which the runner fails the test for its timeout; null when none. */
  readonly deadline: number | null;
}

/**
 * Global key of the runner integration. A registered symbol, because the
 * integration and the test code live in different module registries.
 */
export const COLLECTOR_HOST_KEY: unique symbol = Symbol.for('rampart.collector-host.v2');

const activeCollector = new AsyncLocalStorage<ResultCollector>();

/** Run `fn` with `collector` active; nested scopes shadow outer ones. */
export function runWithCollector<T>(collector: ResultCollector, fn: () => T): T {
  return activeCollector.run(collector, fn);
}

/** The collector of the innermost {@link runWithCollector} scope, if any. */
export function getActiveCollector(): ResultCollector | undefined {
  return activeCollector.getStore();
}

const scopedMetadata = new AsyncLocalStorage<Readonly<Record<string, unknown>>>();

/**
 * Runs `fn` so that every Result recorded inside it (by `recordResult` or an
 * execution) gets `metadata`'s keys, unless the Result has its own value for
 * a key. Scopes nest (inner keys win). Used by generated test matrices to tag
 * Results with what the test exercised.
 */
export function withResultMetadata<T>(metadata: Readonly<Record<string, unknown>>, fn: () => T): T {
  return scopedMetadata.run({ ...scopedMetadata.getStore(), ...metadata }, fn);
}

function applyScopedMetadata(result: Result): void {
  const scoped = scopedMetadata.getStore();
  if (scoped === undefined || result === null || typeof result !== 'object') return;
  if (result.metadata === null || typeof result.metadata !== 'object') return;
  for (const [key, value] of Object.entries(scoped))
    if (!Object.prototype.hasOwnProperty.call(result.metadata, key))
      result.metadata[key] = Array.isArray(value) ? [...value] : value;
}

/**
 * This realm's global, read once: in a Jest sandbox every read of a global
 * name goes through the context's interceptors, and recordResult looks the
 * host up each time (a test may run with or without one).
 */
const realmGlobal = globalThis as { [COLLECTOR_HOST_KEY]?: CollectorHost };

function installedHost(): CollectorHost | undefined {
  const host = realmGlobal[COLLECTOR_HOST_KEY];
  return host && typeof host.deliver === 'function' ? host : undefined;
}

/** The running test's limits, when a runner integration knows them. */
export function currentTestLimits(): TestLimits | undefined {
  try {
    return installedHost()?.testLimits?.();
  } catch {
    return undefined;
  }
}

/** True when a Result recorded now would be kept by someone. */
export function isCollecting(): boolean {
  return getActiveCollector() !== undefined || installedHost() !== undefined;
}

/** Receives a Result that no collector and no runner integration took. */
export type StrayResultHandler = (result: Result) => void;

let strayResultHandler: StrayResultHandler | null = null;

/**
 * Installs (null: removes) the handler of stray Results: recorded with no
 * active collector and no runner integration on this realm's global. The
 * Jest integration uses it to notice Results recorded by tests that run
 * outside rampart/env; without a handler they are dropped, as upstream.
 */
export function setStrayResultHandler(handler: StrayResultHandler | null): void {
  strayResultHandler = handler;
}

/**
 * Record a Result into the collector of the test that is running.
 * For building-block tests that construct Results by hand; a silent no-op
 * outside a test, as upstream.
 */
export function recordResult(result: Result): void {
  applyScopedMetadata(result);
  const collector = getActiveCollector();
  if (collector) {
    collector.record(result);
    return;
  }
  const host = installedHost();
  if (host) host.deliver(result);
  else strayResultHandler?.(result);
}
