/** JSON string escaping of a text payload. */
import { type ReversibleConverter, TextConverter } from './converter';

/** Options of {@link JsonEscapeConverter}. */
export interface JsonEscapeConverterOptions {
  /**
   * Escape every character as `\uXXXX` (default true). With false, only what
   * JSON requires is escaped (quotes, backslashes, control characters).
   */
  all?: boolean;
}

/** Replaces the content by its escaped form inside a JSON string (without the quotes). */
export class JsonEscapeConverter extends TextConverter implements ReversibleConverter {
  readonly name = 'json-escape';
  readonly all: boolean;

  constructor(options: JsonEscapeConverterOptions = {}) {
    super();
    this.all = options.all !== false;
  }

  protected transform(content: string): string {
    if (!this.all) return JSON.stringify(content).slice(1, -1);
    let out = '';
    for (let i = 0; i < content.length; i += 1)
      out += `\\u${content.charCodeAt(i).toString(16).padStart(4, '0')}`;
    return out;
  }

  decode(content: string): string {
    return JSON.parse(`"${content}"`) as string;
  }
}
