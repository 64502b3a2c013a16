/**
 * Parses a subcommand's arguments with Node's `util.parseArgs` and checks
 * them against the command's options, with messages of our own: an unknown
 * option names the closest known one, a missing or stray value names the
 * option, and an option given twice is refused rather than silently
 * overridden. `-h`/`--help` anywhere asks for the command's help.
 */
import { parseArgs } from 'node:util';
import { describeValue } from '../model/value-description';
import { closestName } from '../model/closest-name';
import { CommandArguments, type CommandSpec, type OptionSpec, UsageError } from './command';

/** The option every command has. */
export const HELP_OPTION: OptionSpec = {
  name: 'help',
  short: 'h',
  type: 'boolean',
  description: 'show this help',
};

/** `-o, --output <merged.json>` as help and messages show an option. */
export function optionLabel(option: OptionSpec): string {
  const long = `--${option.name}${option.value ? ` ${option.value}` : ''}`;
  return option.short ? `-${option.short}, ${long}` : long;
}

/** An unknown option's message, with the closest known option when one is close. */
function unknownOption(raw: string, options: readonly OptionSpec[]): string {
  const name = raw.replace(/^-+/, '').replace(/=.*$/s, '');
  const guess = closestName(
    name,
    options.map((option) => option.name),
  );
  const hint = guess ? ` (did you mean --${guess}?)` : '';
  return `unknown option ${describeValue(raw)}${hint}`;
}

/** The arguments of `command`, or `'help'` when help was asked for. Throws UsageError. */
export function parseCommandArguments(
  command: CommandSpec,
  args: readonly string[],
): CommandArguments | 'help' {
  const options = [...command.options, HELP_OPTION];
  const config: Record<string, { type: 'string' | 'boolean'; short?: string }> = {};
  for (const option of options)
    config[option.name] = option.short
      ? { type: option.type, short: option.short }
      : { type: option.type };
  const { tokens } = parseArgs({
    args: [...args],
    options: config,
    allowPositionals: true,
    strict: false,
    tokens: true,
  });
  if (tokens.some((token) => token.kind === 'option' && token.name === HELP_OPTION.name))
    return 'help';

  const positionals: string[] = [];
  const values = new Map<string, string | true>();
  for (const token of tokens) {
    if (token.kind === 'positional') positionals.push(token.value);
    if (token.kind !== 'option') continue;
    const option = options.find((o) => o.name === token.name);
    if (!option) throw new UsageError(unknownOption(token.rawName, options));
    const label = optionLabel(option);
    let value: string | true = true;
    if (option.type === 'boolean') {
      if (token.value !== undefined)
        throw new UsageError(
          `${label} must be given without a value, got ${describeValue(token.value)}`,
        );
    } else {
      // parseArgs takes the next argument as the value even when it is an option.
      if (token.value === undefined || (!token.inlineValue && token.value.startsWith('-')))
        throw new UsageError(
          `${label} must be followed by its value, got ${token.value === undefined ? 'nothing' : describeValue(token.value)}`,
        );
      value = token.value;
    }
    const earlier = values.get(option.name);
    if (earlier !== undefined)
      throw new UsageError(
        `${label} must be given once, got ${option.type === 'string' ? `${describeValue(earlier)} and ${describeValue(value)}` : 'it twice'}`,
      );
    values.set(option.name, value);
  }
  return new CommandArguments(positionals, values);
}
