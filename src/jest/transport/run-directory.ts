/**
 * The run's private transport directory: created fresh per run (mkdtemp,
 * mode 0700) under the system temporary directory, named with the owner's
 * pid, so that directories left by runs that were killed (SIGKILL, Ctrl-C)
 * can be recognised and removed by a later run.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const PREFIX = 'rampart-run-';

/** Creates the directory of a new run. */
export function createRunDirectory(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `${PREFIX}${process.pid}-`));
  fs.chmodSync(dir, 0o700);
  return dir;
}

/** True when a process with this pid exists (also one of another user). */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Only directories untouched this long are candidates (pids can be reused or live in another namespace). */
const ABANDONED_AFTER_MS = 24 * 60 * 60 * 1000;

/**
 * Removes old run directories of this user whose owning process is gone.
 * Best effort, off the main thread: a run does not wait on the disk for
 * what earlier runs left. Never rejects.
 */
export async function sweepAbandonedRunDirectories(now = Date.now()): Promise<void> {
  const tmp = os.tmpdir();
  let names: string[];
  try {
    names = await fs.promises.readdir(tmp);
  } catch {
    return;
  }
  const uid = process.getuid?.();
  for (const name of names) {
    const match = /^rampart-run-(\d+)-/.exec(name);
    if (!match) continue;
    const dir = path.join(tmp, name);
    try {
      const stat = await fs.promises.stat(dir);
      if (uid !== undefined && stat.uid !== uid) continue;
      if (now - stat.mtimeMs < ABANDONED_AFTER_MS || isAlive(Number(match[1]))) continue;
      await fs.promises.rm(dir, { recursive: true, force: true });
    } catch {
      // Another run may be sweeping the same directory.
    }
  }
}
