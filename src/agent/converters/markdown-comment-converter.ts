/** Hiding a text payload in Markdown comments. */
import { PayloadFormat } from '../../model/payload-format';
import { TextConverter } from './converter';
import { checkCover } from './cover-text';

/** Options of {@link MarkdownCommentConverter}. */
export interface MarkdownCommentConverterOptions {
  /** Visible Markdown shown after the hidden lines; default none. */
  cover?: string;
}

/**
 * Puts each line of the content in a Markdown comment (`[//]: # (...)`, a
 * link reference definition no renderer shows), optionally followed by
 * visible `cover` text. The output format is `markdown`.
 */
export class MarkdownCommentConverter extends TextConverter {
  readonly name = 'markdown-comment';
  protected override readonly outputFormat = PayloadFormat.MARKDOWN;
  readonly cover: string;

  constructor(options: MarkdownCommentConverterOptions = {}) {
    super();
    this.cover = checkCover(options.cover, 'MarkdownCommentConverter');
  }

  protected transform(content: string): string {
    const hidden = content
      .split(/\r?\n/)
      .filter((line) => line.trim().length > 0)
      .map((line) => `[//]: # (${line.replace(/[\\()]/g, (c) => `\\${c}`)})`);
    return [...hidden, ...(this.cover ? ['', this.cover] : [])].join('\n');
  }
}
