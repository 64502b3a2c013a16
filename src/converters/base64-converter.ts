/** Base64 encoding of a text payload (UTF-8 bytes). */
import { TextConverter } from './converter';

/** Replaces the content by its Base64 encoding. */
export class Base64Converter extends TextConverter {
  protected transform(content: string): string {
    return Buffer.from(content, 'utf8').toString('base64');
  }
}
