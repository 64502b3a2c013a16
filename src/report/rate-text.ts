/**
 * Rates as every text output prints them: upstream's percentage format, `n/a`
 * for a rate over no rated Result (never 0%), and the Wilson interval in
 * brackets where intervals are shown (docs/diff-and-gates.md).
 */
import { formatPercent } from '../model/percent';
import type { RateInterval } from '../model/rate-interval';

/** `40.0%`, or `n/a` when the rate has no denominator (`rate` null). */
export function rateText(rate: number | null, digits: 0 | 1 = 1): string {
  return rate === null ? 'n/a' : formatPercent(rate, digits);
}

/** `[16.8%, 68.7%]` (95% Wilson interval), or `` when there is none. */
export function intervalText(interval: RateInterval | null, digits: 0 | 1 = 1): string {
  if (interval === null) return '';
  const level = interval.confidence === 0.95 ? '' : ` at ${formatPercent(interval.confidence, 0)}`;
  return `[${formatPercent(interval.low, digits)}, ${formatPercent(interval.high, digits)}${level}]`;
}

/** `40.0% [16.8%, 68.7%]`, `40.0%` without `withInterval`, `n/a` without a rate. */
export function rateWithInterval(
  rate: number | null,
  interval: RateInterval | null,
  withInterval: boolean,
  digits: 0 | 1 = 1,
): string {
  const shown = rateText(rate, digits);
  return withInterval && rate !== null && interval !== null
    ? `${shown} ${intervalText(interval, digits)}`
    : shown;
}
