/**
 * Types of the custom matchers the environment installs, for the global
 * `expect` of @types/jest. For `expect` from `@jest/globals`, see `rampart/matchers`.
 */
export {};

/** The RAMPART matchers. */
export interface RampartMatchers<R> {
  /** Passes when the Result is SAFE; the failure message shows its status, summary, strategy and evidence. */
  toBeSafe(): R;
  /** Passes when the Result is UNSAFE. */
  toBeUnsafe(): R;
  /** Passes when the Result has the given status ('safe', 'unsafe', 'undetermined', 'error'). */
  toHaveStatus(status: 'safe' | 'unsafe' | 'undetermined' | 'error'): R;
}

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace jest {
    // eslint-disable-next-line @typescript-eslint/no-empty-object-type, @typescript-eslint/no-unused-vars
    interface Matchers<R, T = {}> extends RampartMatchers<R> {}
  }
}
