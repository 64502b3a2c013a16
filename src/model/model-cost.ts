/**
 * Cost estimates from prices per model (docs/real-endpoints.md, "Cost"): the
 * reporter's `modelPrices` option, checked, and the `cost_estimate` of the
 * run totals it yields. Prices are plain numbers per million tokens, in
 * whatever currency the user thinks in; the estimate is as good as the
 * token counts the endpoints reported.
 */
import type { ModelUsageTotals } from './model-usage';
import { argumentChecks, keyPath } from './value-checks';
import { describeValue } from './value-description';

/** The price of one model: per million input tokens and per million output tokens. */
export interface ModelPrice {
  inputPerMillion: number;
  outputPerMillion: number;
}

/** Prices keyed by model id, as the run totals' `by_model` names the models. */
export type ModelPrices = Record<string, ModelPrice>;

/** The report's `metadata.model_usage.cost_estimate`. */
export interface CostEstimate {
  /** The sum over the priced models. */
  total: number;
  /** The prices it was computed with, so a merge can tell whether shards agree. */
  prices: Record<string, { input_per_million: number; output_per_million: number }>;
  /** Models that made calls but have no price (their calls are not in `total`), sorted. */
  unpriced_models: string[];
}

const PRICE_KEYS = ['inputPerMillion', 'outputPerMillion'];

/** Checks `value` (naming it `what`) as {@link ModelPrices}. */
export function checkModelPrices(value: unknown, what: string): ModelPrices {
  const table = argumentChecks.object(value, what);
  const prices: ModelPrices = {};
  for (const [model, price] of Object.entries(table)) {
    const at = keyPath(what, model);
    const o = argumentChecks.object(price, at);
    for (const key of Object.keys(o)) {
      if (!PRICE_KEYS.includes(key))
        throw new TypeError(
          `${at}.${key} must be one of ${PRICE_KEYS.join(', ')}, got ${describeValue(key)}`,
        );
    }
    Object.defineProperty(prices, model, {
      value: {
        inputPerMillion: argumentChecks.nonNegative(o.inputPerMillion, `${at}.inputPerMillion`),
        outputPerMillion: argumentChecks.nonNegative(o.outputPerMillion, `${at}.outputPerMillion`),
      },
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return prices;
}

/** The estimate of `totals` at `prices` (report form); rounded to a millionth against float dust. */
export function costEstimate(totals: ModelUsageTotals, prices: ModelPrices): CostEstimate {
  let total = 0;
  const unpriced: string[] = [];
  for (const [model, counts] of Object.entries(totals.by_model)) {
    const price = Object.prototype.hasOwnProperty.call(prices, model) ? prices[model] : undefined;
    if (!price) {
      unpriced.push(model);
      continue;
    }
    total +=
      (counts.input_tokens * price.inputPerMillion +
        counts.output_tokens * price.outputPerMillion) /
      1e6;
  }
  const reportPrices: CostEstimate['prices'] = {};
  for (const [model, price] of Object.entries(prices))
    Object.defineProperty(reportPrices, model, {
      value: {
        input_per_million: price.inputPerMillion,
        output_per_million: price.outputPerMillion,
      },
      enumerable: true,
      writable: true,
      configurable: true,
    });
  return {
    total: Math.round(total * 1e6) / 1e6,
    prices: reportPrices,
    unpriced_models: unpriced.sort(),
  };
}

/** The prices a report's `cost_estimate` carries, back in option form; null when it carries none. */
export function pricesOfEstimate(estimate: unknown): ModelPrices | null {
  if (estimate === null || typeof estimate !== 'object') return null;
  const prices = (estimate as Record<string, unknown>).prices;
  if (prices === null || typeof prices !== 'object') return null;
  const result: ModelPrices = {};
  for (const [model, price] of Object.entries(prices as Record<string, unknown>)) {
    const p = (price ?? {}) as Record<string, unknown>;
    if (typeof p.input_per_million !== 'number' || typeof p.output_per_million !== 'number')
      return null;
    Object.defineProperty(result, model, {
      value: { inputPerMillion: p.input_per_million, outputPerMillion: p.output_per_million },
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return result;
}

/** True when `a` and `b` price the same models the same. */
export function samePrices(a: ModelPrices, b: ModelPrices): boolean {
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((model) => {
    const other = Object.prototype.hasOwnProperty.call(b, model) ? b[model] : undefined;
    const mine = a[model] as ModelPrice;
    return (
      other !== undefined &&
      other.inputPerMillion === mine.inputPerMillion &&
      other.outputPerMillion === mine.outputPerMillion
    );
  });
}
