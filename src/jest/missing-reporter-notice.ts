/**
 * The notice that no rampart reporter aggregates this run, printed once per
 * Jest run whatever the worker layout. Without the reporter nothing of
 * RAMPART runs in Jest's parent process, so the environments of a run agree
 * through an exclusive marker file in the system temporary directory, named
 * after the pid of the Jest process that owns the run (the parent of a
 * worker process; the process itself in band and for worker threads).
 * Markers of processes that are gone are removed by later runs; a run whose
 * pid reuses that of an earlier run before anyone removed its marker misses
 * the notice, which is only ever a notice.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { isMainThread } from 'node:worker_threads';
import { hasErrorCode } from '../model/exclusive-file';
import { isAlive } from './transport/run-directory';

const PREFIX = 'rampart-notice-';

/** True in a jest-worker child process (forked, with an IPC channel to the Jest parent). */
function isWorkerProcess(): boolean {
  return (
    isMainThread &&
    typeof process.send === 'function' &&
    /[\\/]jest-worker[\\/]/.test(process.argv[1] ?? '')
  );
}

/** Pid of the Jest process that owns the run this code runs for. */
function runOwnerPid(): number {
  return isWorkerProcess() ? process.ppid : process.pid;
}

function userTag(): string {
  return String(process.getuid?.() ?? os.userInfo().username);
}

/** Removes markers of this user whose owner process is gone. Best effort. */
function sweepMarkers(tmp: string, tag: string): void {
  let names: string[];
  try {
    names = fs.readdirSync(tmp);
  } catch {
    return;
  }
  for (const name of names) {
    if (!name.startsWith(`${PREFIX}${tag}-`)) continue;
    const pid = Number(name.slice(PREFIX.length + tag.length + 1));
    if (!Number.isSafeInteger(pid) || isAlive(pid)) continue;
    try {
      fs.rmSync(path.join(tmp, name), { force: true });
    } catch {
      // Another run may be sweeping too.
    }
  }
}

let decided = false;

/**
 * True exactly once per Jest run (the caller prints the notice then). When
 * the marker cannot be created for another reason than its existence, says
 * true: a notice too many is better than none.
 */
export function claimMissingReporterNotice(tmp = os.tmpdir()): boolean {
  if (decided) return false;
  decided = true;
  const tag = userTag();
  sweepMarkers(tmp, tag);
  const marker = path.join(tmp, `${PREFIX}${tag}-${runOwnerPid()}`);
  try {
    fs.closeSync(fs.openSync(marker, 'wx', 0o600));
    return true;
  } catch (error) {
    return !hasErrorCode(error, 'EEXIST');
  }
}
