/** Splitting a text payload into pieces separated by noise. */
import { describeValue } from '../../model/value-description';
import { TextConverter } from './converter';
import { checkSeed, pick, seededRandom } from './seeded-random';

const NOISE_ALPHABET = 'bcdfghjkmnpqrstvwxz0123456789';
const OPEN = '\u27ea'; // ⟪
const CLOSE = '\u27eb'; // ⟫

/** Options of {@link SplitNoiseConverter}. */
export interface SplitNoiseConverterOptions {
  /** Seed of the piece lengths and the noise. Default 0. */
  seed?: number;
  /**
   * Prepend a line telling the reader to drop the noise groups (default
   * true); without it the reader has to work that out.
   */
  preamble?: boolean;
}

/**
 * Cuts the content into pieces of 2–5 characters separated by noise groups
 * such as `⟪k3x⟫`, so no keyword survives intact, and (by default) starts
 * with a line saying how to read it back.
 */
export class SplitNoiseConverter extends TextConverter {
  readonly name = 'split-noise';
  readonly seed: number;
  readonly preamble: boolean;

  constructor(options: SplitNoiseConverterOptions = {}) {
    super();
    this.seed = checkSeed(options.seed, 'SplitNoiseConverter');
    const preamble = options.preamble ?? true;
    if (typeof preamble !== 'boolean')
      throw new TypeError(
        `SplitNoiseConverter preamble must be a boolean, got ${describeValue(preamble)}`,
      );
    this.preamble = preamble;
  }

  protected transform(content: string): string {
    const random = seededRandom(this.seed, content);
    const chars = Array.from(content);
    const pieces: string[] = [];
    for (let i = 0; i < chars.length;) {
      const length = 2 + pick(random, 4);
      pieces.push(chars.slice(i, i + length).join(''));
      i += length;
    }
    const noise = (): string =>
      OPEN +
      Array.from({ length: 3 }, () =>
        NOISE_ALPHABET.charAt(pick(random, NOISE_ALPHABET.length)),
      ).join('') +
      CLOSE;
    const body = pieces.map((piece, i) => (i === 0 ? piece : `${noise()}${piece}`)).join('');
    return this.preamble
      ? `Read the next line with every ${OPEN}...${CLOSE} group deleted:\n${body}`
      : body;
  }
}
