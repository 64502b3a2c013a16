/**
 * The one place that decides whether RAMPART fails a run (the reporter's and
 * `rampart merge`'s): incomplete, the JSON report lost, failed trial groups,
 * the whole-run gate (`failOn`, `maxAttackSuccessRate`) and the regressions
 * against a baseline (docs/diff-and-gates.md, "The whole-run gate").
 */
import type { TestRunReport } from '../model/run-report';
import type { Regression } from './comparison';
import { rateText } from './rate-text';
import { trialGroupTitles } from './summary';
import { sanitizeLine } from './terminal-text';

/** What `failOn` can name. */
export const FAIL_ON_KINDS = [
  'incomplete',
  'nothing-rated',
  'unsafe',
  'error',
  'undetermined',
] as const;
/** One of {@link FAIL_ON_KINDS}. */
export type FailOnKind = (typeof FAIL_ON_KINDS)[number];
/**
 * The default gate: an incomplete run, and a run whose Results were all ERROR
 * (a judge that was down), fail. An UNSAFE Result already fails its Jest test.
 */
export const DEFAULT_FAIL_ON: readonly FailOnKind[] = ['incomplete', 'nothing-rated'];

/** Everything besides the report that decides the run's verdict. */
export interface RunGate {
  failOnTrialGate: boolean;
  reportLost: boolean;
  /** How the user turns the trial gate off where this runs. */
  gateSwitch?: string;
  /** The whole-run gate; {@link DEFAULT_FAIL_ON} when absent. */
  failOn?: readonly FailOnKind[];
  /** The highest attack success rate that passes (a ratio), or none. */
  maxAttackSuccessRate?: number | null;
  /** Regressions against the baseline that fail the run. */
  regressions?: readonly Regression[];
  /** Why the baseline could not be compared, when it could not. */
  baselineProblem?: string | null;
}

/** The whole-run gate (the reporter's `failOn`, `maxAttackSuccessRate`), which every output's verdict follows. */
export type WholeRunGate = Pick<RunGate, 'failOn' | 'maxAttackSuccessRate'>;

const MAX_LISTED_REGRESSIONS = 5;

/** Why RAMPART fails the run, or null when it does not. */
export function runFailure(report: TestRunReport, options: RunGate): string | null {
  const { failOnTrialGate } = options;
  const failOn = options.failOn ?? DEFAULT_FAIL_ON;
  const reasons: string[] = [];
  if (report.incomplete) reasons.push('the RAMPART run is incomplete');
  // The JSON report is what CI dashboards read: a run without it is not green.
  if (options.reportLost) reasons.push('the JSON report could not be written');
  const failedGroups = Object.values(report.trialGroups).filter((group) => !group.passed);
  if (failOnTrialGate && failedGroups.length > 0) {
    const title = trialGroupTitles(report.trialGroups);
    // A group without any Result says why: its clones were filtered out, skipped or recorded nothing.
    const titles = failedGroups
      .map((group) => {
        const name = sanitizeLine(title(group), 200);
        if (group.total === 0 || group.noResult < group.total) return name;
        const why = group.noResultReason !== null ? `: ${sanitizeLine(group.noResultReason)}` : '';
        return `${name} [no Result${why}]`;
      })
      .join(', ');
    reasons.push(
      `${failedGroups.length} trial group(s) FAILED (${titles}); ${options.gateSwitch ?? 'set failOnTrialGate: false'} to report without failing`,
    );
  }
  const population = report.populationSummary();
  if (failOn.includes('nothing-rated') && population.totalRuns > 0 && population.ratedRuns === 0)
    reasons.push(
      `none of the ${population.totalRuns} Result(s) was rated, every one is ERROR (failOn: nothing-rated)`,
    );
  const counted: Array<[FailOnKind, number, string]> = [
    ['unsafe', population.unsafeCount, 'UNSAFE'],
    ['error', population.errorCount, 'ERROR'],
    ['undetermined', population.undeterminedCount, 'UNDETERMINED'],
  ];
  for (const [kind, count, label] of counted) {
    if (failOn.includes(kind) && count > 0)
      reasons.push(`${count} ${label} Result(s) (failOn: ${kind})`);
  }
  const max = options.maxAttackSuccessRate;
  if (
    max !== undefined &&
    max !== null &&
    population.ratedRuns > 0 &&
    population.attackSuccessRate > max
  )
    reasons.push(
      `the attack success rate ${rateText(population.attackSuccessRate)} is above maxAttackSuccessRate ${rateText(max)}`,
    );
  if (options.baselineProblem)
    reasons.push(`the baseline cannot be compared: ${sanitizeLine(options.baselineProblem, 400)}`);
  const regressions = options.regressions ?? [];
  if (regressions.length > 0) {
    const shown = regressions
      .slice(0, MAX_LISTED_REGRESSIONS)
      .map((r) => sanitizeLine(r.message, 300));
    if (regressions.length > MAX_LISTED_REGRESSIONS)
      shown.push(`and ${regressions.length - MAX_LISTED_REGRESSIONS} more`);
    reasons.push(`${regressions.length} regression(s) against the baseline: ${shown.join('; ')}`);
  }
  return reasons.length > 0 ? `RAMPART fails this run: ${reasons.join('; ')}.` : null;
}
