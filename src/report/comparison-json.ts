/**
 * A comparison with a baseline as JSON (`rampart diff --format json`;
 * the shape is documented in docs/diff-and-gates.md, "rampart diff"):
 * snake_case like the report, raw text (JSON escapes itself).
 */
import type { JsonValue } from '../model/json-safe';
import type { FindingRef, RateChange, Regression, ReportComparison } from './comparison';
import { projectInterval } from './json-report';

/** Version of the diff's JSON shape. */
export const DIFF_SCHEMA_VERSION = 'rampart.jest.diff.v1';

type Json = Record<string, JsonValue>;

function rateSide(s: RateChange['before']): Json {
  return { unsafe: s.unsafe, rated: s.rated, rate: s.rate, interval: projectInterval(s.interval) };
}

function change(c: RateChange): Json {
  return { before: rateSide(c.before), after: rateSide(c.after), worse: c.worse };
}

function finding(f: FindingRef): Json {
  return {
    test: f.test,
    index: f.index,
    category: f.category,
    summary: f.summary,
    other_status: f.otherStatus,
  };
}

/** The comparison as a JSON object, with the regressions that fail it (`--fail-on`). */
export function projectComparison(
  comparison: ReportComparison,
  options: { baseline: string; run: string; regressions: readonly Regression[] },
): Json {
  return {
    schema_version: DIFF_SCHEMA_VERSION,
    baseline: options.baseline,
    run: options.run,
    matched_by: comparison.matchedBy,
    attack_success_rate: change(comparison.overall),
    by_harm_category: comparison.categories.map((c) => ({ category: c.category, ...change(c) })),
    new_findings: comparison.newFindings.map(finding),
    fixed_findings: comparison.fixedFindings.map(finding),
    flipped_trial_groups: comparison.flippedGroups.map((g) => ({
      id: g.id,
      title: g.title,
      before: g.before,
      after: g.after,
      before_detail: g.beforeDetail,
      after_detail: g.afterDetail,
    })),
    tests_added: [...comparison.testsAdded],
    tests_removed: [...comparison.testsRemoved],
    regressions: comparison.regressions.map((r) => ({ kind: r.kind, message: r.message })),
    failing_regressions: options.regressions.map((r) => ({ kind: r.kind, message: r.message })),
  };
}
