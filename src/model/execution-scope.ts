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

type UsageRecord = { calls: number; input_tokens: number; output_tokens: number };

/** Counts model calls and tokens per role, and within a role per model. */
export class ModelUsageTally {
  private readonly roles = new Map<string, RoleUsage & { models: Map<string, RoleUsage> }>();

  /**
   * Adds one call of `role` to `model` (its id: `gpt-4o`); token counts the
   * endpoint did not report count as 0.
   */
  add(
    role: string,
    tokens: { inputTokens?: number | null; outputTokens?: number | null },
    model?: string,
  ): void {
    const usage = this.roles.get(role) ?? {
      calls: 0,
      inputTokens: 0,
      outputTokens: 0,
      models: new Map<string, RoleUsage>(),
    };
    const counted: RoleUsage[] = [usage];
    if (model !== undefined) {
      const perModel = usage.models.get(model) ?? { calls: 0, inputTokens: 0, outputTokens: 0 };
      usage.models.set(model, perModel);
      counted.push(perModel);
    }
    for (const entry of counted) {
      entry.calls += 1;
      entry.inputTokens += tokens.inputTokens ?? 0;
      entry.outputTokens += tokens.outputTokens ?? 0;
    }
    this.roles.set(role, usage);
  }

  /** True when no call was counted. */
  get empty(): boolean {
    return this.roles.size === 0;
  }

  /**
   * `{ judge: { calls, input_tokens, output_tokens, by_model: { 'gpt-4o': {...} } }, ... }`,
   * the Result metadata form.
   */
  toMetadata(): Record<string, UsageRecord & { by_model?: Record<string, UsageRecord> }> {
    const record = (u: RoleUsage): UsageRecord => ({
      calls: u.calls,
      input_tokens: u.inputTokens,
      output_tokens: u.outputTokens,
    });
    return Object.fromEntries(
      [...this.roles].map(([role, u]) => [
        role,
        u.models.size === 0
          ? record(u)
          : {
              ...record(u),
              by_model: Object.fromEntries([...u.models].map(([m, mu]) => [m, record(mu)])),
            },
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
