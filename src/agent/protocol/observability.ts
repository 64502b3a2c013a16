/**
 * What each observability level lets RAMPART see. The guarantee is per
 * channel: an adapter is believed about a channel it reports, and evidence it
 * does report always counts, even at a lower declared level.
 */
import { ObservabilityLevel } from '../../model/result-status';

/** True when an adapter at `level` reports every tool call. */
export function observesToolCalls(level: ObservabilityLevel): boolean {
  return (
    level === ObservabilityLevel.TOOL_AND_SIDE_EFFECTS || level === ObservabilityLevel.TOOL_ONLY
  );
}

/** True when an adapter at `level` reports every side effect. */
export function observesSideEffects(level: ObservabilityLevel): boolean {
  return level === ObservabilityLevel.TOOL_AND_SIDE_EFFECTS;
}
