/**
 * `rampart/reporter`: receives each test file's Results from the spool,
 * builds the run report and trial-group verdicts, prints the safety summary,
 * emits the sinks, and fails the run when it is incomplete or a trial gate
 * failed. Jest callbacks stay thin; the work lives in RunAccumulator, the
 * report renderers and the sinks.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { TestRunReport } from '../model/run-report';
import type { JsonFileReportSink } from '../report/json-file-sink';
import { type ReportSink, emitToSinks } from '../report/sink';
import { type ReportEmission, closingLines } from '../report/closing-lines';
import { type BaselineComparison, compareReports, regressionsOf } from '../report/comparison';
import { loadSinkModules } from '../report/sink-modules';
import { rampartVersion } from '../report/package-version';
import { gitCommit } from './git-commit';
import { detectJestVersion } from './jest-version';
import {
  type JestFileOutcome,
  type NotRunTest,
  RunAccumulator,
  type TestFileRef,
} from './run-accumulator';
import {
  type RampartReporterOptions,
  type ResolvedReporterOptions,
  plannedOutputs,
  resolveReporterOptions,
} from './reporter-options';
import { preflightOutputs } from '../report/output-preflight';
import { createIgnoredOutputFolder } from '../report/ignored-output-folder';
import { sanitizeLine } from '../report/terminal-text';
import { describeError, describeValue, errorParts } from '../model/value-description';
import { spacedBlock, stderrChalk, terminalWidth, writeLines } from '../report/terminal-output';
import { type JestProject, projectOfUnknown } from './project-identity';
import { type WatchedProject, reportWouldRetrigger } from './watch-loop';
import { RUN_ENV_VAR, encodeChannel } from './transport/channel';
import { MODEL_CALLS_ENV, workerShare } from '../model/model-call-options';
import { readSpoolDir } from './transport/spool-reader';
import { STRAY_DIR, readStrayLines } from './transport/stray-spool';
import { spoolDirFor } from './transport/spool-files';
import { createRunDirectory, sweepAbandonedRunDirectories } from './transport/run-directory';

/* eslint-disable @typescript-eslint/no-require-imports */
/**
 * The outputs, the baseline's reader and its text, loaded when a run uses
 * them: the parent of every Jest run loads the reporter, and a module it
 * loads and does not use is overhead plain Jest does not have
 * (docs/architecture.md, "Layers loaded on first use").
 */
const outputs = {
  json: () => require('../report/json-file-sink') as typeof import('../report/json-file-sink'),
  jsonReport: () => require('../report/json-report') as typeof import('../report/json-report'),
  html: () => require('../report/html-file-sink') as typeof import('../report/html-file-sink'),
  htmlReport: () => require('../report/html-report') as typeof import('../report/html-report'),
  ciFiles: () => require('../report/ci-file-sinks') as typeof import('../report/ci-file-sinks'),
  github: () =>
    require('../report/github-actions-sink') as typeof import('../report/github-actions-sink'),
  reportReader: () =>
    require('../report/report-reader') as typeof import('../report/report-reader'),
  comparisonText: () =>
    require('../report/comparison-text') as typeof import('../report/comparison-text'),
};
/* eslint-enable @typescript-eslint/no-require-imports */

/** A built-in sink that writes files: the paths it wrote, printed after the summary. */
interface FileSink {
  readonly written: readonly string[];
}

/** A built-in sink the exit-time end emits synchronously. */
interface SyncSink {
  emit(report: TestRunReport): void;
}

/** The sinks of a run's normal end, and which of them are the built-in file sinks, in order. */
interface RunSinks {
  sinks: ReportSink[];
  warnings: string[];
  json: JsonFileReportSink | undefined;
  files: FileSink[];
}

/** The parts of Jest's global config the reporter reads. */
export interface ReporterGlobalConfig {
  rootDir: string;
  watch?: boolean;
  watchAll?: boolean;
  shard?: { shardIndex: number; shardCount: number } | null;
  collectTests?: boolean;
  /** Jest's project list (paths or inline configs); more than one qualifies test ids. */
  projects?: readonly unknown[];
  /** `-t`: tells a trial clone filtered out from a skipped one. */
  testNamePattern?: string | null;
  /** How many workers Jest may run. */
  maxWorkers?: number;
}

