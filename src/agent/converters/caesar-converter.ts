/** Caesar cipher of a text payload. */
import { describeValue } from '../../model/value-description';
import { type ReversibleConverter, TextConverter } from './converter';
import { shiftLetters } from './letter-shift';

/** Options of {@link CaesarConverter}. */
export interface CaesarConverterOptions {
  /** Places to shift each letter by, an integer; default 3. */
  shift?: number;
}

/** Shifts ASCII letters by `shift` places (default 3); everything else is kept. */
export class CaesarConverter extends TextConverter implements ReversibleConverter {
  readonly name = 'caesar';
  readonly shift: number;

  constructor(options: CaesarConverterOptions = {}) {
    super();
    const shift = options.shift ?? 3;
    if (typeof shift !== 'number' || !Number.isSafeInteger(shift))
      throw new TypeError(`CaesarConverter shift must be an integer, got ${describeValue(shift)}`);
    this.shift = shift;
  }

  protected transform(content: string): string {
    return shiftLetters(content, this.shift);
  }

  decode(content: string): string {
    return shiftLetters(content, -this.shift);
  }
}
