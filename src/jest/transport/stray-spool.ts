/**
 * Stray Results: recorded in a running test whose environment has no RAMPART
 * collection (testEnvironment 'node', 'jsdom' ...). The test's sandbox
 * appends one line per Result to a file of its own in the run's `stray`
 * directory; the reporter reads them all and marks the run incomplete
 * (docs/reliability.md).
 */
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { threadId } from 'node:worker_threads';
import { describeError } from '../../model/value-description';
import type { RunChannel } from './channel';
import { SPOOL_VERSION, SpoolFormatError, type StrayLine, parseStrayLine } from './spool-format';
import { SPOOL_SUFFIX } from './spool-files';
import { currentWorkerId } from './spool-writer';

/** Name of the stray directory inside the run directory. */
export const STRAY_DIR = 'stray';

/** Appends stray lines to one file of its own (one per test file sandbox). */
export class StraySpool {
  private readonly file: string;

  constructor(channel: RunChannel) {
    const name = `${process.pid}-${currentWorkerId()}-${threadId}-${randomBytes(6).toString('hex')}`;
    this.file = path.join(channel.dir, STRAY_DIR, `${name}${SPOOL_SUFFIX}`);
  }

  /** Writes one line; synchronous, so it is on disk before Jest reports the test. */
  append(stray: Omit<StrayLine, 'type' | 'v'>): void {
    fs.mkdirSync(path.dirname(this.file), { recursive: true, mode: 0o700 });
    const line: StrayLine = { type: 'stray', v: SPOOL_VERSION, ...stray };
    fs.appendFileSync(this.file, `${JSON.stringify(line)}\n`, { mode: 0o600 });
  }
}

/** Every stray line of a run, and the lines that could not be read. */
export function readStrayLines(runDir: string): { lines: StrayLine[]; problems: string[] } {
  const dir = path.join(runDir, STRAY_DIR);
  const lines: StrayLine[] = [];
  const problems: string[] = [];
  let names: string[];
  try {
    names = fs.readdirSync(dir).filter((name) => name.endsWith(SPOOL_SUFFIX));
  } catch {
    return { lines, problems };
  }
  for (const name of names.sort()) {
    let text: string;
    try {
      text = fs.readFileSync(path.join(dir, name), 'utf8');
    } catch (error) {
      problems.push(`cannot read stray Results ${name}: ${describeError(error)}`);
      continue;
    }
    text.split('\n').forEach((line, i) => {
      if (line.length === 0) return;
      try {
        lines.push(parseStrayLine(line));
      } catch (error) {
        const problem = error instanceof SpoolFormatError ? error.message : describeError(error);
        problems.push(`stray Results ${name}: malformed record at line ${i + 1}: ${problem}`);
      }
    });
  }
  return { lines, problems };
}
