/**
 * `JsonFileReportSink`: writes `run_report_<UTC timestamp with ms>.json`.
 * The report is written under a temporary name and appears only when complete
 * (hard-linked into place, which fails instead of replacing an existing file),
 * so a crash or a serialisation error never leaves a partial report; a name
 * that is taken gets a random suffix. Never overwrites.
 */
import { writeNewFileSync, writeUniqueFileSync } from '../model/exclusive-file';
import type { TestRunReport } from '../model/run-report';
import { serializeReportChunks } from './json-report';
import type { ReportSink } from './sink';
import { argumentChecks } from '../model/value-checks';

/** `run_report_2026-04-25T14-30-00-123.json` for the given instant (UTC). */
export function reportFileName(now: Date, suffix = ''): string {
  const stamp = now.toISOString().replace(/:/g, '-').replace('.', '-').replace(/Z$/, '');
  return `run_report_${stamp}${suffix ? `_${suffix}` : ''}.json`;
}

/** Report text: one string, or pieces written one after the other (large reports). */
export type ReportText = string | Iterable<string>;

/** Writes a report to a new file in `dir`; returns its path. Synchronous (usable on process exit). */
export function writeReportFileSync(dir: string, content: ReportText, now = new Date()): string {
  return writeUniqueFileSync(dir, content, (suffix) => reportFileName(now, suffix));
}

/** Writes a report to exactly `file`, atomically; throws when `file` exists. */
export { writeNewFileSync };

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
    this.outputDir = argumentChecks.nonEmptyString(
      options?.outputDir,
      'JsonFileReportSink outputDir',
    );
  }

  emit(report: TestRunReport): void {
    // Streamed into the temporary file: a million Results would not fit one string.
    this.written.push(writeReportFileSync(this.outputDir, serializeReportChunks(report)));
  }
}
