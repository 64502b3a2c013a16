/**
 * The Jest layer's part of the root entry point `rampart`
 * (docs/entry-points.md): what a test file calls to tag and repeat tests,
 * and the types of the matchers the environment installs. The environment,
 * the reporter and the matchers' `@jest/globals` types are entry points of
 * their own (`rampart/env`, `rampart/reporter`, `rampart/matchers`).
 */
export { harm } from './harm';
export { trial, type TrialOptions } from './trial';
export type {
  ScopedDefinitions,
  DefineTest,
  DefineDescribe,
  DefineEach,
  TestBody,
} from './definition-types';
export type { RampartMatchers } from './matcher-types';
