import { formatFixedHalfEven, formatPercent } from '../../../src/model/percent';

// [value, Python format(value, '.0%'), Python format(value, '.1%')], produced by CPython 3.11.
const PYTHON: Array<[number, string, string]> = [
  [0, '0%', '0.0%'],
  [1, '100%', '100.0%'],
  [0.5, '50%', '50.0%'],
  [0.125, '12%', '12.5%'],
  [0.625, '62%', '62.5%'],
  [0.375, '38%', '37.5%'],
  [0.875, '88%', '87.5%'],
  [0.125, '12%', '12.5%'],
  [0.625, '62%', '62.5%'],
  [0.2, '20%', '20.0%'],
  [0.4, '40%', '40.0%'],
  [0.3, '30%', '30.0%'],
  [0.6666666666666666, '67%', '66.7%'],
  [0.3333333333333333, '33%', '33.3%'],
  [0.005, '0%', '0.5%'],
  [0.0005, '0%', '0.1%'],
  [0.0015, '0%', '0.1%'],
  [0.0025, '0%', '0.2%'],
  [0.015, '2%', '1.5%'],
  [0.025, '2%', '2.5%'],
  [0.045, '4%', '4.5%'],
  [0.995, '100%', '99.5%'],
  [0.9995, '100%', '100.0%'],
  [0.999, '100%', '99.9%'],
  [0.14285714285714285, '14%', '14.3%'],
  [0.1, '10%', '10.0%'],
  [0.7, '70%', '70.0%'],
  [0.07, '7%', '7.0%'],
  [0.035, '4%', '3.5%'],
  [0.0125, '1%', '1.2%'],
  [0.8, '80%', '80.0%'],
  [0.85, '85%', '85.0%'],
  [0.15, '15%', '15.0%'],
  [0.25, '25%', '25.0%'],
  [0.75, '75%', '75.0%'],
  [0.45, '45%', '45.0%'],
  [0.55, '55%', '55.0%'],
  [0.65, '65%', '65.0%'],
  [0.95, '95%', '95.0%'],
  [1e-9, '0%', '0.0%'],
  [0.99999, '100%', '100.0%'],
];

describe('formatPercent matches Python', () => {
  test.each(PYTHON)('%p -> %s / %s', (value, zero, one) => {
    expect(formatPercent(value, 0)).toBe(zero);
    expect(formatPercent(value, 1)).toBe(one);
  });

  test('exact binary ties round half to even, unlike toFixed', () => {
    expect((0.125 * 100).toFixed(0)).toBe('13');
    expect(formatPercent(1 / 8, 0)).toBe('12%');
    expect(formatPercent(5 / 8, 0)).toBe('62%');
    expect(formatPercent(0.2, 1)).toBe('20.0%');
  });

  test('fixed formatting of negatives and non-finite values', () => {
    expect(formatFixedHalfEven(-2.5, 0)).toBe('-2');
    expect(formatFixedHalfEven(-0, 1)).toBe('-0.0');
    expect(formatFixedHalfEven(NaN, 1)).toBe('nan');
    expect(formatFixedHalfEven(Infinity, 0)).toBe('inf');
  });
});
