/** Help texts of `rampart` and of each subcommand, built from the command specs. */
import type { CommandSpec, OptionSpec } from './command';
import { HELP_OPTION, optionLabel } from './parse-arguments';

const WIDTH = 80;

/** `text` wrapped at {@link WIDTH} columns, every line after the first indented by `indent`. */
function wrap(text: string, indent: number, first = 0): string[] {
  const lines: string[] = [];
  let line = '';
  let room = WIDTH - first;
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > room) {
      lines.push(line);
      line = word;
      room = WIDTH - indent;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(line);
  return lines.map((l, i) => (i === 0 ? l : `${' '.repeat(indent)}${l}`));
}

/** Two columns: a name and its description, the descriptions aligned and wrapped. */
function table(rows: ReadonlyArray<readonly [string, string]>): string[] {
  const column = Math.max(...rows.map(([name]) => name.length)) + 4;
  return rows.flatMap(([name, text]) => {
    const [first = '', ...rest] = wrap(text, column, column);
    return [`  ${name.padEnd(column - 2)}${first}`, ...rest];
  });
}

function optionRows(options: readonly OptionSpec[]): Array<[string, string]> {
  // Long-only options line up with the long names of the others.
  return options.map((o) => [o.short ? optionLabel(o) : `    ${optionLabel(o)}`, o.description]);
}

/** `Usage: rampart merge <report.json>... -o <merged.json> [options]`. */
export function usageLine(command: CommandSpec): string {
  return `Usage: rampart ${command.name} ${command.synopsis}`;
}

/** The text of `rampart <command> --help`. */
export function commandHelp(command: CommandSpec): string {
  return [
    usageLine(command),
    '',
    ...command.description.flatMap((paragraph) => [...wrap(paragraph, 0), '']),
    'Options:',
    ...table(optionRows([...command.options, HELP_OPTION])),
    '',
    'Exit codes:',
    ...table(command.exitCodes.map(([code, meaning]) => [String(code), meaning])),
    '',
  ].join('\n');
}

/** The text of `rampart --help`. */
export function mainHelp(commands: readonly CommandSpec[]): string {
  return [
    'Usage: rampart <command> [options]',
    '',
    'Commands:',
    ...table(commands.map((command) => [command.name, command.summary])),
    '',
    'Options:',
    ...table([
      ['-h, --help', 'show this help; rampart <command> --help shows the options of a command'],
      ['    --version', "print rampart's version"],
    ]),
    '',
  ].join('\n');
}
