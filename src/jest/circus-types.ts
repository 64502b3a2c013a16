/**
 * The parts of jest-circus's state and events the environment reads, typed
 * structurally so that the published declarations need no Jest packages and
 * both Jest 29 and 30 fit.
 */

/** A describe block (the root block has no parent). */
export interface CircusDescribeBlock {
  type: 'describeBlock';
  name: string;
  parent?: CircusDescribeBlock;
  children: Array<CircusDescribeBlock | CircusTestEntry>;
}

/** A test entry. */
export interface CircusTestEntry {
  type: 'test';
  name: string;
  parent: CircusDescribeBlock;
  fn?: (...args: never[]) => unknown;
  invocations: number;
  errors: unknown[];
  failing?: boolean;
  concurrent?: boolean;
  /** Created by circus at the `test()` call; its stack gives the test's location. */
  asyncError?: unknown;
  /** Epoch ms circus stamps at `test_start` (Jest 29 and 30); null before. */
  startedAt?: number | null;
  /** The test's own timeout (`test(name, fn, timeout)`), if given. */
  timeout?: number;
}

/** A circus event (only the fields the environment reads). */
export interface CircusEvent {
  name: string;
  test?: CircusTestEntry;
  testName?: unknown;
  runtimeGlobals?: { expect?: ExpectLike };
}

/** Circus state (only the fields the environment reads). */
export interface CircusState {
  currentDescribeBlock: CircusDescribeBlock;
  /** The run's default test timeout (`testTimeout`, `jest.setTimeout`). */
  testTimeout?: number;
}

/** Jest's `expect`, as far as installing matchers goes. */
export interface ExpectLike {
  extend?: (matchers: Record<string, unknown>) => void;
}
