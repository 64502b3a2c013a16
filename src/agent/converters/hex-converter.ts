/** Hexadecimal encoding of a text payload (UTF-8 bytes). */
import { type ReversibleConverter, TextConverter } from './converter';

/** Replaces the content by the lowercase hex of its UTF-8 bytes. */
export class HexConverter extends TextConverter implements ReversibleConverter {
  readonly name = 'hex';

  protected transform(content: string): string {
    return Buffer.from(content, 'utf8').toString('hex');
  }

  decode(content: string): string {
    return Buffer.from(content, 'hex').toString('utf8');
  }
}
