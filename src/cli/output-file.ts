/**
 * Where a command writes its output file: never over an existing file unless
 * `--force` says so, and never a half-written file either way (the complete
 * text is put into place at once: linked when new, renamed over when forced).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { type FileContent, replaceFileSync, writeNewFileSync } from '../model/exclusive-file';
import { describeFileError, describeValue } from '../model/value-description';
import { CommandError } from './command';

function exists(file: string): CommandError {
  return new CommandError(`${file} already exists; use --force to replace it`);
}

/** Throws when `file` cannot take the output: a directory, or a file without `force`. */
export function checkOutputFile(file: string, force: boolean): void {
  let stats: fs.Stats;
  try {
    stats = fs.statSync(file);
  } catch {
    return; // Not there (or not visible): writing will say what is wrong.
  }
  if (stats.isDirectory())
    throw new CommandError(`the output must be a file, got the directory ${describeValue(file)}`);
  if (!force) throw exists(file);
}

/** Writes `content` to `file` (replacing it when `force`); returns the absolute path. */
export function writeOutputFile(file: string, content: FileContent, force: boolean): string {
  checkOutputFile(file, force);
  try {
    return force ? replaceFileSync(file, content) : writeNewFileSync(file, content);
  } catch (error) {
    const { code, syscall, path: where } = (error ?? {}) as NodeJS.ErrnoException;
    // Created by someone else since the check.
    if (code === 'EEXIST' && fs.existsSync(file)) throw exists(file);
    // Say where it failed when that is not the file itself (a parent that is a file, say).
    const at =
      syscall && where && path.resolve(where) !== path.resolve(file)
        ? ` (${syscall} ${where})`
        : '';
    throw new CommandError(`cannot write ${file}: ${describeFileError(error)}${at}`);
  }
}
