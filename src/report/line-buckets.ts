/**
 * Lines sorted into numbered buckets as they come, read back bucket by
 * bucket in the order they were added: what lets the safety summary print
 * the Result lines of a large run in its order (category, then status) from
 * one pass over the Results in report order, without holding them all
 * (docs/architecture.md, "The report of a large run"). Up to a budget of
 * characters the lines stay in memory; past it the held lines go to a file
 * per bucket in a private folder made for them, which {@link LineBuckets.close}
 * removes.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { StringDecoder } from 'node:string_decoder';

/** Options of {@link LineBuckets}. */
export interface LineBucketsOptions {
  /** Where the folder of spilled lines is made (default: the system's temporary directory). */
  parentDir?: string;
  /** Characters held in memory before they are written out (default 4 Mi; 0: every line goes out). */
  budgetChars?: number;
}

/** Default of {@link LineBucketsOptions.budgetChars}. */
const BUDGET_CHARS = 4 * 1024 * 1024;

/** Bytes read at a time when a bucket's file is read back. */
const READ_CHUNK = 1024 * 1024;

/** Numbered buckets of lines, held up to a budget, written to files past it. */
export class LineBuckets {
  /** Lines of each bucket not written out yet, in order. */
  private readonly held: string[][] = [];
  /** Lines added to each bucket. */
  private readonly counts: number[] = [];
  /** Bytes of each bucket's file that hold whole lines (what is read back). */
  private readonly written: number[] = [];
  private heldChars = 0;
  private dir: string | null = null;
  /** False once writing out failed: from then on every line is held. */
  private spilling = true;
  private readonly parentDir: string;
  private readonly budgetChars: number;

  constructor(options: LineBucketsOptions = {}) {
    this.parentDir = options.parentDir ?? os.tmpdir();
    this.budgetChars = options.budgetChars ?? BUDGET_CHARS;
  }

  /**
   * Adds `line` at the end of `bucket`. A line holds no line break: one
   * written out would come back as two (the same text, printed line by line).
   */
  add(bucket: number, line: string): void {
    (this.held[bucket] ??= []).push(line);
    this.counts[bucket] = (this.counts[bucket] ?? 0) + 1;
    this.heldChars += line.length + 1;
    if (this.spilling && this.heldChars > this.budgetChars) this.spill();
  }

  /** Number of lines added to `bucket`. */
  count(bucket: number): number {
    return this.counts[bucket] ?? 0;
  }

  /** The lines of `bucket`, in the order added (those written out first, then those held). */
  *lines(bucket: number): Generator<string> {
    const bytes = this.written[bucket] ?? 0;
    if (bytes > 0 && this.dir !== null) yield* readLines(this.fileOf(bucket), bytes);
    yield* this.held[bucket] ?? [];
  }

  /** Drops every line and removes the files written. */
  close(): void {
    this.held.length = 0;
    this.heldChars = 0;
    if (this.dir !== null) fs.rmSync(this.dir, { recursive: true, force: true });
    this.dir = null;
  }

  private fileOf(bucket: number): string {
    return path.join(this.dir as string, `${bucket}.lines`);
  }

  /**
   * Appends every bucket's held lines to its file. A folder or disk that
   * cannot take them keeps them held (the run's summary still prints, as a
   * small run's does); a bucket's file counts only what was written whole.
   */
  private spill(): void {
    try {
      if (this.dir === null) {
        // mkdtemp makes the folder private (0700): nothing else writes into it.
        this.dir = fs.mkdtempSync(path.join(this.parentDir, 'rampart-summary-'));
      }
      for (const [bucket, lines] of this.held.entries()) {
        if (lines === undefined || lines.length === 0) continue;
        const data = Buffer.from(`${lines.join('\n')}\n`, 'utf8');
        const fd = fs.openSync(this.fileOf(bucket), this.written[bucket] ? 'a' : 'wx', 0o600);
        try {
          for (let done = 0; done < data.length;)
            done += fs.writeSync(fd, data, done, data.length - done);
        } finally {
          fs.closeSync(fd);
        }
        this.written[bucket] = (this.written[bucket] ?? 0) + data.length;
        for (const line of lines) this.heldChars -= line.length + 1;
        this.held[bucket] = [];
      }
    } catch {
      this.spilling = false;
    }
  }
}

/** The lines of the first `bytes` bytes of `file` (each ended by a line break), read in chunks. */
function* readLines(file: string, bytes: number): Generator<string> {
  const fd = fs.openSync(file, 'r');
  try {
    const decoder = new StringDecoder('utf8');
    const chunk = Buffer.allocUnsafe(Math.min(READ_CHUNK, bytes));
    let pending = '';
    for (let offset = 0; offset < bytes;) {
      const read = fs.readSync(fd, chunk, 0, Math.min(chunk.length, bytes - offset), offset);
      if (read === 0) throw new Error(`${path.basename(file)} is shorter than what was written`);
      offset += read;
      const text = pending + decoder.write(chunk.subarray(0, read));
      const parts = text.split('\n');
      pending = parts.pop() as string;
      yield* parts;
    }
    pending += decoder.end();
    if (pending.length > 0) yield pending;
  } finally {
    fs.closeSync(fd);
  }
}
