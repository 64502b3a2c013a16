/**
 * Checks, before any test runs, that every folder a configuration will write
 * its outputs into can be created and written (docs/reporter.md, "Problems
 * caught before the run"): a report that cannot be written is found at the
 * start of the run, not after every test has run. The check creates nothing.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describeValue } from '../model/value-description';

/** A folder a configuration will write into, and the option that names it. */
export interface PlannedOutput {
  /** How messages name the option, e.g. `rampart/reporter option "outputDir"`. */
  option: string;
  /** Absolute path of the folder. */
  dir: string;
}

/** Why nothing can be written into `dir`, or null when it exists as a writable folder or can be created. */
export function outputDirectoryProblem(dir: string): string | null {
  // The folder itself, or the nearest ancestor that exists: that one must be a writable folder.
  let existing = path.resolve(dir);
  let stat: fs.Stats | undefined;
  for (;;) {
    try {
      stat = fs.statSync(existing);
      break;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      // ENOTDIR: a file stands where a folder of the path should be.
      if (code !== 'ENOENT' && code !== 'ENOTDIR') return `${existing} cannot be read (${code})`;
      const parent = path.dirname(existing);
      if (parent === existing) return `no part of ${dir} exists`;
      existing = parent;
    }
  }
  if (!stat.isDirectory()) return `${existing} is a file, not a folder`;
  try {
    fs.accessSync(existing, fs.constants.W_OK | fs.constants.X_OK);
  } catch {
    return `${existing} is not writable`;
  }
  return null;
}

/**
 * One message per planned output that cannot be written:
 * `<option> must be a folder RAMPART can create and write, got <dir> (<why>)`.
 */
export function preflightOutputs(outputs: readonly PlannedOutput[]): string[] {
  const problems: string[] = [];
  for (const { option, dir } of outputs) {
    const problem = outputDirectoryProblem(dir);
    if (problem !== null)
      problems.push(
        `${option} must be a folder RAMPART can create and write, got ${describeValue(dir, 200)} (${problem})`,
      );
  }
  return problems;
}
