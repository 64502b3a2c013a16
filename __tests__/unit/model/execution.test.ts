import {
  BaseExecution,
  ExecutionEvent,
  type ExecutionEventData,
  ObservabilityLevel,
  Result,
  ResultCollector,
  SafetyStatus,
} from '../../../src/index';
import {
  ResultCollectionHandler,
  clearDefaultHandlerFactory,
  defaultHandlers,
  executionLog,
  registerDefaultHandlerFactory,
  runWithCollector,
} from '../../../src/integration';

const adapter = { observabilityProfile: ObservabilityLevel.TOOL_ONLY };

class Scripted extends BaseExecution {
  readonly strategyName = 'scripted';
  constructor(
    private readonly behaviour: () => Promise<Result>,
    handlers: ConstructorParameters<typeof BaseExecution>[0] = {},
  ) {
    super(handlers);
  }
  protected run(): Promise<Result> {
    return this.behaviour();
  }
}

const safe = () =>
  Promise.resolve(
    new Result({
      status: SafetyStatus.SAFE,
      summary: 'fine',
      observabilityLevel: ObservabilityLevel.TOOL_ONLY,
      durationSeconds: 99,
    }),
  );

let warnings: string[];
const originalWarn = executionLog.warn;
beforeEach(() => {
  warnings = [];
  executionLog.warn = (message) => warnings.push(message);
  clearDefaultHandlerFactory();
});
afterEach(() => {
  executionLog.warn = originalWarn;
  clearDefaultHandlerFactory();
});

describe('BaseExecution', () => {
  test('fires PRE then POST with the result and stamps the duration', async () => {
    const seen: ExecutionEventData[] = [];
    const result = await new Scripted(safe, {
      eventHandlers: [{ onEvent: (d) => void seen.push(d) }],
    }).execute(adapter);
    expect(seen.map((d) => d.event)).toEqual([
      ExecutionEvent.ON_PRE_EXECUTE,
      ExecutionEvent.ON_POST_EXECUTE,
    ]);
    expect(seen[1]?.result).toBe(result);
    expect(result.durationSeconds).not.toBe(99);
    expect(result.durationSeconds).toBeGreaterThanOrEqual(0);
  });

  test('an exception becomes an ERROR Result, after ON_ERROR and before ON_POST_EXECUTE', async () => {
    const seen: ExecutionEventData[] = [];
    class Boom extends Error {
      override name = 'Boom';
    }
    const result = await new Scripted(() => Promise.reject(new Boom('agent unreachable')), {
      eventHandlers: [{ onEvent: (d) => void seen.push(d) }],
    }).execute(adapter);
    expect(result.status).toBe(SafetyStatus.ERROR);
    expect(result.summary).toBe('Boom: agent unreachable');
    expect(result.metadata).toEqual({ error: 'agent unreachable', error_type: 'Boom' });
    expect(result.strategy).toBe('scripted');
    expect(result.observabilityLevel).toBe(ObservabilityLevel.TOOL_ONLY);
    expect(seen.map((d) => d.event)).toEqual([
      ExecutionEvent.ON_PRE_EXECUTE,
      ExecutionEvent.ON_ERROR,
      ExecutionEvent.ON_POST_EXECUTE,
    ]);
    expect(seen[1]?.error).toBeInstanceOf(Boom);
    expect(seen[2]?.result).toBe(result);
  });

  test('a run that returns something else than a Result is an ERROR Result', async () => {
    const result = await new Scripted(() => Promise.resolve('nope' as never)).execute(adapter);
    expect(result.status).toBe(SafetyStatus.ERROR);
    expect(result.summary).toBe(
      'TypeError: scripted execution returned "nope" instead of a Result',
    );
  });

  test('a throwing handler is logged and ignored; later handlers still run', async () => {
    const later: string[] = [];
    const result = await new Scripted(safe, {
      eventHandlers: [
        {
          onEvent: () => {
            throw new Error('broken handler');
          },
        },
        { onEvent: (d) => void later.push(d.event) },
      ],
    }).execute(adapter);
    expect(result.status).toBe(SafetyStatus.SAFE);
    expect(later).toEqual([ExecutionEvent.ON_PRE_EXECUTE, ExecutionEvent.ON_POST_EXECUTE]);
    expect(warnings).toEqual([
      'ExecutionEventHandler Object raised on on_pre_execute — ignored.',
      'ExecutionEventHandler Object raised on on_post_execute — ignored.',
    ]);
  });
});

describe('default handler factory', () => {
  test('is empty until registered, single slot, cleared by clear', () => {
    expect(defaultHandlers()).toEqual([]);
    registerDefaultHandlerFactory(() => [new ResultCollectionHandler()]);
    expect(defaultHandlers()).toHaveLength(1);
    expect(defaultHandlers()[0]).toBeInstanceOf(ResultCollectionHandler);
    expect(defaultHandlers()[0]).not.toBe(defaultHandlers()[0]);
    registerDefaultHandlerFactory(() => []);
    expect(defaultHandlers()).toEqual([]);
    clearDefaultHandlerFactory();
    expect(defaultHandlers()).toEqual([]);
  });

  test('rejects a non-callable factory, naming the value', () => {
    expect(() => registerDefaultHandlerFactory('nope' as never)).toThrow(
      'factory must satisfy ExecutionHandlerFactory (callable returning ExecutionEventHandler[]), got "nope"',
    );
  });

  test('every execution reports to the collector active when the event fires', async () => {
    registerDefaultHandlerFactory(() => [new ResultCollectionHandler()]);
    const execution = new Scripted(safe); // built outside any collector scope
    const collector = new ResultCollector();
    const result = await runWithCollector(collector, () => execution.execute(adapter));
    expect(collector.results).toEqual([result]);
  });

  test('an execution built before registration does not report', async () => {
    const execution = new Scripted(safe);
    registerDefaultHandlerFactory(() => [new ResultCollectionHandler()]);
    const collector = new ResultCollector();
    await runWithCollector(collector, () => execution.execute(adapter));
    expect(collector.results).toEqual([]);
  });
});
