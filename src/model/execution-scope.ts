/**
 * What an execution gives everything that runs inside it, without threading
 * it through every interface: the signal that aborts it (its timeout, the
 * caller's signal, the end of its test), the deadline its retries must fit
 * in, and the tally of the model calls it made (docs/real-endpoints.md).
 * An AsyncLocalStorage scope, so a judge or driver deep inside an attack
 * finds it as the collector finds the running test.
 */
import { AsyncLocalStorage } from 'node:async_hooks';

/** Calls and tokens of one role (agent, judge, driver, converter, ...). */
export interface RoleUsage {
  calls: number;
  inputTokens: number;
  outputTokens: number;
}

/** Counts model calls and tokens per role. */
export class ModelUsageTally {
  private readonly roles = new Map<string, RoleUsage>();

  /** Adds one call of `role`; token counts the endpoint did not report count as 0. */
  add(role: string, tokens: { inputTokens?: number | null; outputTokens?: number | null }): void {
    const usage = this.roles.get(role) ?? { calls: 0, inputTokens: 0, outputTokens: 0 };
    usage.calls += 1;
    usage.inputTokens += tokens.inputTokens ?? 0;
    usage.outputTokens += tokens.outputTokens ?? 0;
    this.roles.set(role, usage);
  }

  /** True when no call was counted. */
  get empty(): boolean {
    return this.roles.size === 0;
  }

  /** `{ judge: { calls, input_tokens, output_tokens }, ... }`, the Result metadata form. */
  toMetadata(): Record<string, { calls: number; input_tokens: number; output_tokens: number }> {
    return Object.fromEntries(
      [...this.roles].map(([role, u]) => [
        role,
        { calls: u.calls, input_tokens: u.inputTokens, output_tokens: u.outputTokens },
      ]),
    );
  }
}

/** The scope of one running execution. */
export interface ExecutionScope {
  /** Aborts when the execution times out, its caller aborts it, or its test ends. */
  readonly signal: AbortSignal;
  /** Epoch milliseconds (`Date.now()`) by which the execution must end; null when unbounded. */
  readonly deadline: number | null;
  /** Model calls made inside the execution. */
  readonly usage: ModelUsageTally;
}

const scopes = new AsyncLocalStorage<ExecutionScope>();

/** Runs `fn` inside `scope`. */
export function runInExecutionScope<T>(scope: ExecutionScope, fn: () => T): T {
  return scopes.run(scope, fn);
}

/** The scope of the execution the caller runs in, if any. */
export function currentExecutionScope(): ExecutionScope | undefined {
  return scopes.getStore();
}

/**
 * Settles like `promise`, or rejects with `signal`'s reason as soon as it
 * aborts: what an uncooperative adapter or surface that ignores its signal
 * cannot hold up.
 */
export function untilAborted<T>(
  promise: T | Promise<T>,
  signal: AbortSignal | undefined,
): Promise<T> {
  if (!signal) return Promise.resolve(promise);
  if (signal.aborted) return Promise.reject(signal.reason as unknown);
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(signal.reason as unknown);
    signal.addEventListener('abort', onAbort, { once: true });
    Promise.resolve(promise).then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}

/** An execution ran past its `timeoutMs` or its test's timeout, and was aborted. */
export class ExecutionTimeoutError extends Error {
  override name = 'ExecutionTimeoutError';
}

/** An execution was aborted by its caller's signal or because its test ended. */
export class ExecutionAbortedError extends Error {
  override name = 'ExecutionAbortedError';
}
