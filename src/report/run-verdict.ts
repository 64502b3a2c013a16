/** The one place that decides whether RAMPART fails a run (the reporter's and `rampart merge`'s). */
import type { TestRunReport } from '../model/run-report';
import { trialGroupTitles } from './summary';
import { sanitizeLine } from './terminal-text';

/** Why RAMPART fails the run, or null when it does not. */
export function runFailure(
  report: TestRunReport,
  options: {
    failOnTrialGate: boolean;
    reportLost: boolean;
    /** How the user turns the trial gate off where this runs. */
    gateSwitch?: string;
  },
): string | null {
  const { failOnTrialGate } = options;
  const reasons: string[] = [];
  if (report.incomplete) reasons.push('the RAMPART run is incomplete');
  // The JSON report is what CI dashboards read: a run without it is not green.
  if (options.reportLost) reasons.push('the JSON report could not be written');
  const failedGroups = Object.values(report.trialGroups).filter((group) => !group.passed);
  if (failOnTrialGate && failedGroups.length > 0) {
    const title = trialGroupTitles(report.trialGroups);
    const titles = failedGroups.map((group) => sanitizeLine(title(group), 200)).join(', ');
    reasons.push(
      `${failedGroups.length} trial group(s) FAILED (${titles}); ${options.gateSwitch ?? 'set failOnTrialGate: false'} to report without failing`,
    );
  }
  return reasons.length > 0 ? `RAMPART fails this run: ${reasons.join('; ')}.` : null;
}
