/** Several converters applied as one. */
import type { Payload } from '../../model/trace-types';
import { describeValue } from '../../model/value-description';
import { CHAIN_SEPARATOR, type PayloadConverter, convertPayload, converterName } from './converter';
import { argumentChecks } from '../../model/value-checks';

/** Options of {@link ChainConverter}. */
export interface ChainConverterOptions {
  /** Overrides the name (default: the names of the links joined with `+`). */
  name?: string;
}

/**
 * Applies its converters in order, each to the output of the previous one.
 * Its name is the chain (`rot13+base64`), which is also what the links
 * record in the payload's `converter` metadata.
 */
export class ChainConverter implements PayloadConverter {
  readonly name: string;
  readonly converters: readonly PayloadConverter[];

  constructor(converters: readonly PayloadConverter[], options: ChainConverterOptions = {}) {
    if (!Array.isArray(converters) || converters.length === 0)
      throw new TypeError(
        `ChainConverter converters must be a non-empty array, got ${describeValue(converters)}`,
      );
    converters.forEach((c, i) => {
      if (c === null || typeof c !== 'object' || typeof c.convert !== 'function')
        throw new TypeError(
          `ChainConverter converters[${i}] must be a PayloadConverter (an object with convert(payload)), got ${describeValue(c)}`,
        );
    });
    this.converters = [...converters];
    const name = options.name ?? this.converters.map(converterName).join(CHAIN_SEPARATOR);
    this.name = argumentChecks.nonEmptyString(name, 'ChainConverter name');
  }

  convert(payload: Payload): Promise<Payload> {
    return convertPayload(payload, this.converters);
  }
}
