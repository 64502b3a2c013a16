/**
 * Jest's definition functions (`test`, `it`, `describe` and their `.only`,
 * `.skip`, `.concurrent`, `.each`, `.failing` ... chains) wrapped so that every
 * call runs inside a definition scope. One Proxy covers every chain, including
 * the row binder that `.each(table)` returns. harm() and trial() hand these
 * wrapped functions back (scopedDefinitions).
 */
import type { ScopedDefinitions } from './definition-types';

type AnyFunction = (...args: never[]) => unknown;

/** Runs a definition call inside the caller's scope(s) and returns its value. */
export type DefinitionRunner = <T>(define: () => T) => T;

/** Wraps `target` so that calls (and calls of its function-valued members) go through `run`. */
export function wrapDefinitionApi<F extends AnyFunction>(target: F, run: DefinitionRunner): F {
  const cache = new Map<PropertyKey, unknown>();
  return new Proxy(target, {
    apply(fn, thisArg, args) {
      const value = run(() => Reflect.apply(fn, thisArg, args) as unknown);
      return typeof value === 'function' ? wrapDefinitionApi(value as AnyFunction, run) : value;
    },
    get(fn, property, receiver) {
      const value = Reflect.get(fn, property, receiver) as unknown;
      if (typeof value !== 'function') return value;
      if (!cache.has(property)) cache.set(property, wrapDefinitionApi(value as AnyFunction, run));
      return cache.get(property);
    },
  });
}

/** The Jest globals the helpers wrap. */
export interface JestDefinitionGlobals {
  test: AnyFunction;
  it: AnyFunction;
  describe: AnyFunction;
}

/**
 * Jest's definition functions. `@jest/globals` is intercepted by jest-runtime
 * and works with `injectGlobals: false`; required lazily because importing it
 * outside Jest throws.
 */
export function jestGlobals(): JestDefinitionGlobals {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('@jest/globals') as JestDefinitionGlobals;
}

/** Definition functions bound to a runner; shared by `harm()` and `trial()`. */
export function scopedDefinitions(run: DefinitionRunner): ScopedDefinitions {
  const globals = jestGlobals();
  const test = wrapDefinitionApi(globals.test, run);
  return {
    test: test as never,
    it: wrapDefinitionApi(globals.it, run) as never,
    describe: wrapDefinitionApi(globals.describe, run) as never,
    each: (test as unknown as { each: never }).each,
  };
}
