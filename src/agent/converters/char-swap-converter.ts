/** Character swaps (typos that readers and models see through) in a text payload. */
import { TextConverter } from './converter';
import { checkRate, checkSeed, seededRandom, pick } from './seeded-random';

/** Options of {@link CharSwapConverter}. */
export interface CharSwapConverterOptions {
  /** Share of words of 4 or more letters that get one swap, in [0, 1]; default 0.5. */
  rate?: number;
  /** Seed of the choice of words and positions. Default 0. */
  seed?: number;
}

/**
 * Swaps two adjacent inner letters in a seeded share of the words (first and
 * last letters stay), so filters miss the words while they stay readable.
 */
export class CharSwapConverter extends TextConverter {
  readonly name = 'char-swap';
  readonly rate: number;
  readonly seed: number;

  constructor(options: CharSwapConverterOptions = {}) {
    super();
    this.rate = checkRate(options.rate, 0.5, 'CharSwapConverter rate');
    this.seed = checkSeed(options.seed, 'CharSwapConverter');
  }

  protected transform(content: string): string {
    const random = seededRandom(this.seed, content);
    return content.replace(/[A-Za-z]{4,}/g, (word) => {
      if (random() >= this.rate) return word;
      const i = 1 + pick(random, word.length - 3); // inner pair (i, i + 1)
      return word.slice(0, i) + word.charAt(i + 1) + word.charAt(i) + word.slice(i + 2);
    });
  }
}
