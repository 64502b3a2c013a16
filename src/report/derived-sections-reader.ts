/**
 * Reading back the report sections derived from the Results: the utility
 * rows (per harm category, per trial group) and the coverage section
 * (docs/reporter.md, "Utility under attack", "Coverage"). Each row is read
 * field by field with the reader's checks; the sections must then equal
 * what the Results give (a rule across fields, like the counts).
 */
import { isDeepStrictEqual } from 'node:util';
import type { Result } from '../model/result';
import type { ValueChecks } from '../model/value-checks';
import { keyPath, ownField } from '../model/value-checks';
import type { UtilityCounts } from '../model/utility-summary';
import { COVERAGE_TAXONOMIES } from '../model/coverage-tags';
import { derivedSections, projectCoverage, projectUtility } from './json-report';

const UTILITY_COUNTS: ReadonlyArray<[keyof UtilityCounts, string]> = [
  ['benignRuns', 'benign_runs'],
  ['benignAchieved', 'benign_achieved'],
  ['underAttackRuns', 'under_attack_runs'],
  ['underAttackAchieved', 'under_attack_achieved'],
  ['attackRuns', 'attack_runs'],
  ['unsafe', 'unsafe'],
];
const UTILITY_RATES = ['benign_utility', 'utility_under_attack', 'attack_success_rate'];
const RATE_TOLERANCE = 1e-9;

/** What the reader supplies: its checks, the unknown-key rule, and how to report a broken rule. */
export interface SectionReading {
  fields: ValueChecks;
  onlyKnown(o: Record<string, unknown>, path: string, known: readonly string[]): void;
  inconsistent(path: string, expected: string, value: unknown): never;
  later: Array<() => void>;
}

const rateOrNull = (r: SectionReading, value: unknown, path: string): number | null =>
  value === null ? null : r.fields.ratio(value, path);

/** Rates agree when both are null or both numbers within the tolerance. */
const sameRate = (a: unknown, b: unknown): boolean =>
  a === b || (typeof a === 'number' && typeof b === 'number' && Math.abs(a - b) <= RATE_TOLERANCE);

/** Reads one utility row; its rates must follow from its counts. */
export function readUtilityRow(r: SectionReading, value: unknown, path: string): UtilityCounts {
  const o = r.fields.object(value, path);
  const counts = {} as UtilityCounts;
  for (const [key, json] of UTILITY_COUNTS)
    counts[key] = r.fields.integer(ownField(o, json), keyPath(path, json));
  const rates = UTILITY_RATES.map((json) => rateOrNull(r, ownField(o, json), keyPath(path, json)));
  r.onlyKnown(o, path, [...UTILITY_COUNTS.map(([, json]) => json), ...UTILITY_RATES]);
  r.later.push(() => {
    const expected = projectUtility(counts);
    UTILITY_RATES.forEach((json, i) => {
      if (!sameRate(rates[i], expected[json]))
        r.inconsistent(
          keyPath(path, json),
          `${String(expected[json])} (from the counts)`,
          rates[i],
        );
    });
  });
  return counts;
}

/** Checks the shape of one taxonomy's coverage. */
function readTaxonomy(r: SectionReading, value: unknown, path: string): void {
  const o = r.fields.object(value, path);
  const exercised = r.fields.object(ownField(o, 'exercised'), `${path}.exercised`);
  for (const id of Object.keys(exercised)) {
    const at = keyPath(`${path}.exercised`, id);
    if (id === '') r.fields.fail(at, 'a non-empty id', id);
    const row = r.fields.object(exercised[id], at);
    r.fields.integer(ownField(row, 'runs'), `${at}.runs`, 1);
    r.fields.integer(ownField(row, 'unsafe'), `${at}.unsafe`);
    r.fields.integer(ownField(row, 'errors'), `${at}.errors`);
    rateOrNull(r, ownField(row, 'attack_success_rate'), `${at}.attack_success_rate`);
    r.onlyKnown(row, at, ['runs', 'unsafe', 'errors', 'attack_success_rate']);
  }
  r.fields.strings(ownField(o, 'not_exercised'), `${path}.not_exercised`).forEach((id, i) => {
    if (id === '') r.fields.fail(`${path}.not_exercised[${i}]`, 'a non-empty id', id);
  });
  r.onlyKnown(o, path, ['exercised', 'not_exercised']);
}

