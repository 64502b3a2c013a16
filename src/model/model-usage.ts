/**
 * Run totals of the model calls the Results report in their `model_usage`
 * metadata (per role: calls, input and output tokens, and the same per model
 * under the role's `by_model`), for the JSON report's
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
  /** Keyed by model id (`gpt-4o`; an `LlmClient`'s class name), what prices are given for. */
  by_model: Record<string, UsageCounts>;
}

/** The metadata key of a Result's usage and of the run's totals. */
export const MODEL_USAGE_KEY = 'model_usage';

const count = (value: unknown): number =>
  typeof value === 'number' && Number.isFinite(value) && value >= 0 ? Math.round(value) : 0;

const countsOf = (value: unknown): UsageCounts | null => {
  if (value === null || typeof value !== 'object') return null;
  const v = value as Record<string, unknown>;
  const counts = {
    calls: count(v.calls),
    input_tokens: count(v.input_tokens),
    output_tokens: count(v.output_tokens),
  };
  return counts.calls === 0 ? null : counts;
};

/** Adds `counts` to `table[key]`; the key may be any string (`__proto__` included). */
function addTo(table: Record<string, UsageCounts>, key: string, counts: UsageCounts): void {
  const entry = Object.prototype.hasOwnProperty.call(table, key)
    ? (table[key] as UsageCounts)
    : { calls: 0, input_tokens: 0, output_tokens: 0 };
  for (const field of ['calls', 'input_tokens', 'output_tokens'] as const)
    entry[field] += counts[field];
  Object.defineProperty(table, key, {
    value: entry,
    enumerable: true,
    writable: true,
    configurable: true,
  });
}

/** Adds one Result's `model_usage` metadata to `totals`; anything malformed is ignored. */
export function addModelUsage(totals: ModelUsageTotals, usage: unknown): void {
  if (usage === null || typeof usage !== 'object' || Array.isArray(usage)) return;
  for (const [role, value] of Object.entries(usage as Record<string, unknown>)) {
    const counts = countsOf(value);
    if (!counts) continue;
    addTo(totals.by_role, role, counts);
    for (const field of ['calls', 'input_tokens', 'output_tokens'] as const)
      totals[field] += counts[field];
    const byModel = (value as Record<string, unknown>).by_model;
    if (byModel === null || typeof byModel !== 'object' || Array.isArray(byModel)) continue;
    for (const [model, modelValue] of Object.entries(byModel as Record<string, unknown>)) {
      const modelCounts = countsOf(modelValue);
      if (modelCounts) addTo(totals.by_model, model, modelCounts);
    }
  }
}

/** Adds totals counted over other Results (later in report order) to `totals`. */
export function mergeModelUsage(totals: ModelUsageTotals, other: ModelUsageTotals): void {
  for (const field of ['calls', 'input_tokens', 'output_tokens'] as const)
    totals[field] += other[field];
  for (const [role, counts] of Object.entries(other.by_role)) addTo(totals.by_role, role, counts);
  for (const [model, counts] of Object.entries(other.by_model))
    addTo(totals.by_model, model, counts);
}

/** The totals over `results`; null when none reports a model call. */
export function modelUsageTotals(results: Iterable<Result>): ModelUsageTotals | null {
  const totals: ModelUsageTotals = {
    calls: 0,
    input_tokens: 0,
    output_tokens: 0,
    by_role: {},
    by_model: {},
  };
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

/** The `cost_estimate.total` of run totals in report form; null when there is none. */
export function estimatedCost(totals: object): number | null {
  const estimate = (totals as { cost_estimate?: unknown }).cost_estimate;
  if (estimate === null || typeof estimate !== 'object') return null;
  const total = (estimate as { total?: unknown }).total;
  return typeof total === 'number' && Number.isFinite(total) ? total : null;
}

/** `1,204`, `2.3M`, `180k`: how the summary line writes counts. */
function compact(n: number): string {
  if (n >= 1e9) return `${(n / 1e9).toFixed(1).replace(/\.0$/, '')}G`;
  if (n >= 1e6) return `${(n / 1e6).toFixed(1).replace(/\.0$/, '')}M`;
  if (n >= 1e4) return `${Math.round(n / 1e3)}k`;
  return n.toLocaleString('en-US');
}

/**
 * `Model usage: 1,204 calls, 2.3M input / 180k output tokens`, and
 * `, about 4.12 at the given prices` when there is a cost estimate.
 */
export function modelUsageLine(totals: UsageCounts, cost: number | null = null): string {
  const line = `Model usage: ${totals.calls.toLocaleString('en-US')} call${totals.calls === 1 ? '' : 's'}, ${compact(totals.input_tokens)} input / ${compact(totals.output_tokens)} output tokens`;
  return cost === null ? line : `${line}, about ${costAmount(cost)} at the given prices`;
}

/** `4.12`, `1,204.50`; below 0.01 two significant digits (`0.0042`), so a cheap run is no `0.00`. */
export function costAmount(cost: number): string {
  if (cost === 0 || cost >= 0.01)
    return cost.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  return String(Number(cost.toPrecision(2)));
}
