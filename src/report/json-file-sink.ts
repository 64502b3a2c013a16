/**
 * `JsonFileReportSink`: writes `run_report_<UTC timestamp with ms>.json`.
 * The report is written under a temporary name and appears only when complete
 * (hard-linked into place, which fails instead of replacing an existing file),
 * so a crash or a serialisation error never leaves a partial report; a name
 * that is taken gets a random suffix. Never overwrites.
 */
import { randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { TestRunReport } from '../core/run-report';
import { serializeReportChunks } from './json-report';
import type { ReportSink } from './sink';

/** `run_report_2026-04-25T14-30-00-123.json` for the given instant (UTC). */
export function reportFileName(now: Date, suffix = ''): string {
  const stamp = now.toISOString().replace(/:/g, '-').replace('.', '-').replace(/Z$/, '');
  return `run_report_${stamp}${suffix ? `_${suffix}` : ''}.json`;
}

function isCode(error: unknown, ...codes: string[]): boolean {
  return codes.includes((error as NodeJS.ErrnoException)?.code ?? '');
}

/** Report text: one string, or pieces written one after the other (large reports). */
export type ReportText = string | Iterable<string>;

/**
 * Writes `content` under a temporary name in `dir`, then calls `place` with
 * it (which must hard-link it to its final name), and always removes the
 * temporary: the final name only ever shows a complete report.
 */
function writeThenPlace(
  dir: string,
  content: ReportText,
  place: (temporary: string) => string,
): string {
  fs.mkdirSync(dir, { recursive: true });
  const temporary = path.join(dir, `.run_report.${process.pid}.${randomUUID()}.tmp`);
  try {
    const fd = fs.openSync(temporary, 'wx', 0o644);
    try {
      for (const piece of typeof content === 'string' ? [content] : content)
        fs.writeFileSync(fd, piece, 'utf8');
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
    if (!isCode(error, 'EPERM', 'ENOTSUP', 'EXDEV', 'ENOSYS')) throw error;
    fs.copyFileSync(temporary, target, fs.constants.COPYFILE_EXCL);
  }
}

/** Writes a report to a new file in `dir`; returns its path. Synchronous (usable on process exit). */
export function writeReportFileSync(dir: string, content: ReportText, now = new Date()): string {
  return writeThenPlace(dir, content, (temporary) => {
    for (let attempt = 0; ; attempt += 1) {
      const target = path.join(dir, reportFileName(now, attempt === 0 ? '' : randomUUID()));
      try {
        linkExclusive(temporary, target);
        return target;
      } catch (error) {
        if (!isCode(error, 'EEXIST') || attempt >= 5) throw error;
      }
    }
  });
}

/** Writes a report to exactly `file`, atomically; throws when `file` exists. */
export function writeNewFileSync(file: string, content: ReportText): string {
  const target = path.resolve(file);
  return writeThenPlace(path.dirname(target), content, (temporary) => {
    linkExclusive(temporary, target);
    return target;
  });
}

/** Options of {@link JsonFileReportSink}. */
export interface JsonFileReportSinkOptions {
  /** Directory of the report files; created when missing. */
  outputDir: string;
}

/** Writes each report it receives to a new JSON file in `outputDir`. */
export class JsonFileReportSink implements ReportSink {
  readonly outputDir: string;
  /** Paths written so far, in order. */
  readonly written: string[] = [];

  constructor(options: JsonFileReportSinkOptions) {
    if (!options || typeof options.outputDir !== 'string' || options.outputDir.length === 0) {
      throw new TypeError('JsonFileReportSink outputDir must be a non-empty string');
    }
    this.outputDir = options.outputDir;
  }

  emit(report: TestRunReport): void {
    // Streamed into the temporary file: a million Results would not fit one string.
    this.written.push(writeReportFileSync(this.outputDir, serializeReportChunks(report)));
  }
}
