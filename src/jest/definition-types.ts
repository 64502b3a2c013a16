/**
 * Self-contained types for the definition functions that `harm()` and
 * `trial()` hand back, so the published declarations need no Jest types.
 */

/**
 * A test body: async, sync, or taking a done callback. Its return value is
 * `unknown` in both forms, so an async body is never taken for a callback
 * whose promise nobody awaits: Jest awaits it.
 */
export type TestBody = ((done: (error?: unknown) => void) => unknown) | (() => unknown);

/** Defines parametrised tests or suites from a table. */
export interface DefineEach {
  (
    table: readonly unknown[] | TemplateStringsArray,
    ...values: unknown[]
  ): (name: string, fn: (...args: never[]) => unknown, timeout?: number) => void;
}

/** `test` / `it` with their modifiers. */
export interface DefineTest {
  (name: string, fn?: TestBody, timeout?: number): void;
  only: DefineTest;
  skip: DefineTest;
  concurrent: DefineTest;
  failing: DefineTest;
  todo(name: string): void;
  each: DefineEach;
}

/** `describe` with its modifiers. */
export interface DefineDescribe {
  (name: string, fn: () => void): void;
  only: DefineDescribe;
  skip: DefineDescribe;
  each: DefineEach;
}

/** Definition functions whose tests carry the metadata of a `harm()` or `trial()` call. */
export interface ScopedDefinitions {
  test: DefineTest;
  it: DefineTest;
  describe: DefineDescribe;
  /** `test.each`. */
  each: DefineEach;
}
