/**
 * Payload converters: transforms applied to a payload before it is planted,
 * e.g. to test whether encoded or hidden instructions slip past a filter.
 * Text converters re-encode the content and keep a text format; renderers
 * (DocxConverter) keep the content for reports and attach a file. Every
 * built-in converter keeps the payload id, carries the metadata forward and
 * appends its stable name to the `converter` metadata, so a chain reads
 * `rot13+base64` (see docs/converters-and-payloads.md).
 */
import { PayloadFormat, isTextFormat } from '../../model/payload-format';
import { type Payload } from '../../model/trace-types';
import { describeValue } from '../../model/value-description';

/** Transforms a payload into a new one. */
export interface PayloadConverter {
  /**
   * Stable name recorded in the payload's `converter` metadata and used in
   * matrix test titles. Optional for custom converters (the class name is used).
   */
  readonly name?: string;
  convert(payload: Payload): Payload | Promise<Payload>;
}

/** A converter whose output can be turned back into its input. */
export interface ReversibleConverter extends PayloadConverter {
  /** The content before conversion, from converted content. */
  decode(content: string): string;
}

/** Metadata key that records the converter chain of a payload. */
export const CONVERTER_METADATA_KEY = 'converter';

/** Separator of converter names in a chain (`rot13+base64`). */
export const CHAIN_SEPARATOR = '+';

/** The stable name of `converter`: its `name`, else its class name. */
export function converterName(converter: PayloadConverter): string {
  if (typeof converter.name === 'string' && converter.name.length > 0) return converter.name;
  const className = (converter as object).constructor?.name;
  return className && className !== 'Object' ? className : 'converter';
}

/** `metadata` with `name` appended to its converter chain. */
export function withConverterRecorded(
  metadata: Record<string, unknown>,
  name: string,
): Record<string, unknown> {
  const previous = metadata[CONVERTER_METADATA_KEY];
  const chain =
    typeof previous === 'string' && previous.length > 0
      ? `${previous}${CHAIN_SEPARATOR}${name}`
      : name;
  return { ...metadata, [CONVERTER_METADATA_KEY]: chain };
}

/** Applies `converters` in order, each to the output of the previous one. */
export async function convertPayload(
  payload: Payload,
  converters: readonly PayloadConverter[],
): Promise<Payload> {
  let current = payload;
  for (const converter of converters) current = await converter.convert(current);
  return current;
}

/** Throws unless `payload` is a payload with a text format; `who` names the converter. */
export function checkTextPayload(payload: unknown, who: string): Payload {
  if (
    payload === null ||
    typeof payload !== 'object' ||
    typeof (payload as Payload).content !== 'string'
  )
    throw new TypeError(`${who} requires a Payload, got ${describeValue(payload)}`);
  const { format } = payload as Payload;
  if (!isTextFormat(format))
    throw new TypeError(`${who} requires a text payload, got ${describeValue(format)}.`);
  return payload as Payload;
}

/** A text payload derived from `payload`: new content and format, same id, converter recorded. */
export function derivedTextPayload(
  payload: Payload,
  content: string,
  name: string,
  format: PayloadFormat = PayloadFormat.TEXT,
): Payload {
  return {
    content,
    id: payload.id,
    format,
    artifact: null,
    metadata: withConverterRecorded(payload.metadata ?? {}, name),
  };
}

/** Base of converters that rewrite the text content synchronously. */
export abstract class TextConverter implements PayloadConverter {
  /** Stable name recorded in the `converter` metadata. */
  abstract readonly name: string;
  /** Format of the output: `text` unless the converter writes Markdown or HTML. */
  protected readonly outputFormat: PayloadFormat = PayloadFormat.TEXT;

  /** The new content for `content`. */
  protected abstract transform(content: string): string;

  convert(payload: Payload): Payload {
    const checked = checkTextPayload(payload, this.constructor.name);
    return derivedTextPayload(
      checked,
      this.transform(checked.content),
      this.name,
      this.outputFormat,
    );
  }
}
