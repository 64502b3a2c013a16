#!/usr/bin/env node
/**
 * The `rampart` command: finds the subcommand, parses its arguments, runs it,
 * and turns every error into a one-line message and an exit code (docs/reporter.md):
 * 0 done and the run passes, 1 done and the run fails, 2 nothing done.
 */
import { rampartVersion } from '../report/package-version';
import { ReportReadError } from '../report/report-reader';
import { sanitizeLine } from '../report/terminal-text';
import { describeError, describeValue } from '../model/value-description';
import { closestName } from '../model/closest-name';
import { CommandError, type CommandSpec, ExitCode, UsageError } from './command';
import { commandHelp, mainHelp, usageLine } from './help';
import { diffCommand } from './diff-command';
import { htmlCommand } from './html-command';
import { mergeCommand } from './merge-command';
import { parseCommandArguments } from './parse-arguments';

/** Every subcommand, in the order `rampart --help` lists them. */
const COMMANDS: readonly CommandSpec[] = [mergeCommand, diffCommand, htmlCommand];

/** Error lines go through the terminal sanitiser: they quote file names and file contents. */
function printError(lines: string[]): void {
  process.stderr.write(`${lines.map((line) => sanitizeLine(line)).join('\n')}\n`);
}

function findCommand(name: string): CommandSpec {
  const command = COMMANDS.find((c) => c.name === name);
  if (command) return command;
  const guess = closestName(
    name,
    COMMANDS.map((c) => c.name),
  );
  throw new UsageError(
    `unknown ${name.startsWith('-') ? 'option' : 'command'} ${describeValue(name)}${guess ? ` (did you mean ${guess}?)` : ''}`,
  );
}

function runCommand(command: CommandSpec, args: readonly string[]): ExitCode {
  const prefix = `rampart ${command.name}`;
  try {
    const parsed = parseCommandArguments(command, args);
    if (parsed === 'help') {
      process.stdout.write(commandHelp(command));
      return ExitCode.OK;
    }
    return command.run(parsed);
  } catch (error) {
    if (error instanceof UsageError) {
      printError([
        `${prefix}: ${error.message}`,
        `${usageLine(command)} (see rampart ${command.name} --help)`,
      ]);
    } else if (error instanceof CommandError || error instanceof ReportReadError) {
      printError([`${prefix}: ${error.message}`]);
    } else {
      printError([`${prefix}: ${describeError(error)}`]);
    }
    return ExitCode.ERROR;
  }
}

/** Runs the command line `argv` (without node and the script); returns the exit code. */
export function main(argv: readonly string[]): ExitCode {
  const [first, ...rest] = argv;
  if (first === '--help' || first === '-h') {
    process.stdout.write(mainHelp(COMMANDS));
    return ExitCode.OK;
  }
  if (first === '--version') {
    process.stdout.write(`${rampartVersion()}\n`);
    return ExitCode.OK;
  }
  try {
    if (first === undefined) throw new UsageError('a command must be given, got none');
    if (first === 'help') {
      if (rest[0] === undefined) {
        process.stdout.write(mainHelp(COMMANDS));
        return ExitCode.OK;
      }
      process.stdout.write(commandHelp(findCommand(rest[0])));
      return ExitCode.OK;
    }
    return runCommand(findCommand(first), rest);
  } catch (error) {
    const message = error instanceof CommandError ? error.message : describeError(error);
    printError([`rampart: ${message}`, 'Run rampart --help for the commands.']);
    return ExitCode.ERROR;
  }
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));
