// Summary statistics of repeated measurements.

/** { median, min, max, n } of the finite numbers in `values` (null when none). */
function spread(values) {
  const xs = values
    .filter((v) => typeof v === 'number' && Number.isFinite(v))
    .sort((a, b) => a - b);
  if (xs.length === 0) return null;
  const mid = Math.floor(xs.length / 2);
  const median = xs.length % 2 === 1 ? xs[mid] : (xs[mid - 1] + xs[mid]) / 2;
  return { median, min: xs[0], max: xs[xs.length - 1], n: xs.length };
}

/**
 * Growth exponent between two points: log(y2 / y1) / log(x2 / x1). 1 means
 * linear; 2 quadratic.
 */
function growthExponent(x1, y1, x2, y2) {
  if (!(x1 > 0 && y1 > 0 && x2 > 0 && y2 > 0)) return null;
  return Math.log(y2 / y1) / Math.log(x2 / x1);
}

module.exports = { spread, growthExponent };
