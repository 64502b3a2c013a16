/**
 * Registers where the Results of this test realm go; the root entry point
 * `rampart` imports it for this effect, once per test file sandbox. Inside
 * rampart/env (a collector host is installed on this realm's global), every
 * execution reports its Result to the running test's collector. In another
 * environment of a run with the rampart reporter, Results recorded in a
 * running test are reported as lost (docs/reliability.md, "Results outside
 * rampart/env").
 */
import { COLLECTOR_HOST_KEY } from '../model/collector';
import { ResultCollectionHandler, registerDefaultHandlerFactory } from '../model/execution-events';
import { installStrayResultReporting } from './stray-results';

if ((globalThis as Record<symbol, unknown>)[COLLECTOR_HOST_KEY] !== undefined) {
  registerDefaultHandlerFactory(() => [new ResultCollectionHandler()]);
} else {
  installStrayResultReporting();
}
