import { validateTrialArguments } from '../../../src/jest/trial';

describe('trial arguments', () => {
  test('defaults: threshold 1.0', () => {
    expect(validateTrialArguments(3, undefined)).toEqual({ n: 3, threshold: 1 });
    expect(validateTrialArguments(1, { threshold: 0 })).toEqual({ n: 1, threshold: 0 });
    expect(validateTrialArguments(10, { threshold: 0.8 })).toEqual({ n: 10, threshold: 0.8 });
    expect(validateTrialArguments(2, { threshold: undefined })).toEqual({ n: 2, threshold: 1 });
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
      'trial options has unknown key "treshold"; the only option is threshold',
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
