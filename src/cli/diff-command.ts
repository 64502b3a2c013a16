/**
 * `rampart diff <baseline.json> <run.json>`: compares a run's JSON report
 * with a baseline's (docs/diff-and-gates.md, "rampart diff"), prints the
 * comparison as text, Markdown or JSON on stdout, and exits 1 on a
 * regression. Both reports are read by the fail-closed report reader, so
 * upstream RAMPART's reports are compared too.
 */
import {
  REGRESSION_KINDS,
  type RegressionKind,
  compareReports,
  regressionsOf,
} from '../report/comparison';
import { projectComparison } from '../report/comparison-json';
import { renderComparisonMarkdown } from '../report/comparison-markdown';
import { renderComparisonText } from '../report/comparison-text';
import { readReportFile } from '../report/report-reader';
import { stdoutChalk } from '../report/terminal-output';
import { describeValue } from '../model/value-description';
import { type CommandArguments, type CommandSpec, ExitCode, UsageError } from './command';

const FORMATS = ['text', 'markdown', 'json'] as const;

/** `--fail-on a,b`: the regression kinds that fail the diff. */
export function parseFailOn(value: string | undefined, what: string): RegressionKind[] {
  if (value === undefined) return [...REGRESSION_KINDS];
  const kinds = value.split(',').map((kind) => kind.trim());
  for (const kind of kinds) {
    if (!(REGRESSION_KINDS as readonly string[]).includes(kind))
      throw new UsageError(
        `${what} must be a comma-separated list of ${REGRESSION_KINDS.join(', ')}, got ${describeValue(value)}`,
      );
  }
  return kinds as RegressionKind[];
}

function diff(args: CommandArguments): ExitCode {
  const [baselineFile, runFile, ...extra] = args.positionals;
  if (baselineFile === undefined || runFile === undefined)
    throw new UsageError(
      `<baseline.json> <run.json> must be given, got ${args.positionals.length === 0 ? 'none' : describeValue(args.positionals[0])} alone`,
    );
  if (extra.length > 0)
    throw new UsageError(`two reports must be given, got ${args.positionals.length}`);
  const format = args.string('format') ?? 'text';
  if (!(FORMATS as readonly string[]).includes(format))
    throw new UsageError(
      `--format must be one of ${FORMATS.join(', ')}, got ${describeValue(format)}`,
    );
  const failOn = parseFailOn(args.string('fail-on'), '--fail-on');

  const baseline = readReportFile(baselineFile).report;
  const run = readReportFile(runFile).report;
  const comparison = compareReports(baseline, run);
  const regressions = regressionsOf(comparison, failOn);
  const names = { baseline: baselineFile, run: runFile, regressions };
  if (format === 'json')
    process.stdout.write(`${JSON.stringify(projectComparison(comparison, names), null, 2)}\n`);
  else if (format === 'markdown') process.stdout.write(renderComparisonMarkdown(comparison, names));
  else
    process.stdout.write(
      `${renderComparisonText(comparison, { ...names, chalk: stdoutChalk() }).join('\n')}\n`,
    );
  return regressions.length > 0 ? ExitCode.RUN_FAILED : ExitCode.OK;
}

/** The `diff` subcommand. */
export const diffCommand: CommandSpec = {
  name: 'diff',
  summary: 'compare a run’s JSON report with a baseline’s; exit 1 on a regression',
  synopsis: '<baseline.json> <run.json> [options]',
  description: [
    'Compares two JSON reports (of rampart or of upstream RAMPART, Python): the attack success rate overall and per harm category with 95% Wilson intervals, UNSAFE Results new since the baseline and fixed, trial groups whose verdict flipped, tests added and removed. Results are matched by test id and index, or by test name for reports without test ids.',
    'A regression is a new UNSAFE Result (new-unsafe), a trial group that went from PASSED to FAILED (flipped-group), or an attack success rate whose interval lies wholly above the baseline’s (asr), overall or in a category.',
  ],
  options: [
    {
      name: 'format',
      type: 'string',
      value: 'text|markdown|json',
      description: 'what to print on stdout (default text)',
    },
    {
      name: 'fail-on',
      type: 'string',
      value: '<kinds>',
      description: `the regressions that exit 1, comma-separated (default ${REGRESSION_KINDS.join(',')})`,
    },
  ],
  exitCodes: [
    [ExitCode.OK, 'no regression of the kinds chosen'],
    [ExitCode.RUN_FAILED, 'a regression of the kinds chosen'],
    [
      ExitCode.ERROR,
      'nothing compared: a usage error, or an input that is missing or not a valid report',
    ],
  ],
  run: diff,
};
