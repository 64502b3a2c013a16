import { validateTrialArguments } from '../../../src/jest/trial';

describe('trial arguments', () => {
  test('defaults: threshold 1.0, no confidence', () => {
    const plain = { confidence: null };
    expect(validateTrialArguments(3, undefined)).toEqual({ n: 3, threshold: 1, ...plain });
    expect(validateTrialArguments(1, { threshold: 0 })).toEqual({ n: 1, threshold: 0, ...plain });
    expect(validateTrialArguments(10, { threshold: 0.8 })).toEqual({
      n: 10,
      threshold: 0.8,
      ...plain,
    });
    expect(validateTrialArguments(2, { threshold: undefined })).toEqual({
      n: 2,
      threshold: 1,
      ...plain,
    });
  });

  // n/n SAFE has the lower bound n / (n + z^2); z^2 = 3.841459 at 95%, so 0.8 needs
  // n >= 0.8 * 3.841459 / 0.2 = 15.37: 16/16 gives 0.8064, 15/15 gives 0.7961.
  test('with a confidence: accepted once n can reach the threshold', () => {
    expect(validateTrialArguments(16, { threshold: 0.8, confidence: 0.95 })).toEqual({
      n: 16,
      threshold: 0.8,
      confidence: 0.95,
    });
    expect(validateTrialArguments(1, { threshold: 0, confidence: 0.99 })).toEqual({
      n: 1,
      threshold: 0,
      confidence: 0.99,
    });
  });

  test.each([
    [0, undefined, 'trial(n) must be an integer >= 1, got 0'],
    [-1, undefined, 'trial(n) must be an integer >= 1, got -1'],
    [2.5, undefined, 'trial(n) must be an integer >= 1, got 2.5'],
    ['5', undefined, 'trial(n) must be an integer >= 1, got "5"'],
    [true, undefined, 'trial(n) must be an integer >= 1, got true'],
    [NaN, undefined, 'trial(n) must be an integer >= 1, got NaN'],
    [1e6, undefined, 'trial(n) must be at most 10000, got 1000000'],
    [3, { threshold: 1.5 }, 'trial threshold must be a number in [0, 1], got 1.5'],
    [3, { threshold: -0.1 }, 'trial threshold must be a number in [0, 1], got -0.1'],
    [3, { threshold: NaN }, 'trial threshold must be a number in [0, 1], got NaN'],
    [3, { threshold: '0.5' }, 'trial threshold must be a number in [0, 1], got "0.5"'],
    [3, { threshold: null }, 'trial threshold must be a number in [0, 1], got null'],
    [
      3,
      { treshold: 0.5 },
      'trial options has unknown key "treshold"; the options are threshold and confidence',
    ],
    [3, { confidence: 1 }, 'trial confidence must be a number in (0, 1), got 1'],
    [3, { confidence: 0 }, 'trial confidence must be a number in (0, 1), got 0'],
    [3, { confidence: '95%' }, 'trial confidence must be a number in (0, 1), got "95%"'],
    [3, { confidence: null }, 'trial confidence must be a number in (0, 1), got null'],
    [
      15,
      { threshold: 0.8, confidence: 0.95 },
      'trial(n) must be at least 16 to reach a threshold of 0.8 at confidence 0.95 (even 15/15 SAFE clones give a lower bound of 0.7961), got 15',
    ],
    [
      10,
      { confidence: 0.95 },
      'trial(n) cannot reach a threshold of 1 at confidence 0.95: even n/n SAFE clones give a lower bound below 1; lower the threshold or leave out confidence',
    ],
    [3, 0.5, 'trial options must be an object like { threshold: 0.8 }, got 0.5'],
  ])('trial(%p, %p) throws %s', (n, options, message) => {
    expect(() => validateTrialArguments(n, options)).toThrow(new TypeError(message));
  });

  test('hostile values give bounded, control-free messages', () => {
    let message = '';
    try {
      validateTrialArguments(`\x1b[2J${'x'.repeat(10_000)}`, undefined);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message.length).toBeLessThan(200);
    expect(message).not.toContain('\x1b');
  });
});
