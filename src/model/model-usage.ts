/**
 * Run totals of the model calls the Results report in their `model_usage`
 * metadata (per role: calls, input and output tokens), for the JSON report's
 * `metadata.model_usage` and the summary's "Model usage" line
 * (docs/real-endpoints.md, "Cost"). Folded over the Results in one pass, so
 * it streams.
 */
import type { Result } from './result';

/** Calls and tokens, in the report's form. */
export interface UsageCounts {
  calls: number;
  input_tokens: number;
  output_tokens: number;
}

/** The report's `metadata.model_usage`. */
export interface ModelUsageTotals extends UsageCounts {
  by_role: Record<string, UsageCounts>;
}

/** The metadata key of a Result's usage and of the run's totals. */
export const MODEL_USAGE_KEY = 'model_usage';

const count = (value: unknown): number =>
  typeof value === 'number' && Number.isFinite(value) && value >= 0 ? Math.round(value) : 0;

/** Adds one Result's `model_usage` metadata to `totals`; anything malformed is ignored. */
export function addModelUsage(totals: ModelUsageTotals, usage: unknown): void {
  if (usage === null || typeof usage !== 'object' || Array.isArray(usage)) return;
  for (const [role, value] of Object.entries(usage as Record<string, unknown>)) {
    if (value === null || typeof value !== 'object') continue;
    const v = value as Record<string, unknown>;
    const counts = {
      calls: count(v.calls),
      input_tokens: count(v.input_tokens),
      output_tokens: count(v.output_tokens),
    };
    if (counts.calls === 0) continue;
    const byRole = totals.by_role[role] ?? { calls: 0, input_tokens: 0, output_tokens: 0 };
    for (const key of ['calls', 'input_tokens', 'output_tokens'] as const) {
      byRole[key] += counts[key];
      totals[key] += counts[key];
    }
    Object.defineProperty(totals.by_role, role, {
      value: byRole,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
}

/** The totals over `results`; null when none reports a model call. */
export function modelUsageTotals(results: Iterable<Result>): ModelUsageTotals | null {
  const totals: ModelUsageTotals = { calls: 0, input_tokens: 0, output_tokens: 0, by_role: {} };
  for (const result of results) addModelUsage(totals, result.metadata[MODEL_USAGE_KEY]);
  return totals.calls === 0 ? null : totals;
}

/** True when `value` has numeric `calls`, `input_tokens` and `output_tokens`. */
export function isUsageCounts(value: unknown): value is UsageCounts {
  if (value === null || typeof value !== 'object') return false;
  const v = value as Record<string, unknown>;
  return ['calls', 'input_tokens', 'output_tokens'].every(
    (key) => typeof v[key] === 'number' && Number.isFinite(v[key]),
  );
}

/** `1,204`, `2.3M`, `180k`: how the summary line writes counts. */
function compact(n: number): string {
  if (n >= 1e9) return `${(n / 1e9).toFixed(1).replace(/\.0$/, '')}G`;
  if (n >= 1e6) return `${(n / 1e6).toFixed(1).replace(/\.0$/, '')}M`;
  if (n >= 1e4) return `${Math.round(n / 1e3)}k`;
  return n.toLocaleString('en-US');
}

/** `Model usage: 1,204 calls, 2.3M input / 180k output tokens`. */
export function modelUsageLine(totals: UsageCounts): string {
  return `Model usage: ${totals.calls.toLocaleString('en-US')} call${totals.calls === 1 ? '' : 's'}, ${compact(totals.input_tokens)} input / ${compact(totals.output_tokens)} output tokens`;
}
