/**
 * Files that appear only when complete and never replace another: content is
 * written under a temporary name, then hard-linked to its final name (which
 * fails instead of replacing). Used for reports, converter artifacts and
 * anything else RAMPART writes next to a user's files. The only files ever
 * replaced are the ones the user asks for (`--force`) and the report's
 * `run_report_latest.json` pointer, each by one atomic rename.
 */
import { randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';

/** File content: one string or buffer, or pieces written one after the other (large reports). */
export type FileContent = string | Uint8Array | Iterable<string | Uint8Array>;

/** True when `error` is a Node error with one of `codes`. */
export function hasErrorCode(error: unknown, ...codes: string[]): boolean {
  return codes.includes((error as NodeJS.ErrnoException)?.code ?? '');
}

/**
 * Writes `content` under a temporary name in `dir`, then calls `place` with
 * it (which must hard-link it to its final name), and always removes the
 * temporary: the final name only ever shows a complete file.
 */
export function writeThenPlace(
  dir: string,
  content: FileContent,
  place: (temporary: string) => string,
  mode = 0o644,
): string {
  fs.mkdirSync(dir, { recursive: true });
  const temporary = path.join(dir, `.rampart.${process.pid}.${randomUUID()}.tmp`);
  try {
    const fd = fs.openSync(temporary, 'wx', mode);
    try {
      const pieces =
        typeof content === 'string' || content instanceof Uint8Array ? [content] : content;
      for (const piece of pieces) fs.writeFileSync(fd, piece);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    return place(temporary);
  } finally {
    fs.rmSync(temporary, { force: true });
  }
}

/** Hard-links `temporary` to `target`; an exclusive copy where links are unsupported. Never replaces. */
function linkExclusive(temporary: string, target: string): void {
  try {
    fs.linkSync(temporary, target); // fails with EEXIST instead of replacing
  } catch (error) {
    if (!hasErrorCode(error, 'EPERM', 'ENOTSUP', 'EXDEV', 'ENOSYS')) throw error;
    fs.copyFileSync(temporary, target, fs.constants.COPYFILE_EXCL);
  }
}

/**
 * Writes exactly `file`, atomically, replacing what is there: the complete
 * text is renamed over the old file, so a reader sees one or the other.
 */
export function replaceFileSync(file: string, content: FileContent): string {
  const target = path.resolve(file);
  return writeThenPlace(path.dirname(target), content, (temporary) => {
    fs.renameSync(temporary, target);
    return target;
  });
}

/**
 * Makes `target` a copy of the complete file `source` (a hard link where the
 * file system allows), atomically replacing what `target` was.
 */
export function replaceWithCopySync(source: string, target: string): string {
  const dir = path.dirname(path.resolve(target));
  const temporary = path.join(dir, `.rampart.${process.pid}.${randomUUID()}.tmp`);
  try {
    try {
      fs.linkSync(source, temporary);
    } catch (error) {
      if (!hasErrorCode(error, 'EPERM', 'ENOTSUP', 'EXDEV', 'ENOSYS')) throw error;
      fs.copyFileSync(source, temporary, fs.constants.COPYFILE_EXCL);
    }
    fs.renameSync(temporary, target);
    return path.resolve(target);
  } finally {
    fs.rmSync(temporary, { force: true });
  }
}

/** Writes exactly `file`, atomically; throws (EEXIST) when `file` exists. */
export function writeNewFileSync(file: string, content: FileContent): string {
  const target = path.resolve(file);
  return writeThenPlace(path.dirname(target), content, (temporary) => {
    linkExclusive(temporary, target);
    return target;
  });
}

/**
 * Writes a new file in `dir` named by `nameFor(suffix)`: first with an empty
 * suffix, then with random ones while the name is taken. Returns its path.
 */
export function writeUniqueFileSync(
  dir: string,
  content: FileContent,
  nameFor: (suffix: string) => string,
): string {
  return writeThenPlace(dir, content, (temporary) => {
    for (let attempt = 0; ; attempt += 1) {
      const target = path.join(dir, nameFor(attempt === 0 ? '' : randomUUID()));
      try {
        linkExclusive(temporary, target);
        return target;
      } catch (error) {
        if (!hasErrorCode(error, 'EEXIST') || attempt >= 5) throw error;
      }
    }
  });
}
