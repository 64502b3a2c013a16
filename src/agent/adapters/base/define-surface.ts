/**
 * A surface from two functions: `activate(payload)` plants the payload and
 * may return the function that removes it; the handle's `payloadId` and
 * `surfaceName` are filled in (docs/adapters.md, "Surfaces").
 */
import type { InjectionHandle, Surface } from '../../protocol/injection';
import type { Payload } from '../../../model/trace-types';
import { describeValue } from '../../../model/value-description';
import { argumentChecks } from '../../../model/value-checks';

/** Removes a planted payload. */
export type Restore = () => void | Promise<void>;

/** What {@link defineSurface} builds a surface from. */
export interface SurfaceHooks {
  /** Plants `payload` where the agent reads; may return the function that removes it. */
  activate(payload: Payload): void | Restore | Promise<void | Restore>;
  /** Removes `payload`, when `activate` returned no function. */
  cleanup?(payload: Payload): void | Promise<void>;
  /** Resolves once the agent can see the payload (see `InjectionHandle.waitUntilReady`). */
  waitUntilReady?(payload: Payload, options: { signal: AbortSignal }): void | Promise<void>;
}

/** A {@link Surface} named `name` whose handles run `hooks`. */
export function defineSurface(name: string, hooks: SurfaceHooks): Surface {
  argumentChecks.string(name, 'defineSurface name');
  if (hooks === null || typeof hooks !== 'object' || typeof hooks.activate !== 'function')
    throw new TypeError(
      `defineSurface hooks must be an object with activate(payload), got ${describeValue(hooks)}`,
    );
  return {
    inject({ payload }): InjectionHandle {
      let restore: Restore | undefined;
      const handle: InjectionHandle = {
        payloadId: payload.id,
        surfaceName: name,
        async activate() {
          const returned = await hooks.activate(payload);
          if (typeof returned === 'function') restore = returned;
        },
        async cleanup() {
          const undo = restore;
          restore = undefined;
          if (undo) await undo();
          else await hooks.cleanup?.(payload);
        },
      };
      const wait = hooks.waitUntilReady;
      return wait
        ? { ...handle, waitUntilReady: (options) => wait.call(hooks, payload, options) }
        : handle;
    },
  };
}
