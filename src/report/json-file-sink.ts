/**
 * `JsonFileReportSink`: writes `run_report_<UTC timestamp with ms>.json`.
 * The report is fully serialised before any file is opened; the file appears
 * atomically (written under a temporary name, then hard-linked into place,
 * which fails instead of replacing an existing file); a name that is taken
 * gets a random suffix. Never overwrites.
 */
import { randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { TestRunReport } from '../core/run-report';
import { serializeReport } from './json-report';
import type { ReportSink } from './sink';

/** `run_report_2026-04-25T14-30-00-123.json` for the given instant (UTC). */
export function reportFileName(now: Date, suffix = ''): string {
  const stamp = now.toISOString().replace(/:/g, '-').replace('.', '-').replace(/Z$/, '');
  return `run_report_${stamp}${suffix ? `_${suffix}` : ''}.json`;
}

function isCode(error: unknown, ...codes: string[]): boolean {
  return codes.includes((error as NodeJS.ErrnoException)?.code ?? '');
}

/**
 * Writes `text` under a temporary name in `dir`, then calls `place` with it
 * (which must hard-link it to its final name), and always removes the temporary.
 */
function writeThenPlace(dir: string, text: string, place: (temporary: string) => string): string {
  fs.mkdirSync(dir, { recursive: true });
  const temporary = path.join(dir, `.run_report.${process.pid}.${randomUUID()}.tmp`);
  const fd = fs.openSync(temporary, 'wx', 0o644);
  try {
    fs.writeFileSync(fd, text, 'utf8');
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  try {
    return place(temporary);
  } finally {
    fs.rmSync(temporary, { force: true });
  }
}

/** Hard-links `temporary` to `target`; falls back to an exclusive write where links are unsupported. */
function linkExclusive(temporary: string, target: string, text: string): void {
  try {
    fs.linkSync(temporary, target); // fails with EEXIST instead of replacing
  } catch (error) {
    if (!isCode(error, 'EPERM', 'ENOTSUP', 'EXDEV', 'ENOSYS')) throw error;
    fs.writeFileSync(target, text, { encoding: 'utf8', flag: 'wx', mode: 0o644 });
  }
}

/** Writes `text` to a new file in `dir`; returns its path. Synchronous (usable on process exit). */
export function writeReportFileSync(dir: string, text: string, now = new Date()): string {
  return writeThenPlace(dir, text, (temporary) => {
    for (let attempt = 0; ; attempt += 1) {
      const target = path.join(dir, reportFileName(now, attempt === 0 ? '' : randomUUID()));
      try {
        linkExclusive(temporary, target, text);
        return target;
      } catch (error) {
        if (!isCode(error, 'EEXIST') || attempt >= 5) throw error;
      }
    }
  });
}

/** Writes `text` to exactly `file`, atomically; throws when `file` exists. */
export function writeNewFileSync(file: string, text: string): string {
  const target = path.resolve(file);
  return writeThenPlace(path.dirname(target), text, (temporary) => {
    linkExclusive(temporary, target, text);
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
    const text = serializeReport(report); // before any file is opened
    this.written.push(writeReportFileSync(this.outputDir, text));
  }
}
