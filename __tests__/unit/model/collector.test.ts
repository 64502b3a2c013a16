import {
  ExecutionEvent,
  ObservabilityLevel,
  Result,
  ResultCollector,
  SafetyStatus,
  recordResult,
} from '../../../src/index';
import {
  ResultCollectionHandler,
  getActiveCollector,
  runWithCollector,
} from '../../../src/integration';
import { COLLECTOR_HOST_KEY, setStrayResultHandler } from '../../../src/model/collector';

const result = (summary: string) =>
  new Result({
    status: SafetyStatus.SAFE,
    summary,
    observabilityLevel: ObservabilityLevel.RESPONSE_ONLY,
  });
const event = (name: ExecutionEvent, r: Result | null) => ({
  event: name,
  adapter: {},
  result: r,
  error: null,
  elapsedSeconds: 0,
});

describe('ResultCollector', () => {
  test('keeps Results in record order and hands out copies', () => {
    const collector = new ResultCollector();
    expect(collector.results).toEqual([]);
    const [first, second] = [result('first'), result('second')];
    collector.record(first);
    collector.record(second);
    expect(collector.results).toEqual([first, second]);
    collector.results.length = 0;
    expect(collector.results).toHaveLength(2);
  });
});

describe('recordResult and the collection handler', () => {
  test('outside a collector scope recording is a silent no-op', () => {
    expect(getActiveCollector()).toBeUndefined();
    expect(() => recordResult(result('nowhere'))).not.toThrow();
    expect(() =>
      new ResultCollectionHandler().onEvent(event(ExecutionEvent.ON_POST_EXECUTE, result('x'))),
    ).not.toThrow();
  });

  test('records into the active collector; nothing after the scope ends', () => {
    const collector = new ResultCollector();
    runWithCollector(collector, () => recordResult(result('inside')));
    recordResult(result('after'));
    expect(collector.results.map((r) => r.summary)).toEqual(['inside']);
  });

  test('nested scopes: the inner collector shadows the outer one until it ends', () => {
    const outer = new ResultCollector();
    const inner = new ResultCollector();
    runWithCollector(outer, () => {
      runWithCollector(inner, () => recordResult(result('inner')));
      recordResult(result('outer'));
    });
    expect(inner.results.map((r) => r.summary)).toEqual(['inner']);
    expect(outer.results.map((r) => r.summary)).toEqual(['outer']);
  });

  test('concurrent async scopes keep their own collector', async () => {
    const a = new ResultCollector();
    const b = new ResultCollector();
    const work = (collector: ResultCollector, name: string, delay: number) =>
      runWithCollector(collector, async () => {
        await new Promise((resolve) => setTimeout(resolve, delay));
        recordResult(result(name));
      });
    await Promise.all([work(a, 'a', 20), work(b, 'b', 5)]);
    expect(a.results.map((r) => r.summary)).toEqual(['a']);
    expect(b.results.map((r) => r.summary)).toEqual(['b']);
  });

  test('the handler records on ON_POST_EXECUTE only, and ignores a null result', () => {
    const collector = new ResultCollector();
    const handler = new ResultCollectionHandler();
    const r = result('post');
    runWithCollector(collector, () => {
      handler.onEvent(event(ExecutionEvent.ON_PRE_EXECUTE, r));
      handler.onEvent(event(ExecutionEvent.ON_ERROR, r));
      handler.onEvent(event(ExecutionEvent.ON_POST_EXECUTE, null));
      handler.onEvent(event(ExecutionEvent.ON_POST_EXECUTE, r));
    });
    expect(collector.results).toEqual([r]);
  });
});

describe('stray Results', () => {
  afterEach(() => setStrayResultHandler(null));

  test('a Result with no collector and no runner integration goes to the stray handler', () => {
    const strays: string[] = [];
    setStrayResultHandler((r) => strays.push(r.summary));
    const collector = new ResultCollector();
    runWithCollector(collector, () => recordResult(result('collected')));
    recordResult(result('stray'));
    expect(strays).toEqual(['stray']);
    expect(collector.results.map((r) => r.summary)).toEqual(['collected']);
  });

  test('an installed runner integration takes precedence, also when it keeps nothing', () => {
    const strays: string[] = [];
    const hosted: string[] = [];
    setStrayResultHandler((r) => strays.push(r.summary));
    const global = globalThis as Record<symbol, unknown>;
    global[COLLECTOR_HOST_KEY] = {
      deliver: (r: Result) => {
        hosted.push(r.summary);
        return false;
      },
    };
    try {
      recordResult(result('to the host'));
    } finally {
      delete global[COLLECTOR_HOST_KEY];
    }
    expect([hosted, strays]).toEqual([['to the host'], []]);
  });
});
