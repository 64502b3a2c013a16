/**
 * `rampart html <report.json> [-o <page.html>]`: renders a JSON report (of
 * rampart, a merge, or upstream Python RAMPART) as the self-contained HTML
 * page the reporter writes (docs/html-report.md). The report is read and
 * checked before anything is written (the `--baseline` report as well); the
 * exit code says whether the run it describes passes, as for `rampart merge`.
 */
import * as path from 'node:path';
import type { TestRunReport } from '../model/run-report';
import { type BaselineComparison, compareReports, regressionsOf } from '../report/comparison';
import { htmlReportChunks } from '../report/html-report';
import { readReportFile } from '../report/report-reader';
import { runFailure } from '../report/run-verdict';
import { stderrChalk, writeLines } from '../report/terminal-output';
import { type CommandArguments, type CommandSpec, ExitCode, UsageError } from './command';
import { checkOutputFile, writeOutputFile } from './output-file';

/** `run_report_x.json` → `run_report_x.html`, beside it. */
function defaultOutput(input: string): string {
  const base = path.basename(input).replace(/\.json$/i, '');
  return path.join(path.dirname(input), `${base}.html`);
}

/** The report compared with `--baseline`, read (and checked) before anything is written. */
function baselineOf(
  file: string | undefined,
  report: TestRunReport,
): BaselineComparison | undefined {
  if (file === undefined) return undefined;
  if (file === '') throw new UsageError('--baseline <report.json> must be a file name, got ""');
  const comparison = compareReports(readReportFile(file).report, report);
  return { file, comparison, regressions: regressionsOf(comparison), problem: null };
}

function html(args: CommandArguments): ExitCode {
  const [input, ...extra] = args.positionals;
  if (input === undefined) throw new UsageError('<report.json> must be given, got none');
  if (extra.length > 0)
    throw new UsageError(`<report.json> must be given once, got ${args.positionals.length} files`);
  const output = args.string('output') ?? defaultOutput(input);
  if (output === '') throw new UsageError('-o <page.html> must be a file name, got ""');
  const force = args.flag('force');
  checkOutputFile(output, force);

  const { report } = readReportFile(input);
  const baseline = baselineOf(args.string('baseline'), report);
  const failOnTrialGate = !args.flag('no-fail-on-trial-gate');
  const written = writeOutputFile(
    output,
    htmlReportChunks(report, { failOnTrialGate, baseline }),
    force,
  );
  const failure = runFailure(report, {
    failOnTrialGate,
    reportLost: false,
    gateSwitch: 'pass --no-fail-on-trial-gate',
    regressions: baseline?.regressions ?? [],
  });
  const colours = stderrChalk();
  const lines = [`RAMPART HTML report: ${path.relative(process.cwd(), written) || written}`];
  if (failure) lines.push(colours.red.bold(failure));
  writeLines(lines);
  return failure ? ExitCode.RUN_FAILED : ExitCode.OK;
}

/** The `html` subcommand. */
export const htmlCommand: CommandSpec = {
  name: 'html',
  summary: 'render a JSON report as a self-contained HTML page',
  synopsis: '<report.json> [-o <page.html>] [options]',
  description: [
    'Renders a JSON report as the self-contained HTML page the reporter writes next to it: the verdict, the population and harm categories with 95% intervals, the trial groups, and every Result with its evidence and conversation. The page loads nothing from the network and opens from file://.',
    'Reads the reports of rampart, of rampart merge and of upstream RAMPART (Python). The report is checked before anything is written; an invalid report stops with the file, the JSON path and the bad value. Without -o the page is written beside the report, with .html for .json.',
  ],
  options: [
    {
      name: 'output',
      short: 'o',
      type: 'string',
      value: '<page.html>',
      description: "where to write the page (default: the report's name with .html)",
    },
    {
      name: 'force',
      short: 'f',
      type: 'boolean',
      description: 'replace the output file if it exists (atomically)',
    },
    {
      name: 'baseline',
      type: 'string',
      value: '<report.json>',
      description:
        'compare the run with this report: a section of the page, and any regression (as rampart diff finds them) fails the run',
    },
    {
      name: 'no-fail-on-trial-gate',
      type: 'boolean',
      description: 'show failed trial groups without failing the run',
    },
  ],
  exitCodes: [
    [ExitCode.OK, 'the page was written; the run passes'],
    [
      ExitCode.RUN_FAILED,
      'the page was written; the run fails: it is incomplete, a trial group failed, or it regresses against --baseline',
    ],
    [
      ExitCode.ERROR,
      'nothing was written: a usage error, an input that is missing or not a valid report, or an output that exists (without --force) or cannot be written',
    ],
  ],
  run: html,
};
