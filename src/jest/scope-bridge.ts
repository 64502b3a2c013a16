/**
 * The bridge between test code (inside Jest's sandbox, with its own module
 * registry) and the environment (outside it). The environment installs one
 * object on the sandbox global; `harm()` and `trial()` push definition scopes
 * on it, and the environment reads the innermost scope at every `add_test`.
 */

/** Metadata a definition scope gives to the tests defined inside it. */
export interface DefinitionScope {
  harm?: string;
  trial?: { n: number; threshold: number; index: number; confidence?: number | null };
}

/** What the environment installs under {@link SCOPE_BRIDGE_KEY}. */
export interface ScopeBridge {
  readonly version: 1;
  pushScope(scope: DefinitionScope): void;
  popScope(): void;
  /** True while a trial scope is open (trials cannot nest). */
  inTrial(): boolean;
}

/** Global key of the bridge (a registered symbol: both realms see the same one). */
export const SCOPE_BRIDGE_KEY: unique symbol = Symbol.for('rampart.jest.scope-bridge.v1');

/** The bridge installed by `rampart/env`, if the test runs in it. */
function installedScopeBridge(): ScopeBridge | undefined {
  const bridge = (globalThis as { [SCOPE_BRIDGE_KEY]?: ScopeBridge })[SCOPE_BRIDGE_KEY];
  return bridge && bridge.version === 1 ? bridge : undefined;
}

/**
 * The installed bridge; throws when the test file does not run in an
 * environment with RAMPART collection, so that `harm()` and `trial()` fail at
 * definition time instead of tagging tests nobody collects.
 */
export function requireScopeBridge(helper: 'harm()' | 'trial()'): ScopeBridge {
  const bridge = installedScopeBridge();
  if (!bridge) {
    throw new Error(
      `${helper} needs the rampart test environment: set testEnvironment: 'rampart/env' in your Jest config`,
    );
  }
  return bridge;
}

/** Run `define` with `scope` open on the bridge (no-op bridge when absent). */
export function withScope<T>(scope: DefinitionScope, define: () => T): T {
  const bridge = installedScopeBridge();
  bridge?.pushScope(scope);
  try {
    return define();
  } finally {
    bridge?.popScope();
  }
}
