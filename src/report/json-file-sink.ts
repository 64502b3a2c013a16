/**
 * `JsonFileReportSink`: writes `run_report_<UTC timestamp with ms>.json`,
 * then refreshes `run_report_latest.json` beside it (a copy, renamed into
 * place, so CI steps read one fixed name; docs/diff-and-gates.md, "Run facts").
 * The report is written under a temporary name and appears only when complete
 * (hard-linked into place, which fails instead of replacing an existing file),
 * so a crash or a serialisation error never leaves a partial report; a name
 * that is taken gets a random suffix. Never overwrites.
 */
import * as path from 'node:path';
import {
  replaceWithCopySync,
  writeNewFileSync,
  writeUniqueFileSync,
} from '../model/exclusive-file';
import type { TestRunReport } from '../model/run-report';
import { serializeReportChunks } from './json-report';
import type { ReportSink } from './sink';
import { argumentChecks } from '../model/value-checks';

/**
 * `run_report_2026-04-25T14-30-00-123.json` for the given instant (UTC);
 * other formats of the same run share the stem (`….junit.xml`, `….sarif`).
 */
export function reportFileName(now: Date, suffix = '', extension = '.json'): string {
  const stamp = now.toISOString().replace(/:/g, '-').replace('.', '-').replace(/Z$/, '');
  return `run_report_${stamp}${suffix ? `_${suffix}` : ''}${extension}`;
}

/** Report text: one string, or pieces written one after the other (large reports). */
export type ReportText = string | Iterable<string>;

/** The stable name of the newest report in an output directory. */
export const LATEST_REPORT_NAME = 'run_report_latest.json';

/**
 * Writes a report to a new file in `dir` and makes `run_report_latest.json`
 * a copy of it; returns the new file's path. Synchronous (usable on process exit).
 */
export function writeReportFileSync(dir: string, content: ReportText, now = new Date()): string {
  const written = writeUniqueFileSync(dir, content, (suffix) => reportFileName(now, suffix));
  replaceWithCopySync(written, path.join(dir, LATEST_REPORT_NAME));
  return written;
}

/** Writes a report to exactly `file`, atomically; throws when `file` exists. */
export { writeNewFileSync };

/** Where a report format other than JSON is written (docs/ci-formats.md). */
export interface FormatFileOptions {
  /** Directory of the default file name; created when missing. */
  outputDir: string;
  /** Exactly this file instead (never overwritten: an existing file fails the sink). */
  outputFile?: string | undefined;
  /** The instant of the default file name; the JSON report of the run shares it. */
  now?: Date | undefined;
}

/** Writes one format of a report: to `outputFile`, else `run_report_<stamp><extension>` in `outputDir`. */
export function writeFormatFileSync(
  options: FormatFileOptions,
  extension: string,
  content: ReportText,
): string {
  if (options.outputFile !== undefined) return writeNewFileSync(options.outputFile, content);
  const now = options.now ?? new Date();
  return writeUniqueFileSync(options.outputDir, content, (suffix) =>
    reportFileName(now, suffix, extension),
  );
}

/** Options of {@link JsonFileReportSink}. */
export interface JsonFileReportSinkOptions {
  /** Directory of the report files; created when missing. */
  outputDir: string;
  /** The instant the file is named after; default: when emitted. */
  now?: Date | undefined;
  /** Where the report's temporary files go while it is written (default: the system's). */
  tempDir?: string | undefined;
}

/** Writes each report it receives to a new JSON file in `outputDir`. */
export class JsonFileReportSink implements ReportSink {
  readonly outputDir: string;
  /** Paths written so far, in order. */
  readonly written: string[] = [];
  private readonly now: Date | undefined;
  private readonly tempDir: string | undefined;

  constructor(options: JsonFileReportSinkOptions) {
    this.outputDir = argumentChecks.nonEmptyString(
      options?.outputDir,
      'JsonFileReportSink outputDir',
    );
    this.now = options.now;
    this.tempDir = options.tempDir;
  }

  emit(report: TestRunReport): void {
    // Streamed into the temporary file: a million Results would not fit one string.
    this.written.push(
      writeReportFileSync(
        this.outputDir,
        serializeReportChunks(report, this.tempDir === undefined ? {} : { tempDir: this.tempDir }),
        this.now ?? new Date(),
      ),
    );
  }
}
