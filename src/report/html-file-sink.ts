/**
 * `HtmlFileReportSink`: writes the HTML page of each report it receives
 * (docs/html-report.md) next to the JSON report, under the same name with
 * `.html` (`run_report_<stamp>.html`), or under a name of its own when no
 * JSON report was written. Written like the JSON report: streamed into a
 * temporary file that appears only when complete, never over another file.
 */
import * as path from 'node:path';
import { writeUniqueFileSync } from '../model/exclusive-file';
import type { TestRunReport } from '../model/run-report';
import { argumentChecks } from '../model/value-checks';
import { reportFileName } from './json-file-sink';
import { type HtmlReportOptions, htmlReportChunks } from './html-report';
import type { ReportSink } from './sink';

/** Options of {@link HtmlFileReportSink}. */
export interface HtmlFileReportSinkOptions extends HtmlReportOptions {
  /** Directory of the pages; created when missing. */
  outputDir: string;
  /** The JSON report this page goes with, when one was written: the page takes its name. */
  companion?: () => string | undefined;
}

/** Writes each report it receives to a new HTML file in `outputDir`. */
export class HtmlFileReportSink implements ReportSink {
  readonly outputDir: string;
  /** Paths written so far, in order. */
  readonly written: string[] = [];
  private readonly options: HtmlFileReportSinkOptions;

  constructor(options: HtmlFileReportSinkOptions) {
    this.outputDir = argumentChecks.nonEmptyString(
      options?.outputDir,
      'HtmlFileReportSink outputDir',
    );
    this.options = options;
  }

  emit(report: TestRunReport): void {
    const json = this.options.companion?.();
    const reportLost = this.options.reportLost ?? (this.options.companion !== undefined && !json);
    const chunks = htmlReportChunks(report, {
      failOnTrialGate: this.options.failOnTrialGate,
      failOn: this.options.failOn,
      maxAttackSuccessRate: this.options.maxAttackSuccessRate,
      reportLost,
      baseline: this.options.baseline,
    });
    this.written.push(writeHtmlFileSync(this.outputDir, chunks, json));
  }
}

/**
 * Writes a page to a new file in `dir`: `<json name>.html` when it goes with
 * a JSON report, else `run_report_<now>.html`; a random suffix when the name
 * is taken.
 */
export function writeHtmlFileSync(dir: string, content: Iterable<string>, json?: string): string {
  const base =
    json !== undefined
      ? path.basename(json).replace(/\.json$/, '')
      : reportFileName(new Date()).replace(/\.json$/, '');
  return writeUniqueFileSync(dir, content, (suffix) => `${base}${suffix ? `_${suffix}` : ''}.html`);
}
