/** Unicode tag-character smuggling of a text payload. */
import { type ReversibleConverter, TextConverter } from './converter';
import { checkCover } from './cover-text';

const TAG_BASE = 0xe0000;
const TAG_PATTERN = /[\u{e0020}-\u{e007e}]/gu;

/** Options of {@link TagSmugglingConverter}. */
export interface TagSmugglingConverterOptions {
  /** Visible text placed before the invisible instructions; default none. */
  cover?: string;
}

/**
 * Rewrites printable ASCII as Unicode tag characters (U+E0020–U+E007E):
 * invisible in most interfaces, yet many models read them. Other characters
 * are kept as they are. An optional visible `cover` text goes first.
 */
export class TagSmugglingConverter extends TextConverter implements ReversibleConverter {
  readonly name = 'tag-smuggling';
  readonly cover: string;

  constructor(options: TagSmugglingConverterOptions = {}) {
    super();
    this.cover = checkCover(options.cover, 'TagSmugglingConverter');
  }

  protected transform(content: string): string {
    return (
      this.cover +
      content.replace(/[\x20-\x7e]/g, (c) => String.fromCodePoint(TAG_BASE + c.charCodeAt(0)))
    );
  }

  /** The hidden text (exact for text that had no tag characters). */
  decode(content: string): string {
    const hidden = content.startsWith(this.cover) ? content.slice(this.cover.length) : content;
    return hidden.replace(TAG_PATTERN, (c) =>
      String.fromCharCode((c.codePointAt(0) as number) - TAG_BASE),
    );
  }
}
