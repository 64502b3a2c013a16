/**
 * Deterministic randomness for converters: a small PRNG (mulberry32) seeded
 * from the converter's seed and the content, so the output is a function of
 * (seed, content) alone — independent of call order and concurrency.
 */
import { argumentChecks } from '../../model/value-checks';

/** A source of numbers in [0, 1). */
export type Random = () => number;

/** FNV-1a over the UTF-16 code units of `text`, folded with `seed`. */
function hash(seed: number, text: string): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < text.length; i += 1) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/** A PRNG for converting `content` with `seed`. */
export function seededRandom(seed: number, content: string): Random {
  let state = hash(seed, content);
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** An integer in [0, n). */
export function pick(random: Random, n: number): number {
  return Math.floor(random() * n);
}

/** Validates a `seed` option (an integer); `who` names the converter. Default 0. */
export function checkSeed(seed: unknown, who: string): number {
  return seed === undefined ? 0 : argumentChecks.anyInteger(seed, `${who} seed`);
}

/** Validates a rate option in [0, 1]; `who` names the option. */
export function checkRate(rate: unknown, fallback: number, who: string): number {
  return rate === undefined ? fallback : argumentChecks.ratio(rate, who);
}
