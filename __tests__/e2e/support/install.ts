/**
 * Cached installs in the e2e work directory (paths.ts): a project is written
 * and installed once, then reused while its files and the other inputs of
 * the install (the tarball under test, a tool version) are unchanged. Suites
 * in parallel Jest workers share installs (a framework fixture, a Node), so
 * an install holds a lock beside its directory while it checks and installs.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';

/** One installed project. */
export interface InstallSpec {
  dir: string;
  /** Files written before installing, relative to `dir`. */
  files: Record<string, string>;
  /** What else the install depends on (hashes, versions). */
  inputs?: string[];
  /** Runs the install; `dir` holds `files` by then. */
  install: (dir: string) => void;
}

/** SHA-256 of a file's bytes, hex. */
export function sha256File(file: string): string {
  return createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

/** Runs a command to completion; on failure the error carries its whole output. */
export function exec(
  command: string,
  args: string[],
  cwd: string,
  env: NodeJS.ProcessEnv = process.env,
): string {
  try {
    return execFileSync(command, args, {
      cwd,
      env,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  } catch (error) {
    const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
    throw new Error(`\`${[command, ...args].join(' ')}\` failed in ${cwd}:\n${stdout}${stderr}`);
  }
}

/** Sleeps synchronously (installs are synchronous; a worker has nothing else to do meanwhile). */
function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** Whether the process `pid` is running. */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The pid written in the lock `file`; null when there is none (any more). */
function lockHolder(file: string): number | null {
  try {
    return Number(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/**
 * Removes the lock `file` when the process written in it no longer runs;
 * true when the lock is gone. Two waiters can see the same dead holder at
 * once: the one that removes it holds `<file>.break` (linked from `mine`)
 * and reads the holder again under it, so it never removes a lock that the
 * other has just taken.
 */
function removeIfAbandoned(file: string, mine: string): boolean {
  const breaker = `${file}.break`;
  try {
    fs.linkSync(mine, breaker);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    const breaking = lockHolder(breaker);
    if (breaking !== null && !alive(breaking)) fs.rmSync(breaker, { force: true });
    return false;
  }
  try {
    const holder = lockHolder(file);
    if (holder !== null && !alive(holder)) fs.rmSync(file, { force: true });
    return lockHolder(file) === null;
  } finally {
    fs.rmSync(breaker, { force: true });
  }
}

/**
 * Runs `fn` holding the lock `file`, which holds the pid of its holder (it
 * appears with its content: a hard link to a file written first): waits
 * while a live process holds it, takes it over from a dead one (a run that
 * was killed during an install).
 */
function withLock<T>(file: string, fn: () => T): T {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const mine = `${file}.${process.pid}`;
  fs.writeFileSync(mine, String(process.pid));
  try {
    for (;;) {
      try {
        fs.linkSync(mine, file);
        break;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
      if (!removeIfAbandoned(file, mine)) sleepSync(200);
    }
  } finally {
    fs.rmSync(mine, { force: true });
  }
  try {
    return fn();
  } finally {
    fs.rmSync(file, { force: true });
  }
}

/** Installs `spec` unless the same install is already in place; true when it installed. */
export function installCached(spec: InstallSpec): boolean {
  const stampFile = path.join(spec.dir, '.installed');
  const stamp = createHash('sha256')
    .update(JSON.stringify([spec.files, spec.inputs ?? []]))
    .digest('hex');
  const installed = () => fs.existsSync(stampFile) && fs.readFileSync(stampFile, 'utf8') === stamp;
  if (installed()) return false;
  return withLock(`${spec.dir}.lock`, () => {
    // Another worker may have installed it while this one waited.
    if (installed()) return false;
    // A failed install must not look finished to the next run.
    fs.rmSync(stampFile, { force: true });
    for (const [name, content] of Object.entries(spec.files)) {
      const file = path.join(spec.dir, name);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, content);
    }
    spec.install(spec.dir);
    fs.writeFileSync(stampFile, stamp);
    return true;
  });
}
