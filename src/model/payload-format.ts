/**
 * The delivery format of a payload: text formats carry their content inline,
 * the others travel as a rendered artifact file. Trace records refuse binary
 * payloads, so the model needs this as much as the converters do.
 */
import { isEnumValue } from './wire-enum';

/** Delivery format of a payload. Text formats carry their content inline. */
export const PayloadFormat = {
  TEXT: 'text',
  HTML: 'html',
  MARKDOWN: 'markdown',
  IMAGE: 'image',
  PDF: 'pdf',
  DOCX: 'docx',
  XLSX: 'xlsx',
  AUDIO: 'audio',
} as const;
/** One of the {@link PayloadFormat} values. */
export type PayloadFormat = (typeof PayloadFormat)[keyof typeof PayloadFormat];

const TEXT_FORMATS: readonly PayloadFormat[] = [
  PayloadFormat.TEXT,
  PayloadFormat.HTML,
  PayloadFormat.MARKDOWN,
];
const EXTENSIONS: Record<PayloadFormat, string> = {
  text: '.txt',
  html: '.html',
  markdown: '.md',
  image: '.png',
  pdf: '.pdf',
  docx: '.docx',
  xlsx: '.xlsx',
  audio: '.wav',
};

/** True for formats whose content is delivered inline (text, html, markdown). */
export function isTextFormat(format: PayloadFormat): boolean {
  return TEXT_FORMATS.includes(format);
}

/** True for formats delivered as a rendered artifact file. */
export function isBinaryFormat(format: PayloadFormat): boolean {
  return isEnumValue(PayloadFormat, format) && !isTextFormat(format);
}

/** File extension of a format, with the dot (`.bin` for an unknown one). */
export function formatExtension(format: PayloadFormat): string {
  return EXTENSIONS[format] ?? '.bin';
}
