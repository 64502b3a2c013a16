/** Zero-width character interleaving of a text payload. */
import { type ReversibleConverter, TextConverter } from './converter';
import { checkSeed, pick, seededRandom } from './seeded-random';

/** Zero width space, non-joiner, joiner, word joiner. */
const ZERO_WIDTH = ['\u200b', '\u200c', '\u200d', '\u2060'] as const;
const ZERO_WIDTH_PATTERN = /\u200b|\u200c|\u200d|\u2060/g;

/** Options of {@link ZeroWidthConverter}. */
export interface ZeroWidthConverterOptions {
  /** Seed of the choice of invisible characters. Default 0. */
  seed?: number;
}

/**
 * Puts an invisible zero-width character between every two characters, so
 * the text looks the same but no longer matches keyword filters.
 */
export class ZeroWidthConverter extends TextConverter implements ReversibleConverter {
  readonly name = 'zero-width';
  readonly seed: number;

  constructor(options: ZeroWidthConverterOptions = {}) {
    super();
    this.seed = checkSeed(options.seed, 'ZeroWidthConverter');
  }

  protected transform(content: string): string {
    const random = seededRandom(this.seed, content);
    const chars = Array.from(content);
    return chars
      .map((c, i) => (i === 0 ? c : `${ZERO_WIDTH[pick(random, ZERO_WIDTH.length)]}${c}`))
      .join('');
  }

  /** Removes the zero-width characters (exact for text that had none). */
  decode(content: string): string {
    return content.replace(ZERO_WIDTH_PATTERN, '');
  }
}
