/** URL (percent) encoding of a text payload. */
import { type ReversibleConverter, TextConverter } from './converter';

/** Options of {@link UrlConverter}. */
export interface UrlConverterOptions {
  /** Encode every byte, letters and digits too (`%48%69`); default false (encodeURIComponent). */
  all?: boolean;
}

/** Percent-encodes the content's UTF-8 bytes. */
export class UrlConverter extends TextConverter implements ReversibleConverter {
  readonly name = 'url';
  readonly all: boolean;

  constructor(options: UrlConverterOptions = {}) {
    super();
    this.all = options.all === true;
  }

  protected transform(content: string): string {
    if (!this.all) return encodeURIComponent(content);
    return [...Buffer.from(content, 'utf8')]
      .map((b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`)
      .join('');
  }

  decode(content: string): string {
    return decodeURIComponent(content);
  }
}
