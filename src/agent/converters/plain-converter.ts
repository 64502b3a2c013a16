/** The converter that changes nothing: the baseline of a converter matrix. */
import type { Payload } from '../../model/trace-types';
import type { PayloadConverter } from './converter';

/** Returns the payload as it is (no `converter` metadata is added). Named `plain`. */
export class PlainConverter implements PayloadConverter {
  readonly name = 'plain';

  convert(payload: Payload): Payload {
    return payload;
  }
}
