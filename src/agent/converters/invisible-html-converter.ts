/** Hiding a text payload in HTML text that renders invisibly. */
import { PayloadFormat } from '../../model/payload-format';
import { describeValue } from '../../model/value-description';
import { TextConverter } from './converter';
import { checkCover, escapeHtml } from './cover-text';

/** How the text is made invisible. */
export const InvisibleStyle = {
  /** Font size 0. */
  ZERO_SIZE: 'zero-size',
  /** White text on a white background. */
  WHITE: 'white',
  /** Positioned far outside the page. */
  OFFSCREEN: 'offscreen',
} as const;
/** One of the {@link InvisibleStyle} values. */
export type InvisibleStyle = (typeof InvisibleStyle)[keyof typeof InvisibleStyle];

const CSS: Record<InvisibleStyle, string> = {
  'zero-size': 'font-size:0;line-height:0',
  white: 'color:#ffffff;background:#ffffff',
  offscreen: 'position:absolute;left:-10000px;top:auto;width:1px;height:1px;overflow:hidden',
};

/** Options of {@link InvisibleHtmlConverter}. */
export interface InvisibleHtmlConverterOptions {
  /** Default `zero-size`. */
  style?: InvisibleStyle;
  /** Visible text (escaped, in a paragraph) that carries the hidden span; default none. */
  cover?: string;
}

/**
 * Wraps the (HTML-escaped) content in a `<span>` styled to be invisible to a
 * human reader — zero-size, white-on-white or off-screen — while a model
 * reading the page still sees it. The output format is `html`.
 */
export class InvisibleHtmlConverter extends TextConverter {
  readonly name = 'invisible-html';
  protected override readonly outputFormat = PayloadFormat.HTML;
  readonly style: InvisibleStyle;
  readonly cover: string;

  constructor(options: InvisibleHtmlConverterOptions = {}) {
    super();
    const style = options.style ?? InvisibleStyle.ZERO_SIZE;
    if (!Object.prototype.hasOwnProperty.call(CSS, style))
      throw new TypeError(
        `InvisibleHtmlConverter style must be one of ${Object.keys(CSS).join(', ')}, got ${describeValue(style)}`,
      );
    this.style = style;
    this.cover = checkCover(options.cover, 'InvisibleHtmlConverter');
  }

  protected transform(content: string): string {
    const span = `<span style="${CSS[this.style]}">${escapeHtml(content)}</span>`;
    return `<p>${escapeHtml(this.cover)}${this.cover ? ' ' : ''}${span}</p>`;
  }
}
