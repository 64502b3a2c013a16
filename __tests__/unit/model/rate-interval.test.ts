import { normalQuantile, wilsonInterval } from '../../../src/model/rate-interval';

// Reference values: Newcombe (1998), "Two-sided confidence intervals for the
// single proportion", Table I, method 3 (Wilson score, no continuity
// correction), given there to four decimals; the others computed with
// Python's statistics.NormalDist().inv_cdf and the closed form.
describe('wilsonInterval', () => {
  test.each([
    [81, 263, 0.2553, 0.3662],
    [15, 148, 0.0624, 0.1605],
    [0, 20, 0, 0.1611],
    [1, 29, 0.0061, 0.1718],
  ])('%i/%i matches Newcombe 1998', (successes, trials, low, high) => {
    const interval = wilsonInterval(successes, trials);
    expect(interval?.low).toBeCloseTo(low, 4);
    expect(interval?.high).toBeCloseTo(high, 4);
    expect(interval?.confidence).toBe(0.95);
  });

  test('3/10 and 5/5 match the closed form to 1e-6', () => {
    expect(wilsonInterval(3, 10)?.low).toBeCloseTo(0.107791, 6);
    expect(wilsonInterval(3, 10)?.high).toBeCloseTo(0.603222, 6);
    expect(wilsonInterval(5, 5)).toEqual({
      low: expect.closeTo(0.565518, 6),
      high: 1,
      confidence: 0.95,
    });
  });

  test('0/n starts at exactly 0 and n/n ends at exactly 1; n/n has lower bound n/(n+z^2)', () => {
    expect(wilsonInterval(0, 7)?.low).toBe(0);
    expect(wilsonInterval(7, 7)?.high).toBe(1);
    const z = normalQuantile(0.975);
    expect(wilsonInterval(7, 7)?.low).toBeCloseTo(7 / (7 + z * z), 12);
  });

  test('a higher confidence gives a wider interval', () => {
    const at95 = wilsonInterval(4, 10);
    const at99 = wilsonInterval(4, 10, 0.99);
    expect(at99?.confidence).toBe(0.99);
    expect(at99!.low).toBeLessThan(at95!.low);
    expect(at99!.high).toBeGreaterThan(at95!.high);
  });

  test('no trials: no interval', () => {
    expect(wilsonInterval(0, 0)).toBeNull();
  });

  test.each([
    [[1, 0], 'successes must be at most trials (0), got 1'],
    [[-1, 3], 'successes must be an integer >= 0, got -1'],
    [[1, 2.5], 'trials must be an integer >= 0, got 2.5'],
    [[1, 3, 1], 'confidence must be a number in (0, 1), got 1'],
    [[1, 3, Number.NaN], 'confidence must be a number in (0, 1), got NaN'],
  ])('rejects %j', (args, message) => {
    expect(() => wilsonInterval(...(args as [number, number, number?]))).toThrow(
      new TypeError(message),
    );
  });
});

describe('normalQuantile', () => {
  test.each([
    [0.975, 1.9599639845400536],
    [0.995, 2.5758293035489],
    [0.95, 1.6448536269514715],
    [0.5, 0],
    [1e-10, -6.361340902404056],
  ])('quantile(%f) = %f (Python statistics.NormalDist)', (p, z) => {
    expect(normalQuantile(p)).toBeCloseTo(z, 12);
  });

  test('is antisymmetric around 0.5', () => {
    expect(normalQuantile(0.01)).toBeCloseTo(-normalQuantile(0.99), 14);
  });

  test('rejects p outside (0, 1)', () => {
    expect(() => normalQuantile(0)).toThrow('p must be a number in (0, 1), got 0');
  });
});
