/**
 * Where the user wrote a test: read from the stack of the Error jest-circus
 * creates at the `test()` call (`asyncError` of the test entry), skipping
 * the frames of rampart itself, of Jest and of anything else installed
 * (`node_modules`) and Node's internals, so `test.each`, `describe`
 * nesting, `trial()`/`harm()` and `payloadMatrix` all point at the user's
 * call (docs/reporter.md, "Test locations"). Pure; no Jest import.
 */
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

/** A location on disk: absolute file, 1-based line and column. */
export interface SourcePosition {
  file: string;
  line: number;
  column: number;
}

/** `at fn (file:line:col)`, `at file:line:col`, `at async fn (file:///…:line:col)`. */
const FRAME = /^\s*at (?:(?:.*?) \()?(.+?):(\d+):(\d+)\)?\s*$/;

/** The file, line and column of one stack line, or null for a frame without a file. */
export function parseStackFrame(line: string): SourcePosition | null {
  const match = FRAME.exec(line);
  if (!match) return null;
  let file = match[1] as string;
  if (file.startsWith('file://')) {
    try {
      file = fileURLToPath(file);
    } catch {
      return null;
    }
  }
  // `eval at …`, `<anonymous>`, `node:internal/…`, `internal/…`: no file of the user's.
  if (!path.isAbsolute(file) || file.includes('<anonymous>')) return null;
  return { file: path.normalize(file), line: Number(match[2]), column: Number(match[3]) };
}

function isThirdParty(file: string, ownDirs: readonly string[]): boolean {
  const segments = file.split(/[\\/]/);
  if (segments.includes('node_modules')) return true;
  return ownDirs.some(
    (dir) => file === dir || file.startsWith(dir.endsWith(path.sep) ? dir : dir + path.sep),
  );
}

/**
 * The user's frame in `stack`: the first frame with a file that is neither in
 * `ownDirs` (rampart's own code) nor installed (`node_modules`). Null when
 * there is none.
 */
export function userFrameOf(stack: string, ownDirs: readonly string[]): SourcePosition | null {
  for (const line of stack.split('\n')) {
    const frame = parseStackFrame(line);
    if (frame && !isThirdParty(frame.file, ownDirs)) return frame;
  }
  return null;
}

/** rampart's own compiled code (this file's layer folder's parent: `dist/` or `src/`). */
export const RAMPART_CODE_DIRS: readonly string[] = [path.resolve(__dirname, '..')];

/**
 * The location of a test entry from its `asyncError`, or null. Reading
 * `stack` formats it (source-mapped where Jest installed source maps); a
 * getter that throws costs the location, not the test.
 */
export function testEntryLocation(
  asyncError: unknown,
  ownDirs: readonly string[] = RAMPART_CODE_DIRS,
): SourcePosition | null {
  try {
    const stack = (asyncError as { stack?: unknown } | null)?.stack;
    return typeof stack === 'string' ? userFrameOf(stack, ownDirs) : null;
  } catch {
    return null;
  }
}
