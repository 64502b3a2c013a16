/**
 * The git commit a run tested, for the report's metadata (docs/diff-and-gates.md,
 * "Run facts"): read from `.git` without spawning git, found from the
 * project's rootDir upwards. Worktrees (`.git` as a file naming the git
 * directory), packed refs and a detached HEAD are understood; anything else
 * (no repository, an unreadable file, a ref that does not resolve) gives null,
 * never an error.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

const COMMIT = /^[0-9a-f]{40}(?:[0-9a-f]{24})?$/;

function read(file: string): string | null {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}

/** The git directory for `dir`'s repository, or null. */
function gitDirOf(start: string): string | null {
  for (let dir = path.resolve(start); ; dir = path.dirname(dir)) {
    const dotGit = path.join(dir, '.git');
    let stat: fs.Stats | null = null;
    try {
      stat = fs.statSync(dotGit);
    } catch {
      stat = null;
    }
    if (stat?.isDirectory()) return dotGit;
    if (stat?.isFile()) {
      const pointer = /^gitdir:\s*(.+?)\s*$/m.exec(read(dotGit) ?? '');
      return pointer ? path.resolve(dir, pointer[1] as string) : null;
    }
    if (path.dirname(dir) === dir) return null;
  }
}

/** The commit of `ref` (e.g. refs/heads/main) in the git directories given, or null. */
function resolveRef(ref: string, dirs: readonly string[]): string | null {
  for (const dir of dirs) {
    const loose = read(path.join(dir, ...ref.split('/')))?.trim();
    if (loose && COMMIT.test(loose)) return loose;
  }
  for (const dir of dirs) {
    for (const line of (read(path.join(dir, 'packed-refs')) ?? '').split('\n')) {
      const [commit, name] = line.trim().split(' ');
      if (name === ref && commit && COMMIT.test(commit)) return commit;
    }
  }
  return null;
}

/** The commit checked out in the repository holding `dir`, or null. */
export function gitCommit(dir: string): string | null {
  try {
    const gitDir = gitDirOf(dir);
    if (gitDir === null) return null;
    const head = read(path.join(gitDir, 'HEAD'))?.trim() ?? '';
    if (COMMIT.test(head)) return head;
    const ref = /^ref:\s*(\S+)$/.exec(head)?.[1];
    if (ref === undefined || ref.includes('..')) return null;
    // A worktree's git directory names the shared one in `commondir`.
    const common = read(path.join(gitDir, 'commondir'))?.trim();
    const dirs = common ? [gitDir, path.resolve(gitDir, common)] : [gitDir];
    return resolveRef(ref, dirs);
  } catch {
    return null;
  }
}
