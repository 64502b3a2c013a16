/**
 * Test-side guard for environments without RAMPART collection: while the
 * rampart reporter runs, a Result recorded in a running test of such a file
 * (testEnvironment 'node', 'jsdom' ...) becomes a stray line, and the
 * reporter marks the run incomplete instead of losing the Result in silence.
 * Outside any test it stays a silent no-op, as upstream (docs/reliability.md).
 * Keyed on the collector host being absent, not on an environment's name.
 */
import { setStrayResultHandler } from '../model/collector';
import { ResultCollectionHandler, registerDefaultHandlerFactory } from '../model/execution-events';
import { describeError } from '../model/value-description';
import { RUN_ENV_VAR, decodeChannel, ownsChannel } from './transport/channel';
import type { StraySpool } from './transport/stray-spool';

/** The parts of Jest's `expect.getState()` read here. */
interface ExpectState {
  currentTestName?: unknown;
  testPath?: unknown;
}

type ExpectLike = { getState?: () => ExpectState } | undefined;

/** Jest's expect state in this sandbox (the global, or `@jest/globals` with injectGlobals: false). */
function expectState(): ExpectState | undefined {
  try {
    let expect = (globalThis as { expect?: ExpectLike }).expect;
    if (typeof expect?.getState !== 'function') {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      expect = (require('@jest/globals') as { expect?: ExpectLike }).expect;
    }
    return expect?.getState?.();
  } catch {
    return undefined; // not inside Jest
  }
}

/**
 * Installs the stray Result handler, and the default execution handler so
 * that attacks and probes reach it, when this process belongs to a run of
 * the rampart reporter. Returns whether it did.
 */
export function installStrayResultReporting(): boolean {
  const channel = decodeChannel(process.env[RUN_ENV_VAR]);
  if (!channel || !ownsChannel(channel)) return false;
  let spool: StraySpool | undefined;
  setStrayResultHandler(() => {
    const state = expectState();
    // Jest names the test from its start on; before the first test there is none.
    const test = state?.currentTestName;
    if (typeof test !== 'string' || test.length === 0) return;
    const testPath = typeof state?.testPath === 'string' ? state.testPath : '';
    try {
      if (spool === undefined) {
        // The spool's modules load with the first stray Result, not with every test file.
        type Spools = typeof import('./transport/stray-spool');
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        const spools = require('./transport/stray-spool') as Spools;
        spool = new spools.StraySpool(channel);
      }
      spool.append({ testPath, test });
    } catch (error) {
      console.warn(
        `RAMPART: a Result recorded in test ${JSON.stringify(test)} cannot be collected (this file does not run in rampart/env) and could not be reported: ${describeError(error)}`,
      );
    }
  });
  registerDefaultHandlerFactory(() => [new ResultCollectionHandler()]);
  return true;
}
