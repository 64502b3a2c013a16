/**
 * `rampart/env`: the RAMPART test environment (jest-environment-node, or the
 * base named by `testEnvironmentOptions.rampart.base`, plus collection) and
 * `withRampart()` to add collection to an environment class of your own.
 */
import { RampartEnvironment } from './jest/environment';

export { RampartEnvironment, RampartEnvironment as TestEnvironment };
export { withRampart } from './jest/with-rampart';
export type { RampartEnvironmentOptions } from './jest/environment-options';
export type {
  EnvironmentConfig,
  EnvironmentConstructor,
  EnvironmentContext,
  RampartEnvironmentClass,
  RampartEventHandler,
  TestEnvironmentClass,
  TestEnvironmentInstance,
  TestEventLike,
} from './jest/environment-types';
export default RampartEnvironment;
