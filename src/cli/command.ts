/**
 * What every `rampart` subcommand is: a name, its options and help text, and
 * a function that does the work and returns the exit code. main.ts parses the
 * arguments, prints help, and turns errors into one-line messages and exit
 * codes the same way for every command.
 */

/** Exit codes of every command (docs/reporter.md). */
export const ExitCode = {
  /** Done; the run it describes passes. */
  OK: 0,
  /** Done; the run it describes fails (incomplete, a trial group failed). */
  RUN_FAILED: 1,
  /** Nothing done: a usage error, an input that cannot be used, an output that cannot be written. */
  ERROR: 2,
} as const;
/** One of the {@link ExitCode} values. */
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

/** A command-line option of a subcommand. */
export interface OptionSpec {
  /** Long name, without `--`. */
  name: string;
  /** One-letter name, without `-`. */
  short?: string;
  type: 'string' | 'boolean';
  /** How the value is shown in help, e.g. `<merged.json>`. */
  value?: string;
  /** One line for the help. */
  description: string;
}

/** What a command was given, after parsing and checking. */
export class CommandArguments {
  constructor(
    /** Arguments that are not options, in order. */
    readonly positionals: readonly string[],
    private readonly values: ReadonlyMap<string, string | true>,
  ) {}

  /** The value of a string option, or undefined when it was not given. */
  string(name: string): string | undefined {
    const value = this.values.get(name);
    return typeof value === 'string' ? value : undefined;
  }

  /** True when a boolean option was given. */
  flag(name: string): boolean {
    return this.values.get(name) === true;
  }
}

/** A `rampart` subcommand. */
export interface CommandSpec {
  name: string;
  /** One line for `rampart --help`. */
  summary: string;
  /** What follows `rampart <name>` in the usage line. */
  synopsis: string;
  /** Paragraphs for `rampart <name> --help`. */
  description: string[];
  options: readonly OptionSpec[];
  /** Exit codes and what each means, for the help. */
  exitCodes: ReadonlyArray<readonly [ExitCode, string]>;
  /** Does the work; returns the exit code. Throws {@link CommandError} for what it cannot do. */
  run(args: CommandArguments): ExitCode;
}

/** A failure the command explains in one line; exit code 2. */
export class CommandError extends Error {
  override name = 'CommandError';
}

/** The command line is wrong; the usage line is printed after the message. */
export class UsageError extends CommandError {
  override name = 'UsageError';
}
