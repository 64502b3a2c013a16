/**
 * The built-in converters as data: name, what each does, whether it has an
 * inverse, is seeded or needs a model. The attack catalogue page
 * (docs/attack-catalogue.md) is generated from this list, and tests check
 * every entry against a real instance.
 */
import { PayloadFormat } from '../../model/payload-format';
import type { ModelInput } from '../llm/completions';
import { AtbashConverter } from './atbash-converter';
import { Base64Converter } from './base64-converter';
import { BinaryConverter } from './binary-converter';
import { CaesarConverter } from './caesar-converter';
import { CharSwapConverter } from './char-swap-converter';
import type { PayloadConverter } from './converter';
import { DocxConverter } from './docx-converter';
import { HexConverter } from './hex-converter';
import { HomoglyphConverter } from './homoglyph-converter';
import { HtmlCommentConverter } from './html-comment-converter';
import { InvisibleHtmlConverter } from './invisible-html-converter';
import { JsonEscapeConverter } from './json-escape-converter';
import { LeetspeakConverter } from './leetspeak-converter';
import { MarkdownCommentConverter } from './markdown-comment-converter';
import { ParaphraseConverter, ToneConverter, TranslateConverter } from './model-rewrite-converters';
import { MorseConverter } from './morse-converter';
import { ReverseConverter } from './reverse-converter';
import { Rot13Converter } from './rot13-converter';
import { SplitNoiseConverter } from './split-noise-converter';
import { TagSmugglingConverter } from './tag-smuggling-converter';
import { UrlConverter } from './url-converter';
import { ZeroWidthConverter } from './zero-width-converter';

/** What a converter does to a payload, for the catalogue. */
export const ConverterKind = {
  /** Re-encodes the text (reversible by a reader or model that knows the code). */
  ENCODING: 'encoding',
  /** Keeps the text readable but breaks exact matching. */
  OBFUSCATION: 'obfuscation',
  /** Hides the text from a human reader of the rendered content. */
  CONCEALMENT: 'concealment',
  /** A model rewrites the text. */
  REWRITE: 'rewrite',
  /** Renders the text as a file. */
  RENDERER: 'renderer',
} as const;
/** One of the {@link ConverterKind} values. */
export type ConverterKind = (typeof ConverterKind)[keyof typeof ConverterKind];

/** One built-in converter, described. */
export interface ConverterEntry {
  /** The stable name recorded in `converter` metadata. */
  name: string;
  /** The exported class. */
  className: string;
  kind: ConverterKind;
  /** One sentence: what it does. */
  description: string;
  /** Has `decode(content)`; the condition under which it is exact, when there is one. */
  inverse: false | true | string;
  /** Takes a `seed` option (same seed and content, same output). */
  seeded: boolean;
  /** Needs a model (`model` option). */
  model: boolean;
  /** Format of the converted payload. */
  output: PayloadFormat;
  /** An instance with default options (model-backed ones use `model`). */
  create(model: ModelInput): PayloadConverter;
}

const entry = (e: ConverterEntry): ConverterEntry => e;
const deterministic = { seeded: false, model: false, output: PayloadFormat.TEXT } as const;

