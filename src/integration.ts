/**
 * `rampart/integration`: the hooks a test-runner integration plugs into —
 * the default execution handler factory slot and the collection handler,
 * the collector scope and host, and where lifecycle diagnostics go. rampart's
 * own Jest environment uses them; so would one for another runner
 * (docs/entry-points.md).
 */
export {
  registerDefaultHandlerFactory,
  clearDefaultHandlerFactory,
  defaultHandlers,
  ResultCollectionHandler,
  executionLog,
  type ExecutionHandlerFactory,
} from './model/execution';
export {
  runWithCollector,
  getActiveCollector,
  isCollecting,
  type CollectorHost,
} from './model/collector';
