/**
 * Reporter side of the transport: reads the spool files of one test file and
 * reports every problem it finds instead of throwing.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  type CloseRecord,
  type LateRecord,
  type OpenRecord,
  type PlannedGroup,
  type TestRecord,
  parseRecord,
} from './records';
import { SPOOL_SUFFIX } from './spool-files';

/** Everything one environment instance wrote. */
export interface SpoolInstance {
  file: string;
  open: OpenRecord | null;
  groups: PlannedGroup[];
  tests: TestRecord[];
  lates: LateRecord[];
  close: CloseRecord | null;
  /** Lines that could not be read, described for the incomplete reasons. */
  problems: string[];
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
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    instance.problems.push(`cannot read ${path.basename(file)}: ${(error as Error).message}`);
    return instance;
  }
  const lines = text.split('\n');
  const complete = lines.length - 1; // the text after the last newline is an unfinished line
  if (lines[complete] !== '') instance.problems.push(`truncated record at line ${complete + 1}`);
  for (let i = 0; i < complete; i += 1) {
    const line = lines[i] as string;
    try {
      const record = parseRecord(line);
      if (i === 0 && record.type !== 'open') throw new Error('first record is not an open record');
      if (instance.close) throw new Error('record after the close record');
      switch (record.type) {
        case 'open':
          if (i !== 0) throw new Error('open record after the first line');
          instance.open = record;
          break;
        case 'plan':
          instance.groups.push(...record.groups);
          break;
        case 'test':
          instance.tests.push(record);
          break;
        case 'more': {
          const test = instance.tests[instance.tests.length - 1];
          if (!test || test.id !== record.id || test.attempt !== record.attempt) {
            throw new Error('more record without its test record');
          }
          for (const result of record.results) test.results.push(result);
          break;
        }
        case 'late':
          instance.lates.push(record);
          break;
        case 'close':
          instance.close = record;
          break;
      }
    } catch (error) {
      instance.problems.push(`malformed record at line ${i + 1}: ${(error as Error).message}`);
      if (i === 0) break; // without a valid header nothing else can be trusted
    }
  }
  return instance;
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
