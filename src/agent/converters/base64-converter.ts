/** Base64 encoding of a text payload (UTF-8 bytes). */
import { type ReversibleConverter, TextConverter } from './converter';

/** Replaces the content by its Base64 encoding. */
export class Base64Converter extends TextConverter implements ReversibleConverter {
  readonly name = 'base64';

  protected transform(content: string): string {
    return Buffer.from(content, 'utf8').toString('base64');
  }

  decode(content: string): string {
    return Buffer.from(content, 'base64').toString('utf8');
  }
}
