/** A worker's share of run-wide model-call options. */
import { workerShare } from '../../../src/model/model-call-options';

test('per-minute limits, concurrency and the budget are divided among the workers, rounded down', () => {
  expect(
    workerShare(
      {
        requestsPerMinute: 1200,
        tokensPerMinute: 90_001,
        concurrency: 5,
        maxCalls: 7,
        maxAttempts: 3,
      },
      2,
    ),
  ).toEqual({
    requestsPerMinute: 600,
    tokensPerMinute: 45_000,
    concurrency: 2,
    maxCalls: 3,
    maxAttempts: 3,
  });
  expect(workerShare({ requestsPerMinute: 1, concurrency: 1, maxCalls: 1 }, 4)).toEqual({
    requestsPerMinute: 1,
    concurrency: 1,
    maxCalls: 0,
  });
  expect(workerShare({ requestsPerMinute: null, cassette: 'replay' }, 2)).toEqual({
    requestsPerMinute: null,
    cassette: 'replay',
  });
});
