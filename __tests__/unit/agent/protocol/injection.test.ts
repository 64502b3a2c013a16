import { InjectionTimeoutError, createPayload, sleepUntilReady } from '../../../../src/index';
import { executionLog } from '../../../../src/integration';
import { CleanupStack } from '../../../../src/agent/protocol/cleanup-stack';
import { activateAll, waitUntilAllReady } from '../../../../src/agent/protocol/injection';
import { type Log, RecordingSurface } from '../../../fakes/agent';

let warnings: string[];
const originalWarn = executionLog.warn;
beforeEach(() => {
  warnings = [];
  executionLog.warn = (message) => void warnings.push(message);
});
afterEach(() => {
  executionLog.warn = originalWarn;
});

const payload = (id: string) => createPayload({ content: `body of ${id}`, id });

describe('CleanupStack', () => {
  test('runs cleanups last-first, logs failures and never rejects', async () => {
    const log: Log = [];
    const stack = new CleanupStack();
    stack.push('a', () => void log.push('a'));
    stack.push('b', () => {
      log.push('b');
      throw new Error('b broke');
    });
    stack.push('c', async () => void log.push('c'));
    await expect(stack.unwind()).resolves.toBeUndefined();
    expect(log).toEqual(['c', 'b', 'a']);
    expect(warnings).toEqual(['Cleanup of b failed — ignored.']);
    await stack.unwind();
    expect(log).toHaveLength(3);
  });
});

describe('activateAll', () => {
  test('settles every activation, cleans up exactly the ones that activated, rethrows the first error', async () => {
    const log: Log = [];
    const good = new RecordingSurface('Good', log);
    const bad = new RecordingSurface('Bad', log, { activate: new Error('upload refused') });
    const handles = [
      good.inject({ payload: payload('p1') }),
      bad.inject({ payload: payload('p2') }),
      good.inject({ payload: payload('p3') }),
    ];
    const stack = new CleanupStack();
    await expect(activateAll(handles, stack)).rejects.toThrow('upload refused');
    expect(good.planted.size).toBe(2);
    await stack.unwind();
    expect(good.planted.size).toBe(0);
    expect(log.filter((l) => l.startsWith('cleanup'))).toEqual(['cleanup p3', 'cleanup p1']);
  });
});

describe('waitUntilAllReady', () => {
  test('resolves when every handle is ready; handles without waitUntilReady are ready at once', async () => {
    const log: Log = [];
    const surface = new RecordingSurface('S', log);
    const plain = { payloadId: null, surfaceName: 'Plain', activate: () => {}, cleanup: () => {} };
    await waitUntilAllReady([surface.inject({ payload: payload('p1') }), plain], 1000);
    expect(log).toEqual(['ready? p1']);
  });

  test('a handle that never becomes ready times out with an error naming it, and its signal aborts', async () => {
    const log: Log = [];
    const slow = new RecordingSurface('SlowIndex', log, { ready: 'hang' });
    const error = await waitUntilAllReady([slow.inject({ payload: payload('p9') })], 20).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(InjectionTimeoutError);
    expect((error as Error).message).toBe('injection p9 on SlowIndex was not ready within 20 ms');
    expect(log).toContain('aborted p9');
  });

  test('a handle that ignores the signal still times out', async () => {
    const stubborn = new RecordingSurface('Stubborn', [], { ready: 'hang-ignoring-signal' });
    await expect(
      waitUntilAllReady([stubborn.inject({ payload: payload('p1') })], 10),
    ).rejects.toThrow('injection p1 on Stubborn was not ready within 10 ms');
  });

  test('the first readiness failure aborts the other waits', async () => {
    const log: Log = [];
    const broken = new RecordingSurface('Broken', log, { ready: new Error('index failed') });
    const slow = new RecordingSurface('Slow', log, { ready: 'hang' });
    await expect(
      waitUntilAllReady(
        [slow.inject({ payload: payload('s') }), broken.inject({ payload: payload('b') })],
        10_000,
      ),
    ).rejects.toThrow('index failed');
    expect(log).toContain('aborted s');
  });
});

describe('sleepUntilReady', () => {
  test('resolves after the delay, rejects with the abort reason, validates the delay', async () => {
    await expect(sleepUntilReady(1)).resolves.toBeUndefined();
    const controller = new AbortController();
    const sleeping = sleepUntilReady(60_000, controller.signal);
    controller.abort(new Error('stop'));
    await expect(sleeping).rejects.toThrow('stop');
    expect(() => sleepUntilReady(-1)).toThrow(
      'sleepUntilReady delayMs must be a finite number >= 0, got -1',
    );
  });
});