/** Rates rounded away, so that another writer's last bits do not count as a difference. */
const rounded = (value: unknown): unknown =>
  JSON.parse(
    JSON.stringify(value, (_key, v: unknown) =>
      typeof v === 'number' && !Number.isInteger(v) ? Math.round(v * 1e9) / 1e9 : v,
    ),
  );

/** The first place where `actual` differs from `expected`: its path and both values; null when equal. */
function firstDifference(
  actual: unknown,
  expected: unknown,
  path: string,
): [string, unknown, unknown] | null {
  if (isDeepStrictEqual(actual, expected)) return null;
  const isObject = (v: unknown): v is Record<string, unknown> =>
    v !== null && typeof v === 'object' && !Array.isArray(v);
  if (isObject(actual) && isObject(expected)) {
    for (const key of new Set([...Object.keys(expected), ...Object.keys(actual)])) {
      const found = firstDifference(actual[key], expected[key], keyPath(path, key));
      if (found) return found;
    }
  }
  return [path, expected, actual];
}

/**
 * Reads the `utility` and `coverage` sections (absent = the Results carry
 * none) and, once every Result is read, checks they equal what the Results give.
 */
export function readDerivedSections(
  r: SectionReading,
  utility: unknown,
  coverage: unknown,
  results: readonly Result[],
): void {
  let utilityRows: Record<string, UtilityCounts> | null = null;
  if (utility !== undefined) {
    const o = r.fields.object(utility, '$.utility');
    const byCategory = r.fields.object(
      ownField(o, 'by_harm_category'),
      '$.utility.by_harm_category',
    );
    utilityRows = {};
    for (const category of Object.keys(byCategory)) {
      if (category === '')
        r.fields.fail(
          keyPath('$.utility.by_harm_category', category),
          'a non-empty category name',
          category,
        );
      utilityRows[category] = readUtilityRow(
        r,
        byCategory[category],
        keyPath('$.utility.by_harm_category', category),
      );
    }
    r.onlyKnown(o, '$.utility', ['by_harm_category']);
  }
  if (coverage !== undefined) {
    const o = r.fields.object(coverage, '$.coverage');
    for (const taxonomy of COVERAGE_TAXONOMIES)
      readTaxonomy(r, ownField(o, taxonomy), `$.coverage.${taxonomy}`);
    r.onlyKnown(o, '$.coverage', COVERAGE_TAXONOMIES);
  }
  r.later.push(() => {
    const derived = derivedSections(results);
    const expectedUtility =
      derived.utilityByCategory.size > 0 ? Object.fromEntries(derived.utilityByCategory) : null;
    if (!isDeepStrictEqual(utilityRows, expectedUtility))
      r.inconsistent(
        '$.utility.by_harm_category',
        expectedUtility === null
          ? 'absent (no Result carries a utility outcome)'
          : 'the utility counts of the Results of each category',
        utility === undefined
          ? undefined
          : ownField(utility as Record<string, unknown>, 'by_harm_category'),
      );
    const expectedCoverage = derived.coverage ? projectCoverage(derived.coverage) : null;
    if (expectedCoverage === null && coverage !== undefined)
      r.inconsistent('$.coverage', 'absent (no Result carries a taxonomy id)', coverage);
    const difference = firstDifference(
      rounded(coverage ?? null),
      rounded(expectedCoverage),
      '$.coverage',
    );
    if (difference)
      r.inconsistent(
        difference[0],
        `${JSON.stringify(difference[1]) ?? 'absent'} (what the Results give)`,
        difference[2],
      );
  });
}
