/**
 * withResultMetadata: Results recorded inside the scope (by recordResult or
 * by the collection handler of an execution) get the scope's keys, unless
 * they have their own; scopes nest; nothing leaks out of a scope.
 */
import {
  ExecutionEvent,
  ObservabilityLevel,
  Result,
  ResultCollector,
  recordResult,
  withResultMetadata,
} from '../../../src/index';
import { ResultCollectionHandler, runWithCollector } from '../../../src/integration';

const result = (metadata: Record<string, unknown> = {}) =>
  new Result({
    status: 'safe',
    summary: 's',
    observabilityLevel: ObservabilityLevel.TOOL_ONLY,
    metadata,
  });

test('tags Results recorded inside the scope, keeps their own values, nests, and does not leak', async () => {
  const collector = new ResultCollector();
  await runWithCollector(collector, async () => {
    await withResultMetadata({ a: 1, list: ['x'] }, async () => {
      recordResult(result());
      await new Promise((resolve) => setTimeout(resolve, 1));
      recordResult(result({ a: 'own' }));
      await withResultMetadata({ b: 2, a: 3 }, () => recordResult(result()));
      // The collection handler of executions goes through the same path.
      new ResultCollectionHandler().onEvent({
        event: ExecutionEvent.ON_POST_EXECUTE,
        adapter: {},
        result: result(),
        error: null,
        elapsedSeconds: 0,
      });
    });
    recordResult(result());
  });
  expect(collector.results.map((r) => r.metadata)).toEqual([
    { a: 1, list: ['x'] },
    { a: 'own', list: ['x'] },
    { a: 3, b: 2, list: ['x'] },
    { a: 1, list: ['x'] },
    {},
  ]);
  // Each Result has its own copy of an array value.
  expect(collector.results[0]?.metadata.list).not.toBe(collector.results[1]?.metadata.list);
});
