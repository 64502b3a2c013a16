/** The converters and their catalogue, for the root entry point `rampart`. */
export {
  convertPayload,
  converterName,
  CONVERTER_METADATA_KEY,
  type PayloadConverter,
  type ReversibleConverter,
} from './converter';
export { Base64Converter } from './base64-converter';
export { Rot13Converter } from './rot13-converter';
export { HexConverter } from './hex-converter';
export { BinaryConverter } from './binary-converter';
export { UrlConverter, type UrlConverterOptions } from './url-converter';
export { JsonEscapeConverter, type JsonEscapeConverterOptions } from './json-escape-converter';
export { MorseConverter } from './morse-converter';
export { CaesarConverter, type CaesarConverterOptions } from './caesar-converter';
export { AtbashConverter } from './atbash-converter';
export { ReverseConverter } from './reverse-converter';
export { LeetspeakConverter } from './leetspeak-converter';
export { HomoglyphConverter, type HomoglyphConverterOptions } from './homoglyph-converter';
export { CharSwapConverter, type CharSwapConverterOptions } from './char-swap-converter';
export { SplitNoiseConverter, type SplitNoiseConverterOptions } from './split-noise-converter';
export { ZeroWidthConverter, type ZeroWidthConverterOptions } from './zero-width-converter';
export {
  TagSmugglingConverter,
  type TagSmugglingConverterOptions,
} from './tag-smuggling-converter';
export {
  MarkdownCommentConverter,
  type MarkdownCommentConverterOptions,
} from './markdown-comment-converter';
export { HtmlCommentConverter, type HtmlCommentConverterOptions } from './html-comment-converter';
export {
  InvisibleHtmlConverter,
  InvisibleStyle,
  type InvisibleHtmlConverterOptions,
} from './invisible-html-converter';
export {
  ModelRewriteConverter,
  TranslateConverter,
  ParaphraseConverter,
  ToneConverter,
  type TranslateConverterOptions,
  type ParaphraseConverterOptions,
  type ToneConverterOptions,
} from './model-rewrite-converters';
export { DocxConverter, type DocxConverterOptions } from './docx-converter';
export { PlainConverter } from './plain-converter';
export { ChainConverter, type ChainConverterOptions } from './chain-converter';
export { CONVERTER_CATALOGUE, ConverterKind, type ConverterEntry } from './converter-catalogue';
