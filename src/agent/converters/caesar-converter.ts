/** Caesar cipher of a text payload. */
import { type ReversibleConverter, TextConverter } from './converter';
import { shiftLetters } from './letter-shift';
import { argumentChecks } from '../../model/value-checks';

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
    this.shift = argumentChecks.anyInteger(options.shift ?? 3, 'CaesarConverter shift');
  }

  protected transform(content: string): string {
    return shiftLetters(content, this.shift);
  }

  decode(content: string): string {
    return shiftLetters(content, -this.shift);
  }
}
