/** Atbash cipher of a text payload. */
import { type ReversibleConverter, TextConverter } from './converter';
import { mapLetters } from './letter-shift';

/** Mirrors the alphabet (a↔z, b↔y, ...) for ASCII letters. Its own inverse. */
export class AtbashConverter extends TextConverter implements ReversibleConverter {
  readonly name = 'atbash';

  protected transform(content: string): string {
    return mapLetters(content, (i) => 25 - i);
  }

  decode(content: string): string {
    return mapLetters(content, (i) => 25 - i);
  }
}
