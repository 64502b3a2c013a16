/**
 * Registers where the Results of this test realm go; the root entry point
 * `rampart` imports it for this effect, once per test file sandbox. Inside
 * rampart/env (a collector host is installed on this realm's global), every
 * execution reports its Result to the running test's collector. In another
 * environment of a run with the rampart reporter (the run channel is set),
 * Results recorded in a running test are reported as lost
 * (docs/reliability.md, "Results outside rampart/env"); the guard's module
 * loads only then, not with every test file.
 */
import { COLLECTOR_HOST_KEY } from '../model/collector';
import { ResultCollectionHandler, registerDefaultHandlerFactory } from '../model/execution-events';
import { RUN_ENV_VAR } from './transport/channel';

if ((globalThis as Record<symbol, unknown>)[COLLECTOR_HOST_KEY] !== undefined) {
  registerDefaultHandlerFactory(() => [new ResultCollectionHandler()]);
} else if (process.env[RUN_ENV_VAR] !== undefined) {
  type StrayResults = typeof import('./stray-results');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  (require('./stray-results') as StrayResults).installStrayResultReporting();
}