/** The parts of a Jest test the reporter reads; `context.config` is the project config. */
export interface ReporterTest {
  path: string;
  context?: { config?: unknown };
}

/** The parts of a Jest test file result the reporter reads. */
export interface ReporterFileResult {
  /** Whatever the test file threw: usually an error-like object, but any value. */
  testExecError?: unknown;
  testResults: ReadonlyArray<{
    status: string;
    title?: string;
    ancestorTitles?: readonly string[];
    fullName?: string;
  }>;
}

/** The parts of Jest's aggregated result the reporter reads. */
export interface ReporterAggregatedResult {
  numTotalTestSuites: number;
  testResults: readonly unknown[];
}

export type { RampartReporterOptions };

/** The RAMPART Jest reporter. */
export class RampartReporter {
  private readonly options: ResolvedReporterOptions;
  private readonly rootDir: string;
  private readonly runDir: string;
  private readonly accumulator: RunAccumulator;
  private readonly consumed = new Set<string>();
  /** The sweep of abandoned runs' folders, under way off the main thread. */
  private readonly sweep: Promise<void>;
  private startedAt = Date.now();
  /** True when the default output folder did not exist at the start of the run. */
  private ignoreOutputFolder = false;
  private failure: Error | undefined;
  /** running -> completing (onRunComplete under way) -> done. */
  private phase: 'running' | 'completing' | 'done' = 'running';
  private readonly exitHandler = (code: number): void => this.onProcessExit(code);

  constructor(
    private readonly globalConfig: ReporterGlobalConfig,
    options?: RampartReporterOptions,
  ) {
    this.rootDir = globalConfig.rootDir;
    this.options = withoutStack(() => resolveReporterOptions(options, this.rootDir));
    this.accumulator = new RunAccumulator({
      rootDir: this.rootDir,
      configuredProjects: Array.isArray(globalConfig.projects) ? globalConfig.projects.length : 1,
      testNamePattern: globalConfig.testNamePattern ?? null,
    });
    this.sweep = sweepAbandonedRunDirectories();
    // A fresh private directory per run, so runs never mix.
    this.runDir = createRunDirectory();
    // Set before Jest spawns any worker, so every worker of this run inherits it.
    process.env[RUN_ENV_VAR] = encodeChannel({
      v: 1,
      dir: this.runDir,
      ownerPid: process.pid,
      maxResultBytes: this.options.maxResultBytes,
    });
    this.publishModelCalls(globalConfig.maxWorkers ?? 1);
    process.on('exit', this.exitHandler);
  }

  /**
   * Hands each worker its share of the run-wide model-call options through
   * the environment it inherits (docs/real-endpoints.md, "Where it is
   * configured"); set again at run start, when the number of test files
   * bounds the workers Jest will start.
   */
  private publishModelCalls(workers: number): void {
    if (!this.options.modelCalls) return;
    process.env[MODEL_CALLS_ENV] = JSON.stringify(
      workerShare(this.options.modelCalls, Math.max(1, workers)),
    );
  }

  onRunStart(results?: { numTotalTestSuites?: number }): void {
    this.startedAt = Date.now();
    const files = results?.numTotalTestSuites;
    if (typeof files === 'number' && files > 0)
      this.publishModelCalls(Math.min(this.globalConfig.maxWorkers ?? 1, files));
    writeLines(this.options.notes.map((note) => stderrChalk().yellow(note)));
    // A run that only collects tests writes no report: nothing to check.
    const collecting = this.globalConfig.collectTests === true;
    const problems = collecting ? [] : preflightOutputs(plannedOutputs(this.options));
    if (problems.length > 0) this.stopBeforeRun(problems);
    this.ignoreOutputFolder =
      this.options.defaultOutputDir && !fs.existsSync(this.options.outputDir);
  }

