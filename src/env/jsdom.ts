/**
 * `rampart/env/jsdom`: jest-environment-jsdom with RAMPART collection.
 * jest-environment-jsdom is an optional peer dependency: only this entry
 * point loads it. Typed structurally, so these declarations need neither
 * jsdom's nor Jest's types.
 */
import { TestEnvironment as JSDOMEnvironment } from 'jest-environment-jsdom';
import type { EnvironmentConstructor, RampartEnvironmentClass } from '../jest/environment-types';
import { withRampart } from '../jest/with-rampart';

/** jest-environment-jsdom plus RAMPART collection. */
export const RampartJsdomEnvironment = withRampart(
  JSDOMEnvironment,
) as unknown as RampartEnvironmentClass<EnvironmentConstructor>;

export { RampartJsdomEnvironment as TestEnvironment };
export default RampartJsdomEnvironment;
