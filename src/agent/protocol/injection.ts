/**
 * Where payloads are planted for cross-prompt injection (XPIA). A Surface is
 * configured up front and turns a payload into an InjectionHandle; the attack
 * activates the handle, waits until the agent can see the content, and
 * cleans it up afterwards. Strategies depend on handles only.
 */
import { abortableDelay } from './abortable-delay';
import { InfrastructureError } from './errors';
import type { CleanupStack } from './cleanup-stack';
import type { Payload } from '../../model/trace-types';
import { describeValue } from '../../model/value-description';
import { currentExecutionScope, untilAborted } from '../../model/execution-scope';
import { argumentChecks } from '../../model/value-checks';

/** One planted payload, not active until `activate()`. */
export interface InjectionHandle {
  /** The payload's id, or null when the surface does not track ids. */
  readonly payloadId: string | null;
  /** Name of the surface for the Result's injection records ("TicketQueue", "OneDrive"). */
  readonly surfaceName: string;
  /**
   * The text planted (usually the payload's `content`), recorded on the
   * Result so reports can show it; optional.
   */
  readonly payloadText?: string;
  /** Writes the payload where the agent will read it. */
  activate(): void | Promise<void>;
  /**
   * Resolves once the agent can see the content (e.g. after indexing). Honour
   * `signal`: the attack aborts it when the readiness timeout expires.
   * Absent means "ready as soon as activated".
   */
  waitUntilReady?(options: { signal: AbortSignal }): void | Promise<void>;
  /** Removes the payload. Called once for every activated handle, also on errors; should not throw. */
  cleanup(): void | Promise<void>;
}

/** A place an attacker can write to, configured at construction (credentials, location). */
export interface Surface {
  /** Prepares (does not activate) a handle for `payload`. */
  inject(options: { payload: Payload }): InjectionHandle;
}

/** Readiness did not complete within the attack's `readyTimeoutMs`. */
export class InjectionTimeoutError extends InfrastructureError {
  override name = 'InjectionTimeoutError';
}

/**
 * For surfaces whose content shows up after a known delay: resolves after
 * `delayMs`, or rejects with the signal's reason once it aborts.
 */
export function sleepUntilReady(delayMs: number, signal?: AbortSignal): Promise<void> {
  return abortableDelay(argumentChecks.nonNegative(delayMs, 'sleepUntilReady delayMs'), signal);
}

/** Throws a TypeError unless `value` looks like an {@link InjectionHandle}. */
export function checkInjectionHandle(value: unknown, what: string): InjectionHandle {
  const handle = value as Partial<InjectionHandle> | null;
  if (
    handle === null ||
    typeof handle !== 'object' ||
    typeof handle.activate !== 'function' ||
    typeof handle.cleanup !== 'function' ||
    typeof handle.surfaceName !== 'string' ||
    !(handle.payloadId === null || typeof handle.payloadId === 'string') ||
    (handle.payloadText !== undefined && typeof handle.payloadText !== 'string') ||
    (handle.waitUntilReady !== undefined && typeof handle.waitUntilReady !== 'function')
  ) {
    throw new TypeError(
      `${what} must be an InjectionHandle (payloadId, surfaceName, activate(), cleanup(), optional waitUntilReady()), got ${describeValue(value)}`,
    );
  }
  return handle as InjectionHandle;
}

function label(handle: InjectionHandle): string {
  return `injection ${handle.payloadId ?? '(no id)'} on ${handle.surfaceName}`;
}

/**
 * Activates every handle concurrently and waits for all of them to settle,
 * registering a cleanup for each one that activated; then rethrows the first
 * activation error (in handle order). Settling first means a failure of one
 * handle never leaves another one planted and forgotten.
 */
export async function activateAll(
  handles: readonly InjectionHandle[],
  cleanups: CleanupStack,
): Promise<void> {
  const outcomes = await Promise.allSettled(handles.map(async (handle) => handle.activate()));
  outcomes.forEach((outcome, i) => {
    const handle = handles[i] as InjectionHandle;
    if (outcome.status === 'fulfilled') cleanups.push(label(handle), () => handle.cleanup());
  });
  const failed = outcomes.find((outcome) => outcome.status === 'rejected');
  if (failed) throw (failed as PromiseRejectedResult).reason;
}

/**
 * Waits for every handle to become ready, concurrently, within `timeoutMs`
 * overall. The first failure aborts the others' signals and is rethrown; an
 * expired timeout is an {@link InjectionTimeoutError} naming the handle.
 */
export async function waitUntilAllReady(
  handles: readonly InjectionHandle[],
  timeoutMs: number,
): Promise<void> {
  const controller = new AbortController();
  const timers: NodeJS.Timeout[] = [];
  // The execution's abort (its timeout, its test's end) cuts the waits short too.
  const execution = currentExecutionScope()?.signal;
  const onAbort = (): void => controller.abort(execution?.reason);
  if (execution?.aborted) onAbort();
  else execution?.addEventListener('abort', onAbort, { once: true });
  const waitOne = (handle: InjectionHandle): Promise<void> =>
    new Promise<void>((resolve, reject) => {
      timers.push(
        setTimeout(() => {
          const error = new InjectionTimeoutError(
            `${label(handle)} was not ready within ${timeoutMs} ms`,
          );
          controller.abort(error);
          reject(error);
        }, timeoutMs),
      );
      Promise.resolve()
        .then(() => handle.waitUntilReady?.({ signal: controller.signal }))
        .then(() => resolve(), reject);
    });
  try {
    await untilAborted(Promise.all(handles.map(waitOne)), controller.signal);
  } catch (error) {
    if (!controller.signal.aborted) controller.abort(error);
    throw error;
  } finally {
    for (const timer of timers) clearTimeout(timer);
    execution?.removeEventListener('abort', onAbort);
  }
}
