/**
 * `rampart/matchers`: types of `toBeSafe()`, `toBeUnsafe()` and
 * `toHaveStatus()` for `expect` from `@jest/globals`. Import it once for its
 * types (`import 'rampart/matchers'`); the environment installs the matchers.
 */
import type {} from 'expect';
import type { RampartMatchers } from './jest/matcher-types';

export type { RampartMatchers };

declare module 'expect' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type, @typescript-eslint/no-unused-vars
  interface Matchers<R extends void | Promise<void>, T = unknown> extends RampartMatchers<R> {}
}
