/** Validation of trial provenance ({@link PopulationRef}). */
import type { PopulationRef } from './trace-types';
import { describeValue } from './value-description';

/** A validated {@link PopulationRef}: non-empty id, integer `0 <= index < size`, threshold in [0, 1]. */
export function createPopulationRef(ref: PopulationRef): PopulationRef {
  const { id, index, size, threshold } = ref ?? ({} as PopulationRef);
  if (typeof id !== 'string' || id.length === 0)
    throw new TypeError(`population id must be a non-empty string, got ${describeValue(id)}`);
  if (typeof size !== 'number' || !Number.isSafeInteger(size) || size < 1)
    throw new TypeError(`population size must be an integer >= 1, got ${describeValue(size)}`);
  if (typeof index !== 'number' || !Number.isSafeInteger(index) || index < 0 || index >= size)
    throw new TypeError(
      `population index must be an integer between 0 and size - 1 (${size - 1}), got ${describeValue(index)}`,
    );
  if (typeof threshold !== 'number' || !(threshold >= 0 && threshold <= 1))
    throw new TypeError(
      `population threshold must be a number in [0, 1], got ${describeValue(threshold)}`,
    );
  return { id, index, size, threshold };
}
