/**
 * Reporter side of the transport: reads the spool files of one test file and
 * reports every problem it finds instead of throwing.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describeError } from '../../model/value-description';
import {
  type CloseLine,
  type LateLine,
  type OpenLine,
  type PlannedGroup,
  SpoolFormatError,
  type TestLine,
  parseSpoolLine,
} from './spool-format';
import { SPOOL_SUFFIX } from './spool-files';

/** Everything one environment instance wrote. */
export interface SpoolInstance {
  file: string;
  open: OpenLine | null;
  groups: PlannedGroup[];
  tests: TestLine[];
  lates: LateLine[];
  close: CloseLine | null;
  /** Lines that could not be read, described for the incomplete reasons. */
  problems: string[];
}

/** A spool instance being read: `continues` is the line a `more` line adds to. */
interface Reading {
  instance: SpoolInstance;
  continues: TestLine | LateLine | null;
}

/** A line of a spool file; `complete` is false for a last line without its newline. */
interface RawLine {
  text: string;
  complete: boolean;
}

/** Bytes read at a time. */
const READ_CHUNK = 1024 * 1024;

/**
 * The lines of a file, read in chunks: a spool file may be far larger than
 * the longest string V8 can hold, its lines never are.
 */
function* readLines(file: string): Generator<RawLine> {
  const fd = fs.openSync(file, 'r');
  try {
    const chunk = Buffer.allocUnsafe(READ_CHUNK);
    let pending: Buffer[] = [];
    for (;;) {
      const read = fs.readSync(fd, chunk, 0, READ_CHUNK, null);
      if (read === 0) break;
      let start = 0;
      for (
        let newline = chunk.indexOf(10, start);
        newline !== -1 && newline < read;
        newline = chunk.indexOf(10, start)
      ) {
        const text =
          pending.length === 0
            ? chunk.toString('utf8', start, newline)
            : Buffer.concat([...pending, chunk.subarray(start, newline)]).toString('utf8');
        yield { text, complete: true };
        pending = [];
        start = newline + 1;
      }
      if (start < read) pending.push(Buffer.from(chunk.subarray(start, read)));
    }
    if (pending.length > 0)
      yield { text: Buffer.concat(pending).toString('utf8'), complete: false };
  } finally {
    fs.closeSync(fd);
  }
}

/** Reads one spool file. */
export function readSpoolFile(file: string): SpoolInstance {
  const instance: SpoolInstance = {
    file,
    open: null,
    groups: [],
    tests: [],
    lates: [],
    close: null,
    problems: [],
  };
  const reading: Reading = { instance, continues: null };
  let i = -1;
  try {
    for (const line of readLines(file)) {
      i += 1;
      if (!line.complete) {
        instance.problems.push(`truncated record at line ${i + 1}`);
        break;
      }
      if (!absorbLine(reading, line.text, i) && i === 0) break; // no valid header: nothing can be trusted
    }
  } catch (error) {
    instance.problems.push(`cannot read ${path.basename(file)}: ${describeError(error)}`);
  }
  return instance;
}

/** Adds one line to the instance being read; false (and a problem) when it is not a valid line there. */
function absorbLine(reading: Reading, line: string, i: number): boolean {
  const { instance } = reading;
  try {
    const parsed = parseSpoolLine(line);
    if (i === 0 && parsed.type !== 'open')
      throw new SpoolFormatError('first record is not an open record');
    if (instance.close) throw new SpoolFormatError('record after the close record');
    const continued = reading.continues;
    reading.continues = null;
    switch (parsed.type) {
      case 'open':
        if (i !== 0) throw new SpoolFormatError('open record after the first line');
        instance.open = parsed;
        break;
      case 'plan':
        instance.groups.push(...parsed.groups);
        break;
      case 'test':
        instance.tests.push(parsed);
        reading.continues = parsed;
        break;
      case 'more':
        // A test or late line split over several lines continues right after it.
        if (!continued || continued.id !== parsed.id || continued.attempt !== parsed.attempt) {
          throw new SpoolFormatError('more record without its test or late record');
        }
        for (const result of parsed.results) continued.results.push(result);
        reading.continues = continued;
        break;
      case 'late':
        instance.lates.push(parsed);
        reading.continues = parsed;
        break;
      case 'close':
        instance.close = parsed;
        break;
    }
    return true;
  } catch (error) {
    const problem = error instanceof SpoolFormatError ? error.message : describeError(error);
    instance.problems.push(`malformed record at line ${i + 1}: ${problem}`);
    return false;
  }
}

/** Reads every spool file in a test file's spool directory (none: []). */
export function readSpoolDir(dir: string): SpoolInstance[] {
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return [];
  }
  return names
    .filter((name) => name.endsWith(SPOOL_SUFFIX))
    .sort()
    .map((name) => readSpoolFile(path.join(dir, name)));
}
