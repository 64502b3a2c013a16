/**
 * Payload converters: text transforms (encode the content, keep a text
 * format) applied before a payload is planted, e.g. to test whether encoded
 * instructions slip past a filter. A converter keeps the payload id, carries
 * its metadata forward and records itself under `converter`.
 */
import { isTextFormat } from '../core/payload';
import { PayloadFormat, type Payload } from '../core/trace-types';
import { describeValue } from '../core/value-description';

/** Transforms a payload into a new one. */
export interface PayloadConverter {
  convert(payload: Payload): Payload | Promise<Payload>;
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

/** Base of converters that re-encode the text content. */
export abstract class TextConverter implements PayloadConverter {
  /** The new content for `content`. */
  protected abstract transform(content: string): string;

  convert(payload: Payload): Payload {
    const name = this.constructor.name;
    if (payload === null || typeof payload !== 'object' || typeof payload.content !== 'string')
      throw new TypeError(`${name} requires a Payload, got ${describeValue(payload)}`);
    if (!isTextFormat(payload.format))
      throw new TypeError(`${name} requires a text payload, got ${describeValue(payload.format)}.`);
    return {
      content: this.transform(payload.content),
      id: payload.id,
      format: PayloadFormat.TEXT,
      artifact: null,
      metadata: { ...payload.metadata, converter: name },
    };
  }
}
