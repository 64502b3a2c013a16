/**
 * Environment side of the transport: appends spool lines synchronously to a
 * private file, so each line is on disk before Jest reports the test (and
 * survives a crash of the worker right after).
 */
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { threadId } from 'node:worker_threads';
import type { RunChannel } from './channel';
import {
  type CloseLine,
  type OpenLine,
  type PlanLine,
  SPOOL_VERSION,
  type SpoolProject,
} from './spool-format';
import { SPOOL_SUFFIX, spoolDirFor } from './spool-files';

/** Identifies the worker this process or thread is for Jest. */
export function currentWorkerId(): string {
  return process.env.JEST_WORKER_ID ?? '1';
}

let instancePrefix: string | null = null;
let instanceCount = 0;

/**
 * The random part of an instance name: random once per process or thread
 * (pids are reused), then counted, so a file costs no read of the system's
 * random source.
 */
function instanceSuffix(): string {
  instancePrefix ??= randomBytes(4).toString('hex');
  instanceCount += 1;
  return `${instancePrefix}${instanceCount.toString(16).padStart(4, '0')}`;
}

/** Appends the lines of one environment instance to its own spool file. */
export class SpoolWriter {
  private fd: number | null;
  readonly file: string;

  constructor(channel: RunChannel, testPath: string, project: SpoolProject) {
    const dir = spoolDirFor(channel.dir, project.id, testPath);
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    const instance = `${process.pid}-${currentWorkerId()}-${threadId}-${instanceSuffix()}`;
    this.file = path.join(dir, `${instance}${SPOOL_SUFFIX}`);
    // Exclusive: never share a file with another instance. Append: every
    // line lands at the end, whatever else touched the file.
    const { O_WRONLY, O_CREAT, O_EXCL, O_APPEND } = fs.constants;
    this.fd = fs.openSync(this.file, O_WRONLY | O_CREAT | O_EXCL | O_APPEND, 0o600);
    const open: OpenLine = {
      type: 'open',
      v: SPOOL_VERSION,
      testPath,
      project: { id: project.id, displayName: project.displayName, rootDir: project.rootDir },
      instance,
      pid: process.pid,
      worker: currentWorkerId(),
      startedAt: Date.now(),
    };
    this.writeLine(JSON.stringify(open));
  }

  /** Writes the trial-group plan. */
  writePlan(plan: PlanLine): void {
    this.writeLine(JSON.stringify(plan));
  }

  /** Writes one already-serialised line. */
  writeLine(line: string): void {
    if (this.fd === null) throw new Error('RAMPART spool is already closed');
    const text = `${line}\n`;
    // Usually one write of the string; a short write continues from the bytes.
    const written = fs.writeSync(this.fd, text);
    if (written === Buffer.byteLength(text)) return;
    const data = Buffer.from(text);
    for (let offset = written; offset < data.length;) offset += fs.writeSync(this.fd, data, offset);
  }

  /** Writes the close line and closes the file. */
  close(counts: Omit<CloseLine, 'type'>): void {
    if (this.fd === null) return;
    try {
      this.writeLine(JSON.stringify({ type: 'close', ...counts } satisfies CloseLine));
    } finally {
      fs.closeSync(this.fd);
      this.fd = null;
    }
  }
}
