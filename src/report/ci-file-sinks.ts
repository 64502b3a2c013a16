/**
 * The file sinks of the CI formats (docs/ci-formats.md): JUnit XML and
 * SARIF, each written next to the JSON report under the same stamp
 * (`run_report_<stamp>.junit.xml`, `run_report_<stamp>.sarif`) or to the
 * `outputFile` the user names, streamed into a new file, never overwriting.
 */
import type { TestRunReport } from '../model/run-report';
import { argumentChecks } from '../model/value-checks';
import { type FormatFileOptions, writeFormatFileSync } from './json-file-sink';
import { renderJUnit } from './junit-report';
import { type SarifOptions, renderSarif } from './sarif-report';
import type { ReportSink } from './sink';

function checked(options: FormatFileOptions, sink: string): FormatFileOptions {
  argumentChecks.nonEmptyString(options?.outputDir, `${sink} outputDir`);
  if (options.outputFile !== undefined)
    argumentChecks.nonEmptyString(options.outputFile, `${sink} outputFile`);
  return { ...options };
}

/** Writes each report it receives as JUnit XML (`….junit.xml`). */
export class JUnitFileSink implements ReportSink {
  /** Paths written so far, in order. */
  readonly written: string[] = [];
  private readonly options: FormatFileOptions;

  constructor(options: FormatFileOptions) {
    this.options = checked(options, 'JUnitFileSink');
  }

  emit(report: TestRunReport): void {
    this.written.push(writeFormatFileSync(this.options, '.junit.xml', renderJUnit(report)));
  }
}

/** Writes each report it receives as SARIF 2.1.0 (`….sarif`). */
export class SarifFileSink implements ReportSink {
  /** Paths written so far, in order. */
  readonly written: string[] = [];
  private readonly options: FormatFileOptions & SarifOptions;

  constructor(options: FormatFileOptions & SarifOptions) {
    this.options = { ...checked(options, 'SarifFileSink'), rootDir: options.rootDir };
  }

  emit(report: TestRunReport): void {
    this.written.push(
      writeFormatFileSync(this.options, '.sarif', renderSarif(report, this.options)),
    );
  }
}
