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

/** Lines per write, and characters past which a write goes out sooner: a summary of a million Results is not joined into one string. */
const LINES_PER_WRITE = 10_000;
const CHARS_PER_WRITE = 1 << 20;

/**
 * Writes lines to stderr synchronously (also safe inside a process 'exit'
 * handler), each ended by a line break, as they are produced: a few
 * thousand at a time, never all at once.
 */
export function writeLines(lines: Iterable<string>): void {
  let batch: string[] = [];
  let chars = 0;
  for (const line of lines) {
    batch.push(line);
    chars += line.length + 1;
    if (batch.length >= LINES_PER_WRITE || chars >= CHARS_PER_WRITE) {
      process.stderr.write(`${batch.join('\n')}\n`);
      batch = [];
      chars = 0;
    }
  }
  if (batch.length > 0) process.stderr.write(`${batch.join('\n')}\n`);
}

/** `lines` between two empty lines, or nothing when there is none (a block of the reporter's output). */
export function* spacedBlock(lines: Iterable<string>): Generator<string, void, undefined> {
  let any = false;
  for (const line of lines) {
    if (!any) yield '';
    any = true;
    yield line;
  }
  if (any) yield '';
}
