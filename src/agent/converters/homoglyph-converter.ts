/** Homoglyph (confusable character) substitution of a text payload. */
import { type ReversibleConverter, TextConverter } from './converter';
import { checkRate, checkSeed, seededRandom } from './seeded-random';

/** Latin letters and a Cyrillic or Greek letter that renders the same in most fonts. */
const CONFUSABLES: Readonly<Record<string, string>> = {
  a: '\u0430',
  c: '\u0441',
  e: '\u0435',
  i: '\u0456',
  j: '\u0458',
  o: '\u043e',
  p: '\u0440',
  s: '\u0455',
  x: '\u0445',
  y: '\u0443',
  A: '\u0410',
  B: '\u0412',
  C: '\u0421',
  E: '\u0415',
  H: '\u041d',
  I: '\u0406',
  J: '\u0408',
  K: '\u041a',
  M: '\u041c',
  N: '\u039d',
  O: '\u041e',
  P: '\u0420',
  S: '\u0405',
  T: '\u0422',
  X: '\u0425',
  Y: '\u04ae',
  Z: '\u0396',
};
const LATIN: ReadonlyMap<string, string> = new Map(
  Object.entries(CONFUSABLES).map(([latin, lookalike]) => [lookalike, latin]),
);

/** Options of {@link HomoglyphConverter}. */
export interface HomoglyphConverterOptions {
  /** Share of replaceable letters that are replaced, in [0, 1]; default 0.5. */
  rate?: number;
  /** Seed of the choice of letters; same seed and content, same output. Default 0. */
  seed?: number;
}

/**
 * Replaces Latin letters by Cyrillic or Greek look-alikes (`а` for `a`), a
 * seeded share of them. Looks unchanged to a reader; defeats keyword filters.
 */
export class HomoglyphConverter extends TextConverter implements ReversibleConverter {
  readonly name = 'homoglyph';
  readonly rate: number;
  readonly seed: number;

  constructor(options: HomoglyphConverterOptions = {}) {
    super();
    this.rate = checkRate(options.rate, 0.5, 'HomoglyphConverter rate');
    this.seed = checkSeed(options.seed, 'HomoglyphConverter');
  }

  protected transform(content: string): string {
    const random = seededRandom(this.seed, content);
    return content.replace(/[a-zA-Z]/g, (c) => {
      const lookalike = CONFUSABLES[c];
      return lookalike !== undefined && random() < this.rate ? lookalike : c;
    });
  }

  /** Maps the look-alikes back to Latin (exact for text that had none to begin with). */
  decode(content: string): string {
    return Array.from(content, (c) => LATIN.get(c) ?? c).join('');
  }
}
