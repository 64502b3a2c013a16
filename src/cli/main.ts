#!/usr/bin/env node
/**
 * The `rampart` command. `rampart merge <report.json…> -o <file>` merges the
 * reports of a sharded run (`jest --shard=i/n`) into one report, prints its
 * safety summary and exits 1 when the merged run is incomplete or a trial
 * group failed, like the reporter would have.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { readJsonReport, serializeReportChunks } from '../report/json-report';
import { writeNewFileSync } from '../report/json-file-sink';
import { type ShardReport, mergeReports } from '../report/merge';
import { runFailure } from '../report/run-verdict';
import { renderSummary } from '../report/summary';
import { stderrChalk, terminalWidth, writeLines } from '../report/terminal-output';
import { describeError } from '../core/value-description';

const USAGE = `Usage:
  rampart merge <report.json>... -o <merged.json> [--no-fail-on-trial-gate]
      Merge the JSON reports of a sharded Jest run (jest --shard=i/n) into one.
      Exits 1 when the merged run is incomplete or a trial group failed.
  rampart --help | --version`;

/** A command-line error: printed with the usage, exit code 2. */
class UsageError extends Error {}

interface MergeArguments {
  inputs: string[];
  output: string;
  failOnTrialGate: boolean;
}

function parseMerge(args: string[]): MergeArguments {
  const inputs: string[] = [];
  let output: string | undefined;
  let failOnTrialGate = true;
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i] as string;
    if (arg === '-o' || arg === '--output') {
      output = args[(i += 1)];
      if (!output) throw new UsageError(`${arg} needs a file name`);
    } else if (arg.startsWith('--output=')) {
      output = arg.slice('--output='.length);
    } else if (arg === '--no-fail-on-trial-gate') {
      failOnTrialGate = false;
    } else if (arg.startsWith('-')) {
      throw new UsageError(`unknown option ${JSON.stringify(arg)}`);
    } else {
      inputs.push(arg);
    }
  }
  if (inputs.length === 0) throw new UsageError('merge needs at least one report file');
  if (!output) throw new UsageError('merge needs -o <merged.json>');
  return { inputs, output, failOnTrialGate };
}

function readShard(file: string): ShardReport {
  let value: unknown;
  try {
    value = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`cannot read ${file}: ${describeError(error)}`);
  }
  return { source: file, report: readJsonReport(value, file) };
}

function merge(args: MergeArguments): number {
  const merged = mergeReports(args.inputs.map(readShard));
  const written = writeNewFileSync(args.output, serializeReportChunks(merged));
  const colours = stderrChalk();
  const lines = renderSummary(merged, { width: terminalWidth(), chalk: colours });
  lines.push(`RAMPART merged report: ${path.relative(process.cwd(), written) || written}`);
  const failure = runFailure(merged, {
    failOnTrialGate: args.failOnTrialGate,
    reportLost: false,
    gateSwitch: 'pass --no-fail-on-trial-gate',
  });
  if (failure) lines.push(colours.red.bold(failure));
  writeLines(lines);
  return failure ? 1 : 0;
}

/** Runs the command line; returns the exit code. */
export function main(argv: string[]): number {
  const [command, ...rest] = argv;
  try {
    if (command === '--help' || command === '-h' || command === undefined) {
      process.stdout.write(`${USAGE}\n`);
      return command === undefined ? 2 : 0;
    }
    if (command === '--version') {
      process.stdout.write(
        `${(JSON.parse(fs.readFileSync(path.join(__dirname, '../../package.json'), 'utf8')) as { version: string }).version}\n`,
      );
      return 0;
    }
    if (command === 'merge') return merge(parseMerge(rest));
    throw new UsageError(`unknown command ${JSON.stringify(command)}`);
  } catch (error) {
    process.stderr.write(
      `rampart: ${error instanceof UsageError ? error.message : describeError(error)}\n`,
    );
    if (error instanceof UsageError) process.stderr.write(`${USAGE}\n`);
    return error instanceof UsageError ? 2 : 1;
  }
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));
