/**
 * Reporter side of the transport: reads the spool files of one test file and
 * reports every problem it finds instead of throwing. Each test and late
 * record says where its lines are, so its Results can be read again when the
 * outputs are written (readSpoolResults) instead of being held.
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

/** Where a line of a spool file is: byte offset and length, without its newline. */
export interface LineSpan {
  offset: number;
  length: number;
}

/** A test record as read: `spans` locates its line and the `more` lines that continue it. */
export type SpooledTest = TestLine & { spans?: LineSpan[] };

/** A late record as read, located as a test record is. */
export type SpooledLate = LateLine & { spans?: LineSpan[] };

/** Everything one environment instance wrote. */
export interface SpoolInstance {
  file: string;
  open: OpenLine | null;
  groups: PlannedGroup[];
  tests: SpooledTest[];
  lates: SpooledLate[];
  close: CloseLine | null;
  /** Lines that could not be read, described for the incomplete reasons. */
  problems: string[];
}

/** A spool instance being read: `continues` is the line a `more` line adds to. */
interface Reading {
  instance: SpoolInstance;
  continues: SpooledTest | SpooledLate | null;
}

/** A line of a spool file; `complete` is false for a last line without its newline. */
interface RawLine extends LineSpan {
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
    /** File offsets of the chunk read and of the line under way. */
    let base = 0;
    let lineStart = 0;
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
        yield { text, complete: true, offset: lineStart, length: base + newline - lineStart };
        pending = [];
        start = newline + 1;
        lineStart = base + start;
      }
      if (start < read) pending.push(Buffer.from(chunk.subarray(start, read)));
      base += read;
    }
    if (pending.length > 0)
      yield {
        text: Buffer.concat(pending).toString('utf8'),
        complete: false,
        offset: lineStart,
        length: base - lineStart,
      };
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
      if (!absorbLine(reading, line, i) && i === 0) break; // no valid header: nothing can be trusted
    }
  } catch (error) {
    instance.problems.push(`cannot read ${path.basename(file)}: ${describeError(error)}`);
  }
  return instance;
}

/** Adds one line to the instance being read; false (and a problem) when it is not a valid line there. */
function absorbLine(reading: Reading, line: RawLine, i: number): boolean {
  const { instance } = reading;
  const span: LineSpan = { offset: line.offset, length: line.length };
  try {
    const parsed = parseSpoolLine(line.text);
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
      case 'test': {
        // The parsed line is this reader's own: its place is added to it, not
        // to a spread copy (in V8 a key added to a spread copy costs ~10 µs).
        const test: SpooledTest = Object.assign(parsed, { spans: [span] });
        instance.tests.push(test);
        reading.continues = test;
        break;
      }
      case 'more':
        // A test or late line split over several lines continues right after it.
        if (!continued || continued.id !== parsed.id || continued.attempt !== parsed.attempt) {
          throw new SpoolFormatError('more record without its test or late record');
        }
        for (const result of parsed.results) continued.results.push(result);
        continued.spans?.push(span);
        reading.continues = continued;
        break;
      case 'late': {
        const late: SpooledLate = Object.assign(parsed, { spans: [span] });
        instance.lates.push(late);
        reading.continues = late;
        break;
      }
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

/**
 * The Results of spool lines read again, in order, one line at a time (a
 * line is read into a buffer of its own length). A line that no longer reads
 * as a record with Results throws: the spool changed under the reporter.
 */
export function* readSpoolResults(file: string, spans: readonly LineSpan[]): Generator<unknown> {
  const fd = fs.openSync(file, 'r');
  try {
    for (const { offset, length } of spans) {
      const buffer = Buffer.allocUnsafe(length);
      let read = 0;
      while (read < length) {
        const n = fs.readSync(fd, buffer, read, length - read, offset + read);
        if (n === 0) break;
        read += n;
      }
      let parsed: ReturnType<typeof parseSpoolLine>;
      try {
        if (read < length) throw new SpoolFormatError('the file is shorter than when it was read');
        parsed = parseSpoolLine(buffer.toString('utf8'));
        if (parsed.type !== 'test' && parsed.type !== 'late' && parsed.type !== 'more')
          throw new SpoolFormatError(`a ${parsed.type} record where Results were`);
      } catch (error) {
        throw new Error(
          `RAMPART could not read Results again from ${path.basename(file)} at byte ${offset}: ${describeError(error)}`,
        );
      }
      yield* parsed.results;
    }
  } finally {
    fs.closeSync(fd);
  }
}
