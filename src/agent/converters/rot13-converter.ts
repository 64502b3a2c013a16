/** ROT13 of a text payload. */
import { type ReversibleConverter, TextConverter } from './converter';
import { shiftLetters } from './letter-shift';

/** Rotates ASCII letters by 13 places; everything else is kept. Its own inverse. */
export class Rot13Converter extends TextConverter implements ReversibleConverter {
  readonly name = 'rot13';

  protected transform(content: string): string {
    return shiftLetters(content, 13);
  }

  decode(content: string): string {
    return shiftLetters(content, 13);
  }
}
