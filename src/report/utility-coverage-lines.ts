/**
 * The summary's utility and coverage sections (docs/reporter.md, "Utility
 * under attack", "Coverage"): benign utility, utility under attack and
 * attack success rate side by side per harm category and trial group, and
 * the OWASP LLM / OWASP Agentic / ATLAS ids the run exercised, each with its
 * attack success rate, then the library ids it did not exercise.
 */
import type { Chalk } from 'chalk';
import { COVERAGE_TAXONOMIES, COVERAGE_TITLES } from '../model/coverage-tags';
import { type RunCoverage, idAttackSuccessRate } from '../model/coverage-summary';
import { formatPercent } from '../model/percent';
import type { TestRunReport } from '../model/run-report';
import type { TrialGroupResult } from '../model/trial-group';
import type { UtilityCounts } from '../model/utility-summary';
import { derivedSections } from './json-report';
import { sanitizeLine } from './terminal-text';

/** `50.0% (1/2)`, or `n/a` over zero. */
const share = (part: number, whole: number): string =>
  whole > 0 ? `${formatPercent(part / whole, 1)} (${part}/${whole})` : 'n/a';

/** `benign utility 100.0% (2/2), utility under attack 50.0% (1/2), attack success rate 50.0% (1/2)`. */
export function utilityDetail(c: UtilityCounts): string {
  return (
    `benign utility ${share(c.benignAchieved, c.benignRuns)}, ` +
    `utility under attack ${share(c.underAttackAchieved, c.underAttackRuns)}, ` +
    `attack success rate ${share(c.unsafe, c.attackRuns)}`
  );
}

function coverageLines(coverage: RunCoverage, chalk: Chalk): string[] {
  const counts = COVERAGE_TAXONOMIES.map(
    (t) => `${coverage[t].exercised.length} ${COVERAGE_TITLES[t]}`,
  );
  const lines = ['', chalk.bold(`COVERAGE (ids exercised: ${counts.join(', ')})`)];
  for (const taxonomy of COVERAGE_TAXONOMIES) {
    const { exercised, notExercised } = coverage[taxonomy];
    for (const [id, c] of exercised) {
      const asr = idAttackSuccessRate(c);
      lines.push(
        `  ${COVERAGE_TITLES[taxonomy]} ${sanitizeLine(id)}: ${c.runs} runs, ${c.unsafe} unsafe` +
          ` (${asr === null ? 'n/a' : formatPercent(asr, 1)} attack success rate)`,
      );
    }
    if (notExercised.length > 0)
      lines.push(
        `  ${COVERAGE_TITLES[taxonomy]} library ids not exercised: ${notExercised.join(', ')}`,
      );
  }
  return lines;
}

/**
 * The utility section (when a Result or trial group carries utility) and the
 * coverage section (when a Result carries taxonomy ids); [] otherwise.
 */
export function utilityAndCoverageLines(
  report: TestRunReport,
  chalk: Chalk,
  groupTitle: (group: TrialGroupResult) => string,
): string[] {
  const { utilityByCategory, coverage } = derivedSections(report.digest);
  const groups = Object.keys(report.trialGroups)
    .sort()
    .map((id) => report.trialGroups[id] as TrialGroupResult)
    .filter((g) => g.utility !== null);
  const lines: string[] = [];
  if (utilityByCategory.size > 0 || groups.length > 0) {
    lines.push('', chalk.bold('UTILITY UNDER ATTACK'));
    for (const [category, counts] of utilityByCategory)
      lines.push(`  ${sanitizeLine(category)}: ${utilityDetail(counts)}`);
    for (const group of groups)
      lines.push(
        `  trial group ${sanitizeLine(groupTitle(group))}: ${utilityDetail(group.utility as UtilityCounts)}`,
      );
  }
  if (coverage) lines.push(...coverageLines(coverage, chalk));
  return lines;
}
