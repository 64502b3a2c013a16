/**
 * The shape of a jest-circus test environment class, typed structurally so
 * that `withRampart()` and `rampart/env/jsdom` publish declarations without
 * Jest's own types, and so that environments of Jest 29 and 30 both fit.
 */
/** The first constructor argument Jest passes to a test environment (the fields RAMPART reads). */
export interface EnvironmentConfig {
  projectConfig: {
    rootDir: string;
    testEnvironmentOptions: Record<string, unknown>;
  };
  globalConfig: object;
}

/** The second constructor argument Jest passes to a test environment. */
export interface EnvironmentContext {
  testPath: string;
}

/** What every jest-circus test environment instance has. */
export interface TestEnvironmentInstance {
  /** The sandbox global of the test file. */
  global: object;
  setup(): Promise<void>;
  teardown(): Promise<void>;
  getVmContext(): unknown;
}

/** A test environment class constructed the way Jest constructs it. */
export type EnvironmentConstructor = new (
  config: EnvironmentConfig,
  context: EnvironmentContext,
) => TestEnvironmentInstance;

/** Any test environment class (`jest-environment-node`, `jest-environment-jsdom`, your own). */
export type TestEnvironmentClass = new (...args: never[]) => TestEnvironmentInstance;

/**
 * A jest-circus event or state as the public handler signature takes it:
 * loose on purpose, so that overrides typed with Jest's own `Circus.Event`
 * and `Circus.State` (29 or 30) fit.
 */
export interface TestEventLike {
  name: string;
}

/** The event handler a RAMPART environment adds (call it from an override: `super.handleTestEvent`). */
export interface RampartEventHandler {
  handleTestEvent(event: TestEventLike, state: object): void | Promise<void>;
}

/**
 * The class `withRampart(Base)` returns: constructed like `Base`, with
 * `Base`'s members and static side, plus RAMPART's `handleTestEvent`.
 */
export type RampartEnvironmentClass<Base extends TestEnvironmentClass> = {
  new (...args: ConstructorParameters<Base>): InstanceType<Base> & RampartEventHandler;
  prototype: InstanceType<Base> & RampartEventHandler;
} & Omit<Base, 'prototype'>;
