/**
 * `GitHubActionsSink` (docs/ci-formats.md, "GitHub Actions"): appends the
 * Markdown job summary to the file GitHub names in `GITHUB_STEP_SUMMARY`
 * (appending is how GitHub collects a step's summary: the runner creates
 * the file, every writer adds to it) and prints the annotations to stdout,
 * where GitHub reads workflow commands, in one write of whole lines after
 * Jest's own output of the run.
 */
import * as fs from 'node:fs';
import type { TestRunReport } from '../model/run-report';
import { STEP_SUMMARY_LIMIT_BYTES, githubAnnotations, githubStepSummary } from './github-actions';
import type { ReportSink } from './sink';
import type { BaselineComparison } from './comparison';
import type { WholeRunGate } from './run-verdict';

/** Options of {@link GitHubActionsSink}. */
export interface GitHubActionsSinkOptions extends WholeRunGate {
  /** The run's rootDir (absolute): test locations are relative to it. */
  rootDir: string;
  /** `GITHUB_WORKSPACE`: annotation paths are relative to it; default rootDir. */
  workspace?: string | undefined;
  /** `GITHUB_STEP_SUMMARY`: the summary file; no summary when undefined. */
  summaryFile?: string | undefined;
  /** Whether the summary's verdict counts failed trial groups (the reporter's failOnTrialGate). */
  failOnTrialGate: boolean;
  /** The comparison with the reporter's `baseline`, shown in the summary after the category table. */
  baseline?: BaselineComparison | undefined;
  /** Where the annotation lines go; default stdout. */
  write?: ((text: string) => void) | undefined;
}

/** Writes the GitHub job summary and annotations of each report it receives. */
export class GitHubActionsSink implements ReportSink {
  /** The summary files appended to, in order. */
  readonly summaries: string[] = [];

  constructor(private readonly options: GitHubActionsSinkOptions) {}

  emit(report: TestRunReport): void {
    const { options } = this;
    const lines = githubAnnotations(report, options);
    if (lines.length > 0) {
      const write = options.write ?? ((text: string) => process.stdout.write(text));
      write(`${lines.join('\n')}\n`);
    }
    if (options.summaryFile) {
      // The limit is the step's: what other writers appended already counts.
      let used = 0;
      try {
        used = fs.statSync(options.summaryFile).size;
      } catch {
        // A missing file is created by the append.
      }
      const summary = githubStepSummary(report, {
        failOnTrialGate: options.failOnTrialGate,
        failOn: options.failOn,
        maxAttackSuccessRate: options.maxAttackSuccessRate,
        baseline: options.baseline,
        limitBytes: Math.max(0, STEP_SUMMARY_LIMIT_BYTES - used),
      });
      fs.appendFileSync(options.summaryFile, summary);
      this.summaries.push(options.summaryFile);
    }
  }
}