  /**
   * Ends the run before any test runs: Jest prints the thrown error and exits
   * with code 1. Its stack is its message, since a stack into RAMPART would
   * only hide the problem.
   */
  private stopBeforeRun(problems: readonly string[]): never {
    this.phase = 'done';
    process.removeListener('exit', this.exitHandler);
    this.cleanUp();
    const message = [
      'RAMPART stops the run before any test runs: its report could not be written.',
      ...problems.map((problem) => `  - ${sanitizeLine(problem)}`),
    ].join('\n');
    const error = new Error(message);
    error.stack = message;
    throw error;
  }

  /** Creates RAMPART's default output folder, ignored in git, when this run is the one that makes it. */
  private prepareOutputFolder(): void {
    if (this.ignoreOutputFolder) createIgnoredOutputFolder(this.options.outputDir);
  }

  onTestFileResult(test: ReporterTest, result: ReporterFileResult): void {
    const ranTests = result.testResults.filter(
      (t) => t.status === 'passed' || t.status === 'failed',
    ).length;
    const execError =
      result.testExecError !== undefined && result.testExecError !== null
        ? execErrorText(result.testExecError)
        : undefined;
    const notRun: NotRunTest[] = [];
    for (const t of result.testResults) {
      if (t.status === 'passed' || t.status === 'failed' || typeof t.title !== 'string') continue;
      const ancestors = Array.isArray(t.ancestorTitles) ? t.ancestorTitles.map(String) : [];
      const fullName =
        typeof t.fullName === 'string' ? t.fullName : [...ancestors, t.title].join(' ');
      notRun.push({ ancestors, title: t.title, fullName });
    }
    const project = projectOfUnknown(test.context?.config);
    this.absorbFile(
      { project, testPath: test.path },
      { ranTests, notRun, ...(execError !== undefined ? { execError } : {}) },
    );
  }

  async onRunComplete(
    contexts: Iterable<WatchedProject> | undefined,
    aggregated: ReporterAggregatedResult,
  ): Promise<void> {
    this.phase = 'completing';
    try {
      for (const context of contexts ?? []) {
        const project = projectOfUnknown(context.config);
        if (project) this.accumulator.addProject(project);
      }
      const stopped =
        aggregated.testResults.length < aggregated.numTotalTestSuites
          ? `Jest stopped before every test file ran (${aggregated.testResults.length} of ${aggregated.numTotalTestSuites}; --bail or an interrupted run)`
          : undefined;
      const report = this.closeRun(stopped);
      const baseline = this.compareWithBaseline(report);
      const sinks = await this.sinks(contexts ?? [], baseline);
      this.conclude(report, baseline, sinks.warnings, await this.emit(report, sinks));
    } finally {
      await this.sweep;
      this.phase = 'done';
      process.removeListener('exit', this.exitHandler);
      this.cleanUp();
    }
  }

  /** Jest exits with code 1 when this returns an error. */
  getLastError(): Error | undefined {
    return this.failure;
  }

  private absorbFile(file: TestFileRef, jest: JestFileOutcome): void {
    const dir = spoolDirFor(this.runDir, file.project?.id ?? '', file.testPath);
    if (this.consumed.has(dir)) return;
    this.consumed.add(dir);
    const instances = readSpoolDir(dir);
    // Tests ran, cleanly, and left no spool: the file's environment does not collect.
    if (instances.length === 0 && jest.execError === undefined && jest.ranTests > 0)
      this.accumulator.addForeignFile(file);
    this.accumulator.addFile(file, instances, jest);
  }

  /** Spool of files Jest never reported (a crash of Jest itself, or process exit in band). */
  private absorbRemaining(): void {
    let entries: string[];
    try {
      entries = fs.readdirSync(this.runDir);
    } catch {
      return;
    }
    for (const entry of entries.sort()) {
      if (entry === STRAY_DIR) continue;
      const dir = path.join(this.runDir, entry);
      if (this.consumed.has(dir)) continue;
      this.consumed.add(dir);
      const instances = readSpoolDir(dir);
      const open = instances.find((i) => i.open)?.open;
      const project: JestProject | null = open ? open.project : null;
      this.accumulator.addFile(
        open ? { project, testPath: open.testPath } : { project: null, testPath: entry },
        instances,
      );
    }
  }

