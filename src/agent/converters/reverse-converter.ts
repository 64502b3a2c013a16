/** Reversal of a text payload. */
import { type ReversibleConverter, TextConverter } from './converter';

/** Reverses the content by code points (surrogate pairs stay intact). Its own inverse. */
export class ReverseConverter extends TextConverter implements ReversibleConverter {
  readonly name = 'reverse';

  protected transform(content: string): string {
    return Array.from(content).reverse().join('');
  }

  decode(content: string): string {
    return Array.from(content).reverse().join('');
  }
}
