/**
 * `rampart merge <report.json>... -o <merged.json>`: merges the reports of a
 * sharded run (`jest --shard=i/n`) into one, prints its safety summary and
 * fails like the reporter would have. Every input is read and checked before
 * anything is written.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { LATEST_REPORT_NAME } from '../report/json-file-sink';
import { serializeReportChunks } from '../report/json-report';
import { mergeReports } from '../report/merge';
import { readReportFile } from '../report/report-reader';
import { runFailure } from '../report/run-verdict';
import { renderSummary } from '../report/summary';
import { stderrChalk, terminalWidth, writeLines } from '../report/terminal-output';
import { type CommandArguments, type CommandSpec, ExitCode, UsageError } from './command';
import { checkOutputFile, writeOutputFile } from './output-file';

/**
 * The inputs without a `run_report_latest.json` that is a copy of another
 * input (a glob like `shard-1/run_report_*.json` names both): merging it too
 * would count the shard twice.
 */
function withoutLatestCopies(inputs: readonly string[]): string[] {
  const same = (a: string, b: string): boolean => {
    try {
      const [sa, sb] = [fs.statSync(a), fs.statSync(b)];
      if (sa.dev === sb.dev && sa.ino === sb.ino) return true;
      return sa.size === sb.size && fs.readFileSync(a).equals(fs.readFileSync(b));
    } catch {
      return false; // Unreadable: the reader says why.
    }
  };
  return inputs.filter(
    (file, i) =>
      path.basename(file) !== LATEST_REPORT_NAME ||
      !inputs.some(
        (other, j) =>
          j !== i &&
          path.basename(other) !== LATEST_REPORT_NAME &&
          path.dirname(path.resolve(other)) === path.dirname(path.resolve(file)) &&
          same(file, other),
      ),
  );
}

function merge(args: CommandArguments): ExitCode {
  const inputs = args.positionals;
  const output = args.string('output');
  const force = args.flag('force');
  if (inputs.length === 0)
    throw new UsageError('<report.json> must be given at least once, got none');
  if (output === undefined) throw new UsageError('-o <merged.json> must be given, got none');
  if (output === '') throw new UsageError('-o <merged.json> must be a file name, got ""');
  // Before the work: an output that is there stops the merge at once.
  checkOutputFile(output, force);

  const merged = mergeReports(
    withoutLatestCopies(inputs).map((file) => ({
      source: file,
      report: readReportFile(file).report,
    })),
  );
  const written = writeOutputFile(output, serializeReportChunks(merged), force);

  const colours = stderrChalk();
  const failure = runFailure(merged, {
    failOnTrialGate: !args.flag('no-fail-on-trial-gate'),
    reportLost: false,
    gateSwitch: 'pass --no-fail-on-trial-gate',
  });
  writeLines(renderSummary(merged, { width: terminalWidth(), chalk: colours }));
  writeLines([
    `RAMPART merged report: ${path.relative(process.cwd(), written) || written}`,
    ...(failure ? [colours.red.bold(failure)] : []),
  ]);
  return failure ? ExitCode.RUN_FAILED : ExitCode.OK;
}

/** The `merge` subcommand. */
export const mergeCommand: CommandSpec = {
  name: 'merge',
  summary: 'merge the JSON reports of a sharded Jest run (jest --shard=i/n) into one report',
  synopsis: '<report.json>... -o <merged.json> [options]',
  description: [
    'Merges the JSON reports of a sharded Jest run (jest --shard=i/n) into one report, prints its safety summary, and fails the way the reporter would have: a missing shard, a shard given twice or an incomplete shard make the merged run incomplete.',
    'Reads the reports of rampart and of upstream RAMPART (Python). Every field of every input is checked before anything is written; an invalid report stops the merge with the file, the JSON path and the bad value.',
  ],
  options: [
    {
      name: 'output',
      short: 'o',
      type: 'string',
      value: '<merged.json>',
      description: 'where to write the merged report (required)',
    },
    {
      name: 'force',
      short: 'f',
      type: 'boolean',
      description: 'replace the output file if it exists (atomically)',
    },
    {
      name: 'no-fail-on-trial-gate',
      type: 'boolean',
      description: 'report failed trial groups without failing',
    },
  ],
  exitCodes: [
    [ExitCode.OK, 'the merged run passes'],
    [ExitCode.RUN_FAILED, 'the merged run fails: it is incomplete, or a trial group failed'],
    [
      ExitCode.ERROR,
      'nothing was merged: a usage error, an input that is missing or not a valid report, or an output that exists (without --force) or cannot be written',
    ],
  ],
  run: merge,
};