  /**
   * The run's report, from everything delivered so far: the spool of files
   * Jest never reported is read, `reason` (when given) makes the run
   * incomplete, and the stray Results are added. Both ends of a run start here.
   */
  private closeRun(reason: string | undefined): TestRunReport {
    this.absorbRemaining();
    if (reason !== undefined) this.accumulator.addReason(reason);
    const strays = readStrayLines(this.runDir);
    for (const problem of strays.problems) this.accumulator.addReason(problem);
    this.accumulator.addStrayResults(strays.lines);
    const finishedAt = Date.now();
    const metadata: Record<string, unknown> = {
      jest_version: detectJestVersion(this.rootDir),
      worker_count: this.accumulator.workerCount,
      started_at: new Date(this.startedAt).toISOString(),
      finished_at: new Date(finishedAt).toISOString(),
      rampart_version: rampartVersion(),
      node_version: process.version,
      jest_projects: this.accumulator.projectLabelList(),
    };
    const commit = gitCommit(this.rootDir);
    if (commit !== null) metadata.git_commit = commit;
    const shard = this.globalConfig.shard;
    if (shard) metadata.shard = { shard_index: shard.shardIndex, shard_count: shard.shardCount };
    return this.accumulator.buildReport({
      durationSeconds: (finishedAt - this.startedAt) / 1000,
      metadata,
      modelPrices: this.options.modelPrices,
    });
  }

  /**
   * Prints the closing lines and records the run's failure for Jest. Both
   * ends of a run finish here; they differ only in how the report is emitted.
   */
  private conclude(
    report: TestRunReport,
    baseline: BaselineComparison | undefined,
    warnings: readonly string[],
    emission: ReportEmission,
  ): void {
    const chalk = stderrChalk();
    const { lines, failure } = closingLines(report, {
      width: terminalWidth(),
      chalk,
      intervals: this.options.intervals,
      spillDir: this.runDir,
      afterPopulation: baseline?.comparison
        ? outputs.comparisonText().baselineBlock(baseline.comparison, {
            chalk,
            baseline: baseline.file,
            regressions: baseline.regressions,
          })
        : [],
      warnings: [...this.accumulator.warnings(), ...warnings],
      emission,
      gate: {
        failOnTrialGate: this.options.failOnTrialGate,
        failOn: this.options.failOn,
        maxAttackSuccessRate: this.options.maxAttackSuccessRate,
        regressions: baseline?.regressions ?? [],
        baselineProblem: baseline?.problem ?? null,
      },
    });
    if (failure) this.failure = new Error(failure);
    writeLines(spacedBlock(lines));
  }

  /**
   * The comparison with the `baseline` option's report, computed once and
   * handed to the summary, the HTML page and the GitHub job summary: the
   * regressions that fail the run, or why the baseline could not be read
   * (which fails the run: a gate that cannot be checked is not passed).
   */
  private compareWithBaseline(report: TestRunReport): BaselineComparison | undefined {
    const file = this.options.baseline;
    if (file === null) return undefined;
    const shown = displayPath(file);
    let baseline: TestRunReport;
    try {
      baseline = outputs.reportReader().readReportFile(file).report;
    } catch (error) {
      return { file: shown, comparison: null, regressions: [], problem: errorParts(error).message };
    }
    const comparison = compareReports(baseline, report);
    const regressions = regressionsOf(comparison, this.options.baselineFailOn);
    return { file: shown, comparison, regressions, problem: null };
  }

  /** The normal end: every sink, the built-in JSON sink first, each once (none in --listTests-style runs). */
  private async emit(report: TestRunReport, run: RunSinks): Promise<ReportEmission> {
    const collecting = this.globalConfig.collectTests === true;
    if (!collecting && run.json !== undefined) this.prepareOutputFolder();
    const warnings = collecting
      ? []
      : await emitToSinks(run.sinks, report, { timeoutMs: this.options.sinkTimeoutMs });
    return {
      files: writtenFiles(run.files).map(displayPath),
      warnings,
      // The JSON report is what CI dashboards read: a run without it is not green.
      reportLost: run.json !== undefined && !collecting && run.json.written.length === 0,
    };
  }

