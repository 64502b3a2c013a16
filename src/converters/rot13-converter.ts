/** ROT13 of a text payload. */
import { TextConverter } from './converter';

/** Rotates ASCII letters by 13 places; everything else is kept. */
export class Rot13Converter extends TextConverter {
  protected transform(content: string): string {
    return content.replace(/[a-zA-Z]/g, (c) => {
      const base = c <= 'Z' ? 65 : 97;
      return String.fromCharCode(((c.charCodeAt(0) - base + 13) % 26) + base);
    });
  }
}
