/**
 * Where the user wrote a test: read from the stack of the Error jest-circus
 * creates at the `test()` call (`asyncError` of the test entry), skipping
 * the frames of rampart itself, of Jest and of anything else installed
 * (`node_modules`) and Node's internals, so `test.each`, `describe`
 * nesting, `trial()`/`harm()` and `payloadMatrix` all point at the user's
 * call (docs/reporter.md, "Test locations"). Formatting a whole stack costs
 * more than everything else RAMPART does for a test, so the stack is read
 * as structured call sites and only the user's frame is formatted (by the
 * installed formatter: Jest's, source-map aware); the error's own `stack`
 * is formatted when someone reads it, as it would have been. No Jest import.
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
  return match ? positionOf(match[1] as string, Number(match[2]), Number(match[3])) : null;
}

/** A frame's position on disk, or null for a frame without a file of the user's. */
function positionOf(name: string, line: number, column: number): SourcePosition | null {
  let file = name;
  if (file.startsWith('file://')) {
    try {
      file = fileURLToPath(file);
    } catch {
      return null;
    }
  }
  // `eval at …`, `<anonymous>`, `node:internal/…`, `internal/…`: no file of the user's.
  if (!path.isAbsolute(file) || file.includes('<anonymous>')) return null;
  return { file: path.normalize(file), line, column };
}

const INSTALLED = /[\\/]node_modules[\\/]/;

function isThirdParty(file: string, ownDirs: readonly string[]): boolean {
  if (INSTALLED.test(file)) return true;
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

/** Stands for the error when one call site is formatted alone. */
const ONE_SITE = { name: 'Error', message: '' } as Error;

/** Gives `error` a data property `stack` (what V8 gives it once formatted). */
function settleStack(error: object, value: unknown): void {
  Object.defineProperty(error, 'stack', {
    value,
    writable: true,
    enumerable: false,
    configurable: true,
  });
}

/** A stack as Node formats it: the installed formatter's, else V8's own text. */
function formatStack(error: object, sites: NodeJS.CallSite[]): unknown {
  const prepare = Error.prepareStackTrace;
  if (typeof prepare === 'function') return prepare(error as Error, sites);
  let head: string;
  try {
    head = Error.prototype.toString.call(error);
  } catch {
    head = 'Error';
  }
  return sites.length === 0 ? head : `${head}\n    at ${sites.join('\n    at ')}`;
}

/**
 * The call sites of an error nobody has formatted yet (else undefined): its
 * `stack` is read once with a formatter that keeps them, then redefined to
 * be formatted from them when first read, by the formatter installed then,
 * as V8 would have done.
 */
function takeCallSites(error: object): NodeJS.CallSite[] | undefined {
  if (!Object.isExtensible(error)) return undefined;
  const prepare = Error.prepareStackTrace;
  let sites: NodeJS.CallSite[] | undefined;
  Error.prepareStackTrace = (_error, trace) => {
    sites = trace;
    return '';
  };
  try {
    void (error as { stack?: unknown }).stack;
  } finally {
    Error.prepareStackTrace = prepare;
  }
  const taken = sites;
  if (!taken) return undefined;
  Object.defineProperty(error, 'stack', {
    enumerable: false,
    configurable: true,
    get(): unknown {
      const text = formatStack(error, taken);
      settleStack(error, text);
      return text;
    },
    set(value: unknown): void {
      settleStack(error, value);
    },
  });
  return taken;
}

/**
 * The position `site` reads as in a formatted stack: through the installed
 * formatter (Jest's, source-map aware) when there is one, else as V8 writes it.
 */
function formattedPosition(site: NodeJS.CallSite): SourcePosition | null {
  if (typeof Error.prepareStackTrace === 'function') {
    const text = formatStack(ONE_SITE, [site]);
    return typeof text === 'string'
      ? parseStackFrame(text.slice(text.lastIndexOf('\n') + 1))
      : null;
  }
  const file = site.getFileName();
  const line = site.getLineNumber();
  const column = site.getColumnNumber();
  return file && line !== null && column !== null ? positionOf(file, line, column) : null;
}

/**
 * The user's frame among `sites`: the first whose file is neither in
 * `ownDirs` nor installed, before and after formatting. `formatted` keeps
 * each generated position's formatted one (tests defined in a loop share a
 * site).
 */
function userSiteOf(
  sites: readonly NodeJS.CallSite[],
  ownDirs: readonly string[],
  formatted: Map<string, SourcePosition | null>,
): SourcePosition | null {
  for (const site of sites) {
    const file = site.getFileName();
    if (!file || isThirdParty(file, ownDirs)) continue;
    const key = `${file}:${site.getLineNumber()}:${site.getColumnNumber()}`;
    let position = formatted.get(key);
    if (position === undefined) {
      position = formattedPosition(site);
      if (position && isThirdParty(position.file, ownDirs)) position = null;
      formatted.set(key, position);
    }
    if (position) return position;
  }
  return null;
}

/**
 * The location of a test entry from its `asyncError`, or null: from its call
 * sites when its stack was not formatted yet, else from its formatted stack.
 * `formatted` caches formatted positions (one map per test file: a re-run
 * file may be transformed anew). A getter or formatter that throws costs the
 * location, not the test.
 */
export function testEntryLocation(
  asyncError: unknown,
  ownDirs: readonly string[] = RAMPART_CODE_DIRS,
  formatted: Map<string, SourcePosition | null> = new Map(),
): SourcePosition | null {
  if (asyncError === null || typeof asyncError !== 'object') return null;
  try {
    const sites = takeCallSites(asyncError);
    if (sites) return userSiteOf(sites, ownDirs, formatted);
    const { stack } = asyncError as { stack?: unknown };
    return typeof stack === 'string' ? userFrameOf(stack, ownDirs) : null;
  } catch {
    return null;
  }
}
