/**
 * Percentages formatted exactly like Python's `format(x, '.Nf%')`: the value is
 * multiplied by 100 in double precision, then rounded half-to-even on the exact
 * binary value (0.125 -> "12%", 0.625 -> "62%"). `Number#toFixed` rounds exact
 * ties up instead, so it prints "13%" and "63%".
 */

/** The exact rational value of a finite double: numerator / 2^shift. */
function exactBinary(value: number): { numerator: bigint; shift: bigint } {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, value);
  const bits = view.getBigUint64(0);
  const negative = bits >> 63n === 1n;
  const exponentBits = (bits >> 52n) & 0x7ffn;
  const fraction = bits & ((1n << 52n) - 1n);
  const mantissa = exponentBits === 0n ? fraction : fraction | (1n << 52n);
  // value = mantissa * 2^(exponent - 1075), with subnormals using exponent 1.
  const exponent = (exponentBits === 0n ? 1n : exponentBits) - 1075n;
  const signed = negative ? -mantissa : mantissa;
  return exponent >= 0n
    ? { numerator: signed << exponent, shift: 0n }
    : { numerator: signed, shift: -exponent };
}

/** `value` with `digits` decimals, rounded half-to-even on its exact binary value. */
export function formatFixedHalfEven(value: number, digits: number): string {
  if (!Number.isFinite(value)) return Number.isNaN(value) ? 'nan' : value > 0 ? 'inf' : '-inf';
  const { numerator, shift } = exactBinary(value);
  const negative = numerator < 0n || Object.is(value, -0);
  const magnitude = numerator < 0n ? -numerator : numerator;
  const scaled = magnitude * 10n ** BigInt(digits);
  const denominator = 1n << shift;
  let quotient = scaled / denominator;
  const twiceRemainder = (scaled % denominator) * 2n;
  if (twiceRemainder > denominator || (twiceRemainder === denominator && quotient % 2n === 1n)) {
    quotient += 1n;
  }
  let text = quotient.toString().padStart(digits + 1, '0');
  if (digits > 0) text = `${text.slice(0, -digits)}.${text.slice(-digits)}`;
  return negative ? `-${text}` : text;
}

/** Python's `'{:.Nf%}'.format(ratio)`. */
export function formatPercent(ratio: number, digits: 0 | 1): string {
  return `${formatFixedHalfEven(ratio * 100, digits)}%`;
}
