/** Binary encoding of a text payload: UTF-8 bytes as 8-bit groups. */
import { type ReversibleConverter, TextConverter } from './converter';

/** Replaces the content by its UTF-8 bytes written as `01001000 01101001 ...`. */
export class BinaryConverter extends TextConverter implements ReversibleConverter {
  readonly name = 'binary';

  protected transform(content: string): string {
    return [...Buffer.from(content, 'utf8')].map((b) => b.toString(2).padStart(8, '0')).join(' ');
  }

  decode(content: string): string {
    const groups = content.split(/\s+/).filter((g) => g.length > 0);
    return Buffer.from(groups.map((g) => parseInt(g, 2))).toString('utf8');
  }
}
