/** Where the reporter writes: stderr, like Jest's own reporters, with chalk colours. */
import chalk, { type Chalk } from 'chalk';

const noColor = (): boolean =>
  process.env.NO_COLOR !== undefined &&
  process.env.NO_COLOR !== '' &&
  process.env.FORCE_COLOR === undefined;

/** chalk for stderr, honouring NO_COLOR unless FORCE_COLOR is set. */
export function stderrChalk(): Chalk {
  return noColor() ? new chalk.Instance({ level: 0 }) : chalk.stderr;
}

/** chalk for stdout (what a command prints as its product), honouring NO_COLOR likewise. */
export function stdoutChalk(): Chalk {
  return noColor() ? new chalk.Instance({ level: 0 }) : chalk;
}

/** Terminal width for the summary's rules. */
export function terminalWidth(): number {
  const columns = process.stderr.columns;
  return typeof columns === 'number' && columns > 20 ? columns : 80;
}

/** Lines per write: a summary of a million Results is not joined into one string. */
const LINES_PER_WRITE = 10_000;

/** Writes lines to stderr synchronously (also safe inside a process 'exit' handler). */
export function writeLines(lines: readonly string[]): void {
  for (let start = 0; start < lines.length; start += LINES_PER_WRITE) {
    process.stderr.write(`${lines.slice(start, start + LINES_PER_WRITE).join('\n')}\n`);
  }
}
