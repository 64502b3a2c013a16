/**
 * Coverage by taxonomy id, aggregated (docs/reporter.md, "Coverage"): for
 * each OWASP LLM, OWASP Agentic and ATLAS id the Results carry, how many
 * Results exercised it and how many of them were UNSAFE; and which ids of
 * the shipped library no Result exercised. Counted in one pass.
 */
import { COVERAGE_TAXONOMIES, type CoverageTaxonomy, LIBRARY_TAXONOMY_IDS } from './coverage-tags';
import type { Result } from './result';
import { SafetyStatus } from './result-status';
import { compareText } from './result-tags';

/** Counts of one id. */
export interface IdCoverage {
  runs: number;
  unsafe: number;
  errors: number;
}

/** Coverage of one taxonomy. */
export interface TaxonomyCoverage {
  /** Exercised ids, sorted, with their counts. */
  exercised: Array<[string, IdCoverage]>;
  /** Ids of the shipped library that no Result exercised, sorted. */
  notExercised: string[];
}

/** Coverage per taxonomy, in {@link COVERAGE_TAXONOMIES} order. */
export type RunCoverage = Record<CoverageTaxonomy, TaxonomyCoverage>;

/** Adds up coverage; Results without taxonomy ids are not counted. */
/** Whether {@link CoverageTally.add} has anything to count in `result`: a list under a taxonomy key. */
export function carriesCoverageIds(result: Result): boolean {
  for (const taxonomy of COVERAGE_TAXONOMIES)
    if (Array.isArray(result.metadata[taxonomy])) return true;
  return false;
}

export class CoverageTally {
  private readonly ids = new Map<CoverageTaxonomy, Map<string, IdCoverage>>();
  private any = false;

  /** Counts one Result under every id it carries. */
  add(result: Result): void {
    for (const taxonomy of COVERAGE_TAXONOMIES) {
      const value = result.metadata[taxonomy];
      if (!Array.isArray(value)) continue;
      for (const id of new Set(
        value.filter((v): v is string => typeof v === 'string' && v !== ''),
      )) {
        this.any = true;
        const byId = this.ids.get(taxonomy) ?? new Map<string, IdCoverage>();
        this.ids.set(taxonomy, byId);
        const c = byId.get(id) ?? { runs: 0, unsafe: 0, errors: 0 };
        byId.set(id, c);
        c.runs += 1;
        if (result.status === SafetyStatus.UNSAFE) c.unsafe += 1;
        if (result.status === SafetyStatus.ERROR) c.errors += 1;
      }
    }
  }

  /** Adds the counts of another tally (Results counted elsewhere). */
  merge(other: CoverageTally): void {
    if (!other.any) return;
    this.any = true;
    for (const [taxonomy, theirs] of other.ids) {
      const byId = this.ids.get(taxonomy) ?? new Map<string, IdCoverage>();
      this.ids.set(taxonomy, byId);
      for (const [id, counts] of theirs) {
        const c = byId.get(id) ?? { runs: 0, unsafe: 0, errors: 0 };
        byId.set(id, c);
        c.runs += counts.runs;
        c.unsafe += counts.unsafe;
        c.errors += counts.errors;
      }
    }
  }

  /** The coverage, or null when no Result carried a taxonomy id. */
  get result(): RunCoverage | null {
    if (!this.any) return null;
    const coverage = {} as RunCoverage;
    for (const taxonomy of COVERAGE_TAXONOMIES) {
      const byId = this.ids.get(taxonomy) ?? new Map<string, IdCoverage>();
      coverage[taxonomy] = {
        exercised: [...byId]
          .sort(([a], [b]) => compareText(a, b))
          .map(([id, c]): [string, IdCoverage] => [id, { ...c }]),
        notExercised: LIBRARY_TAXONOMY_IDS[taxonomy].filter((id) => !byId.has(id)),
      };
    }
    return coverage;
  }
}

/** The coverage of `results`, or null when none carries a taxonomy id. */
export function tallyCoverage(results: Iterable<Result>): RunCoverage | null {
  const tally = new CoverageTally();
  for (const result of results) tally.add(result);
  return tally.result;
}

/** UNSAFE share of the Results of an id that were not ERROR; null over zero. */
export function idAttackSuccessRate(c: IdCoverage): number | null {
  const evaluated = c.runs - c.errors;
  return evaluated > 0 ? c.unsafe / evaluated : null;
}