  /** The exit-time end: only what can be done synchronously, the built-in formats. */
  private emitOnExit(
    report: TestRunReport,
    baseline: BaselineComparison | undefined,
  ): ReportEmission {
    const now = new Date();
    if (this.options.json || this.options.html) this.prepareOutputFolder();
    const { outputDir, failOnTrialGate } = this.options;
    const json = this.options.json
      ? outputs
          .json()
          .writeReportFileSync(
            outputDir,
            outputs.jsonReport().serializeReportChunks(report, { tempDir: this.runDir }),
            now,
          )
      : undefined;
    const files = json === undefined ? [] : [displayPath(json)];
    const warnings =
      this.options.sinks.length > 0
        ? ['sink modules were not emitted because Jest exited early.']
        : [];
    const formats = this.formatSinks(now, baseline, true);
    for (const sink of formats.sinks) {
      try {
        sink.emit(report);
      } catch (error) {
        warnings.push(
          `${sink.constructor.name}.emit failed — report may not be persisted. (${describeError(error)})`,
        );
      }
    }
    files.push(...writtenFiles(formats.files).map(displayPath));
    // A page that cannot be written costs the page only, not the reports already written.
    if (this.options.html) {
      try {
        const chunks = outputs.htmlReport().htmlReportChunks(report, {
          failOnTrialGate,
          failOn: this.options.failOn,
          maxAttackSuccessRate: this.options.maxAttackSuccessRate,
          baseline,
        });
        files.push(displayPath(outputs.html().writeHtmlFileSync(outputDir, chunks, json)));
      } catch (error) {
        warnings.push(`the HTML report could not be written (${describeError(error)}).`);
      }
    }
    return { files, warnings, reportLost: false };
  }

  /**
   * The built-in sinks besides JSON (JUnit, SARIF, GitHub Actions), as the
   * options ask; JUnit and SARIF only with `withFiles`.
   */
  private formatSinks(
    now: Date,
    baseline: BaselineComparison | undefined,
    withFiles: boolean,
  ): { sinks: SyncSink[]; files: FileSink[] } {
    const { junit, sarif, github, outputDir } = this.options;
    const files: Array<SyncSink & FileSink> = [];
    if (withFiles && junit)
      files.push(
        new (outputs.ciFiles().JUnitFileSink)({ outputDir, outputFile: junit.outputFile, now }),
      );
    if (withFiles && sarif)
      files.push(
        new (outputs.ciFiles().SarifFileSink)({
          outputDir,
          outputFile: sarif.outputFile,
          now,
          rootDir: this.rootDir,
        }),
      );
    const sinks: SyncSink[] = [...files];
    if (github)
      sinks.push(
        new (outputs.github().GitHubActionsSink)({
          rootDir: this.rootDir,
          workspace: process.env.GITHUB_WORKSPACE || undefined,
          summaryFile: process.env.GITHUB_STEP_SUMMARY || undefined,
          failOnTrialGate: this.options.failOnTrialGate,
          failOn: this.options.failOn,
          maxAttackSuccessRate: this.options.maxAttackSuccessRate,
          baseline,
        }),
      );
    return { sinks, files };
  }