/** Every built-in converter, in catalogue order. */
export const CONVERTER_CATALOGUE: readonly ConverterEntry[] = [
  entry({
    ...deterministic,
    name: 'base64',
    className: 'Base64Converter',
    kind: 'encoding',
    inverse: true,
    description: 'Base64 of the UTF-8 bytes.',
    create: () => new Base64Converter(),
  }),
  entry({
    ...deterministic,
    name: 'hex',
    className: 'HexConverter',
    kind: 'encoding',
    inverse: true,
    description: 'Lowercase hexadecimal of the UTF-8 bytes.',
    create: () => new HexConverter(),
  }),
  entry({
    ...deterministic,
    name: 'binary',
    className: 'BinaryConverter',
    kind: 'encoding',
    inverse: true,
    description: 'UTF-8 bytes as space-separated 8-bit groups.',
    create: () => new BinaryConverter(),
  }),
  entry({
    ...deterministic,
    name: 'url',
    className: 'UrlConverter',
    kind: 'encoding',
    inverse: true,
    description: 'Percent-encoding (`all: true` encodes letters and digits too).',
    create: () => new UrlConverter(),
  }),
  entry({
    ...deterministic,
    name: 'json-escape',
    className: 'JsonEscapeConverter',
    kind: 'encoding',
    inverse: true,
    description:
      'Every character as a JSON `\\uXXXX` escape (`all: false`: only what JSON requires).',
    create: () => new JsonEscapeConverter(),
  }),
  entry({
    ...deterministic,
    name: 'morse',
    className: 'MorseConverter',
    kind: 'encoding',
    inverse: 'upper-cased, single spaces',
    description: 'International Morse code; letters separated by spaces, words by a slash.',
    create: () => new MorseConverter(),
  }),
  entry({
    ...deterministic,
    name: 'rot13',
    className: 'Rot13Converter',
    kind: 'encoding',
    inverse: true,
    description: 'ROT13 of the ASCII letters.',
    create: () => new Rot13Converter(),
  }),
  entry({
    ...deterministic,
    name: 'caesar',
    className: 'CaesarConverter',
    kind: 'encoding',
    inverse: true,
    description: 'Caesar shift of the ASCII letters (`shift`, default 3).',
    create: () => new CaesarConverter(),
  }),
  entry({
    ...deterministic,
    name: 'atbash',
    className: 'AtbashConverter',
    kind: 'encoding',
    inverse: true,
    description: 'Atbash: the alphabet mirrored (a↔z).',
    create: () => new AtbashConverter(),
  }),
  entry({
    ...deterministic,
    name: 'reverse',
    className: 'ReverseConverter',
    kind: 'encoding',
    inverse: true,
    description: 'The text reversed by code points.',
    create: () => new ReverseConverter(),
  }),
  entry({
    ...deterministic,
    name: 'leetspeak',
    className: 'LeetspeakConverter',
    kind: 'obfuscation',
    inverse: false,
    description: 'Letters replaced by look-alike digits (a→4, e→3, o→0, ...).',
    create: () => new LeetspeakConverter(),
  }),
  entry({
    ...deterministic,
    seeded: true,
    name: 'homoglyph',
    className: 'HomoglyphConverter',
    kind: 'obfuscation',
    inverse: 'text without Cyrillic or Greek look-alikes',
    description:
      'A seeded share (`rate`, default 0.5) of Latin letters replaced by Cyrillic or Greek look-alikes.',
    create: () => new HomoglyphConverter(),
  }),
  entry({
    ...deterministic,
    seeded: true,
    name: 'char-swap',
    className: 'CharSwapConverter',
    kind: 'obfuscation',
    inverse: false,
    description: 'Two inner letters swapped in a seeded share (`rate`, default 0.5) of the words.',
    create: () => new CharSwapConverter(),
  }),
  entry({
    ...deterministic,
    seeded: true,
    name: 'split-noise',
    className: 'SplitNoiseConverter',
    kind: 'obfuscation',
    inverse: false,
    description:
      'Cut into 2–5 character pieces separated by seeded noise groups `⟪k3x⟫`, with a line saying how to read it.',
    create: () => new SplitNoiseConverter(),
  }),
  entry({
    ...deterministic,
    seeded: true,
    name: 'zero-width',
    className: 'ZeroWidthConverter',
    kind: 'concealment',
    inverse: 'text without zero-width characters',
    description: 'A seeded zero-width character between every two characters.',
    create: () => new ZeroWidthConverter(),
  }),
  entry({
    ...deterministic,
    name: 'tag-smuggling',
    className: 'TagSmugglingConverter',
    kind: 'concealment',
    inverse: 'text without tag characters',
    description:
      'Printable ASCII rewritten as invisible Unicode tag characters, after an optional visible `cover`.',
    create: () => new TagSmugglingConverter(),
  }),
  entry({
    ...deterministic,
    output: PayloadFormat.MARKDOWN,
    name: 'markdown-comment',
    className: 'MarkdownCommentConverter',
    kind: 'concealment',
    inverse: false,
    description: 'Each line in a Markdown comment `[//]: # (...)` that renderers do not show.',
    create: () => new MarkdownCommentConverter(),
  }),
  entry({
    ...deterministic,
    output: PayloadFormat.HTML,
    name: 'html-comment',
    className: 'HtmlCommentConverter',
    kind: 'concealment',
    inverse: false,
    description: 'The text in an HTML comment, optionally after a visible `cover` paragraph.',
    create: () => new HtmlCommentConverter(),
  }),
  entry({
    ...deterministic,
    output: PayloadFormat.HTML,
    name: 'invisible-html',
    className: 'InvisibleHtmlConverter',
    kind: 'concealment',
    inverse: false,
    description:
      'The text in a `<span>` styled invisible: zero-size, white-on-white or off-screen (`style`).',
    create: () => new InvisibleHtmlConverter(),
  }),
  entry({
    ...deterministic,
    model: true,
    name: 'translate',
    className: 'TranslateConverter',
    kind: 'rewrite',
    inverse: false,
    description: 'A model translates the text into `language`.',
    create: (model) => new TranslateConverter({ model, language: 'French' }),
  }),
  entry({
    ...deterministic,
    model: true,
    name: 'paraphrase',
    className: 'ParaphraseConverter',
    kind: 'rewrite',
    inverse: false,
    description: 'A model rewords the text, same meaning.',
    create: (model) => new ParaphraseConverter({ model }),
  }),
  entry({
    ...deterministic,
    model: true,
    name: 'tone',
    className: 'ToneConverter',
    kind: 'rewrite',
    inverse: false,
    description: 'A model rewrites the text in a `tone` (urgent, formal, ...).',
    create: (model) => new ToneConverter({ model, tone: 'urgent' }),
  }),
  entry({
    ...deterministic,
    output: PayloadFormat.DOCX,
    name: 'docx',
    className: 'DocxConverter',
    kind: 'renderer',
    inverse: false,
    description:
      'A Word document (.docx) holding the text, optionally `hidden` (white, 1 pt) after a visible `cover`; the file is the artifact.',
    create: () => new DocxConverter(),
  }),
];
