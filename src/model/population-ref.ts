/** Validation of trial provenance ({@link PopulationRef}). */
import type { PopulationRef } from './trace-types';
import { argumentChecks } from './value-checks';

/** A validated {@link PopulationRef}: non-empty id, integer `0 <= index < size`, threshold in [0, 1]. */
export function createPopulationRef(ref: PopulationRef): PopulationRef {
  const { id, index, size, threshold } = ref ?? ({} as PopulationRef);
  argumentChecks.nonEmptyString(id, 'population id');
  argumentChecks.integer(size, 'population size', 1);
  if (typeof index !== 'number' || !Number.isSafeInteger(index) || index < 0 || index >= size)
    argumentChecks.fail(
      'population index',
      `an integer between 0 and size - 1 (${size - 1})`,
      index,
    );
  return { id, index, size, threshold: argumentChecks.ratio(threshold, 'population threshold') };
}
