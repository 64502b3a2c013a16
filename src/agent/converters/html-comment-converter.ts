/** Hiding a text payload in an HTML comment. */
import { PayloadFormat } from '../../model/payload-format';
import { TextConverter } from './converter';
import { checkCover, escapeHtml } from './cover-text';

/** Options of {@link HtmlCommentConverter}. */
export interface HtmlCommentConverterOptions {
  /** Visible text (escaped, in a paragraph) shown after the comment; default none. */
  cover?: string;
}

/**
 * Puts the content in an HTML comment, which browsers do not render but
 * models reading the source do. `--` is spaced out so the comment cannot be
 * closed early. The output format is `html`.
 */
export class HtmlCommentConverter extends TextConverter {
  readonly name = 'html-comment';
  protected override readonly outputFormat = PayloadFormat.HTML;
  readonly cover: string;

  constructor(options: HtmlCommentConverterOptions = {}) {
    super();
    this.cover = checkCover(options.cover, 'HtmlCommentConverter');
  }

  protected transform(content: string): string {
    // The spaces after `<!--` and before `-->` keep `>`/`->` at the edges harmless.
    const comment = `<!-- ${content.replace(/-(?=-)/g, '- ')} -->`;
    return this.cover ? `${comment}\n<p>${escapeHtml(this.cover)}</p>` : comment;
  }
}