  private async sinks(
    projects: Iterable<WatchedProject>,
    baseline: BaselineComparison | undefined,
  ): Promise<RunSinks> {
    const warnings: string[] = [];
    let { json, html } = this.options;
    let retrigger = false;
    const watching = this.globalConfig.watch === true || this.globalConfig.watchAll === true;
    if ((json || html) && watching && reportWouldRetrigger(this.options.outputDir, projects)) {
      json = false;
      html = false;
      retrigger = true;
      warnings.push(
        `The JSON report is not written in watch mode: Jest watches ${this.options.outputDir} and each report would start another run. Add it to watchPathIgnorePatterns to get reports while watching.`,
      );
    }
    // One instant names every file of the run (run_report_<stamp>.json, .junit.xml, .sarif).
    const now = new Date();
    const jsonSink = json
      ? new (outputs.json().JsonFileReportSink)({
          outputDir: this.options.outputDir,
          now,
          tempDir: this.runDir,
        })
      : undefined;
    // Files in outputDir would start another run in watch mode, as the JSON report would.
    const formats = this.formatSinks(now, baseline, !retrigger);
    const builtIn: ReportSink[] = [...(jsonSink ? [jsonSink] : []), ...formats.sinks];
    if (this.options.github?.explicit && !process.env.GITHUB_STEP_SUMMARY)
      warnings.push(
        'GITHUB_STEP_SUMMARY is not set: the GitHub job summary is not written (the annotations are printed).',
      );
    const loaded = await loadSinkModules(this.options.sinks, {
      rootDir: this.rootDir,
      outputDir: this.options.outputDir,
    });
    // The page goes last, named after the JSON report: sink modules keep their numbers ("sink #2").
    const page = html
      ? [
          new (outputs.html().HtmlFileReportSink)({
            outputDir: this.options.outputDir,
            failOnTrialGate: this.options.failOnTrialGate,
            failOn: this.options.failOn,
            maxAttackSuccessRate: this.options.maxAttackSuccessRate,
            baseline,
            ...(jsonSink ? { companion: () => jsonSink.written.at(-1) } : {}),
          }),
        ]
      : [];
    return {
      sinks: [...builtIn, ...loaded.sinks, ...page],
      warnings: [...warnings, ...loaded.warnings],
      json: jsonSink,
      files: [...(jsonSink ? [jsonSink] : []), ...formats.files, ...page],
    };
  }

  /**
   * Jest is exiting before onRunComplete (process.exit in a test in band, or a
   * crash): write the partial report synchronously and make the exit code 1.
   */
  private onProcessExit(code: number): void {
    if (this.phase === 'done') return;
    if (this.phase === 'completing') {
      // The event loop ran dry while the reporter was still at work.
      writeLines([
        '',
        'RAMPART: Jest exited before the reporter finished (a sink left nothing to wait for?); the run fails.',
      ]);
      if (!process.exitCode) process.exitCode = 1;
      this.cleanUp();
      return;
    }
    this.phase = 'done';
    try {
      const report = this.closeRun(
        `Jest exited (code ${code}) before the run completed — process.exit() in a test or a crash; the report is partial`,
      );
      const baseline = this.compareWithBaseline(report);
      this.conclude(report, baseline, [], this.emitOnExit(report, baseline));
    } catch (error) {
      writeLines([`RAMPART could not write the partial report: ${describeError(error)}`]);
    } finally {
      if (!process.exitCode) process.exitCode = 1;
      this.cleanUp();
    }
  }

  private cleanUp(): void {
    if (!this.options.keepTransport) fs.rmSync(this.runDir, { recursive: true, force: true });
    else writeLines([`RAMPART transport kept in ${this.runDir}`]);
  }
}

/**
 * What a test file threw, for the incomplete reason: Jest passes Errors as
 * `{ message, stack }` (the message names the error already), and anything
 * else (a string, a plain object) as is.
 */
function execErrorText(error: unknown): string {
  const { message } = errorParts(error);
  return message.length > 0 ? message : describeValue(error);
}

/** The report files the built-in file sinks wrote, in sink order. */
function writtenFiles(sinks: readonly FileSink[]): string[] {
  return sinks.flatMap((sink) => sink.written);
}

/**
 * Runs `check`; a TypeError it throws (a bad option) is shown by Jest as its
 * message alone: a stack through RAMPART and Jest would bury the one line
 * that says what to fix.
 */
function withoutStack<T>(check: () => T): T {
  try {
    return check();
  } catch (error) {
    if (error instanceof TypeError) error.stack = `${error.name}: ${error.message}`;
    throw error;
  }
}

/** A file as the reporter prints it: relative to the working directory. */
function displayPath(file: string): string {
  return path.relative(process.cwd(), file) || file;
}

export default RampartReporter;
