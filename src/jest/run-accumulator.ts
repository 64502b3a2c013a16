/**
 * Reporter-side aggregation of what the environments delivered: one entry per
 * test attempt of each Jest project, exactly once, whatever the worker layout
 * or re-runs; every reason the run is incomplete; the files that ran outside
 * RAMPART; the report and its trial-group verdicts. Tests are keyed by
 * project from the start; public ids are qualified by the project's label
 * only in a multi-project run (docs/reporter.md, "How the test id is formed").
 * A test keeps the counts of its Results and where they are in the spool,
 * not the Results: the report reads them again, one at a time, in report
 * order (docs/architecture.md, "The report of a large run").
 */
import { MODEL_USAGE_KEY } from '../model/model-usage';
import { type ModelPrices, costEstimate } from '../model/model-cost';
import type { Result } from '../model/result';
import { RESULT_TAGS, type TestLocation, compareText } from '../model/result-tags';
import { type ResultSource, TestRunReport } from '../model/run-report';
import { ResultDigest, UNCATEGORIZED, categoryKey } from '../model/result-digest';
import { SchemaError, decodeResult } from '../model/result-codec';
import { TrialGroupResult, classifyTrialClones } from '../model/trial-group';
import { describeError, describeValue } from '../model/value-description';
import {
  FILES_WITHOUT_RAMPART_KEY,
  filesWithoutRampartEntry,
} from '../report/files-without-rampart';
import { namesInSeveralProjects } from '../report/summary';
import { type JestProject, projectLabels, qualified } from './project-identity';
import { relativeTestPath, testIdOf, trialCloneTitle } from './test-identity';
import type { PlannedGroup, StrayLine, TestLine } from './transport/spool-format';
import { TRUNCATED_KEY } from './transport/result-envelope';
import {
  type LineSpan,
  type SpoolInstance,
  type SpooledLate,
  type SpooledTest,
  readSpoolResults,
} from './transport/spool-reader';

/** What Jest itself said about a test file. */
export interface JestFileOutcome {
  /** `testExecError` message, when the file failed to run. */
  execError?: string;
  /** Tests that ran to an outcome (passed or failed). */
  ranTests: number;
  /** Tests Jest did not run (skipped, filtered by -t, todo), as Jest names them. */
  notRun?: ReadonlyArray<NotRunTest>;
}

/** A test Jest reported without running it. */
export interface NotRunTest {
  ancestors: readonly string[];
  title: string;
  /** Jest's full name, what `-t` (testNamePattern) is matched against. */
  fullName: string;
}

/** A test file as the reporter knows it. */
export interface TestFileRef {
  /** The Jest project that ran it; null when unknown. */
  project: JestProject | null;
  /** Absolute path (with a project), or a label to print as is (without). */
  testPath: string;
}

/** Options of {@link RunAccumulator}. */
export interface RunAccumulatorOptions {
  /** The run's rootDir: file names of a single-project run are relative to it. */
  rootDir?: string;
  /** Number of projects in Jest's configuration; more than one qualifies ids. */
  configuredProjects?: number;
  /** Jest's `testNamePattern` (`-t`), to tell a filtered test from a skipped one. */
  testNamePattern?: string | null;
  /**
   * Spool bytes of Results kept decoded in memory (default 16 MiB): a run
   * whose Results stay within it is not read again; beyond it, every Result
   * is read back from the spool when needed (0: always).
   */
  heldResultBytes?: number;
}

/** Default of {@link RunAccumulatorOptions.heldResultBytes}. */
const HELD_RESULT_BYTES = 16 * 1024 * 1024;

/**
 * Where some of a test's Results are: lines of a spool file, or the
 * serialised Results themselves when a record came without its place
 * (records built in memory).
 */
type ResultPiece = (
  { file: string; spans: readonly LineSpan[] } | { values: readonly unknown[] }
) & {
  late: boolean;
  /** Positions of the values that did not decode on arrival (they are skipped again). */
  dropped: number[];
};

/** One delivered test attempt: its Results are decoded and counted on arrival, read again for the outputs. */
interface CollectedTest {
  /** Project id ('' when unknown). */
  project: string;
  id: string;
  title: string;
  ancestors: string[];
  attempt: number;
  harm: string | null;
  trial: TestLine['trial'];
  outcome: TestLine['outcome'];
  /** The `_jest_test_location` tag: file relative to the run's rootDir. */
  location: TestLocation | null;
  worker: string;
  instance: string;
  /** Where its Results are, late ones last. */
  pieces: ResultPiece[];
  /** Counts of its Results (every one that decoded), tagged as the report tags them. */
  digest: ResultDigest;
  /** Its decoded Results while the run's are within the held budget; null once read back. */
  held: Result[] | null;
  late: number;
  /** Metadata keys that could not be represented as JSON; null when none. */
  lossy: Set<string> | null;
}

function firstLine(text: string): string {
  return (
    text
      .split('\n')
      .find((line) => line.trim().length > 0)
      ?.trim() ?? text
  );
}

/** Jest's own reading of `-t`: a case-insensitive regular expression; null when unset or invalid. */
function namePattern(pattern: string | null | undefined): RegExp | null {
  if (typeof pattern !== 'string' || pattern.length === 0) return null;
  try {
    return new RegExp(pattern, 'i');
  } catch {
    return null;
  }
}

const key = (...parts: Array<string | number>): string => parts.join('\u0000');

/** Accumulates delivered tests and problems over a run. */
export class RunAccumulator {
  private readonly tests = new Map<string, CollectedTest>();
  private readonly groups = new Map<string, PlannedGroup & { project: string }>();
  /** Reasons, with the file they concern; labelled when read (labels need every project). */
  private readonly reasons: Array<{ file: TestFileRef | null; text: string }> = [];
  private readonly workers = new Set<string>();
  private readonly projects = new Map<string, JestProject>();
  private readonly foreignFiles: TestFileRef[] = [];
  /** Tests Jest did not run, by project and test id: full name. */
  private readonly notRun = new Map<string, string>();
  private readonly rootDir: string;
  private readonly configuredProjects: number;
  private readonly testNamePattern: RegExp | null;
  private readonly heldResultBytes: number;
  /** Spool bytes of the Results absorbed so far; while within the budget, tests hold theirs. */
  private absorbedBytes = 0;
  private holding: boolean;
  /** Test files relative to the rootDir, by absolute path: every test of a file has the same one. */
  private readonly relativeFiles = new Map<string, string>();

  constructor(options: RunAccumulatorOptions = {}) {
    this.rootDir = options.rootDir ?? '';
    this.configuredProjects = options.configuredProjects ?? 1;
    this.testNamePattern = namePattern(options.testNamePattern);
    this.heldResultBytes = options.heldResultBytes ?? HELD_RESULT_BYTES;
    this.holding = this.heldResultBytes > 0;
  }

  /** Marks the run incomplete (identical reasons are kept once). */
  addReason(reason: string): void {
    this.reasons.push({ file: null, text: reason });
  }

  private addFileReason(file: TestFileRef, text: string): void {
    this.reasons.push({ file, text });
  }

  /** Reasons the run is incomplete, in the order found. */
  get incompleteReasons(): string[] {
    const labels = this.labels();
    const rendered = this.reasons.map(({ file, text }) =>
      file ? `${this.fileLabel(file, labels)}: ${text}` : text,
    );
    return [...new Set(rendered)];
  }

  /** Tells the accumulator about a project of the run (its label takes every project into account). */
  addProject(project: JestProject): void {
    if (!this.projects.has(project.id)) this.projects.set(project.id, project);
  }

  /** The labels of the run's Jest projects, sorted (docs/diff-and-gates.md, "Run facts"). */
  projectLabelList(): string[] {
    return [...this.labels().values()].sort(compareText);
  }

  /** True when ids must name their project: Jest's config has several, or several delivered. */
  get multiProject(): boolean {
    return this.configuredProjects > 1 || this.projects.size > 1;
  }

  private labels(): Map<string, string> {
    return projectLabels(this.projects.values(), this.rootDir).labels;
  }

  private labelOf(project: string, labels: Map<string, string>): string | null {
    return this.multiProject ? (labels.get(project) ?? null) : null;
  }

  /** How a file is named in reasons and listings. */
  private fileLabel(file: TestFileRef, labels: Map<string, string>): string {
    const { project, testPath } = file;
    if (!project) return testPath;
    const label = this.labelOf(project.id, labels);
    return label === null
      ? relativeTestPath(this.rootDir, testPath)
      : qualified(label, relativeTestPath(project.rootDir, testPath));
  }

  /** The public id of a test or trial group (`[label] id` in a multi-project run). */
  private publicId(project: string, id: string, labels: Map<string, string>): string {
    const label = this.labelOf(project, labels);
    return label === null ? id : qualified(label, id);
  }

  /**
   * Jest ran tests of this file, and no spool appeared for it: it runs in an
   * environment without RAMPART collection (testEnvironment 'node', 'jsdom' ...).
   */
  addForeignFile(file: TestFileRef): void {
    if (file.project) this.addProject(file.project);
    this.foreignFiles.push(file);
  }

  /**
   * Results recorded in running tests of files without RAMPART collection:
   * they cannot be reported, so the run is incomplete; one reason per file,
   * naming its tests. Call after every file was added.
   */
  addStrayResults(strays: readonly StrayLine[]): void {
    const byFile = new Map<string, string[]>();
    for (const { testPath, test } of strays) {
      const tests = byFile.get(testPath) ?? [];
      tests.push(test);
      byFile.set(testPath, tests);
    }
    for (const [testPath, tests] of [...byFile].sort(([a], [b]) => compareText(a, b))) {
      const known = this.foreignFiles.filter((file) => file.testPath === testPath);
      const file: TestFileRef =
        known.length === 1
          ? (known[0] as TestFileRef)
          : {
              project: null,
              testPath: testPath ? relativeTestPath(this.rootDir, testPath) : '(unknown test file)',
            };
      const names = [...new Set(tests)];
      const listed = names.slice(0, 3).map((name) => `test ${describeValue(name)}`);
      if (names.length > 3) listed.push(`${names.length - 3} more`);
      this.addFileReason(
        file,
        `${tests.length} Result(s) recorded by tests outside rampart/env were not collected (${listed.join(', ')}); run this file in rampart/env`,
      );
    }
  }

  /** Labels of the files that ran without RAMPART collection, sorted. */
  filesWithoutRampart(): string[] {
    const labels = this.labels();
    return [...new Set(this.foreignFiles.map((file) => this.fileLabel(file, labels)))].sort(
      compareText,
    );
  }

  /** Number of distinct workers that delivered spool lines. */
  get workerCount(): number {
    return this.workers.size;
  }

  /**
   * Absorbs everything the environment instances of one test file wrote.
   * When Jest re-ran the file (after a worker crash), each test attempt is
   * taken from the latest instance that delivered it, so nothing is counted twice.
   */
  addFile(
    fileOrLabel: TestFileRef | string,
    instances: readonly SpoolInstance[],
    jest?: JestFileOutcome,
  ): void {
    const file: TestFileRef =
      typeof fileOrLabel === 'string' ? { project: null, testPath: fileOrLabel } : fileOrLabel;
    if (file.project) this.addProject(file.project);
    const project = file.project?.id ?? '';
    if (jest?.execError)
      this.addFileReason(file, `test file failed to run: ${firstLine(jest.execError)}`);
    if (file.project && jest?.notRun) {
      const relativePath = relativeTestPath(file.project.rootDir, file.testPath);
      for (const test of jest.notRun)
        this.notRun.set(
          key(project, testIdOf(relativePath, test.ancestors, test.title)),
          test.fullName,
        );
    }
    if (instances.length === 0) return; // not a rampart/env file, or it failed before the environment existed
    const ordered = [...instances].sort(
      (a, b) => (a.open?.startedAt ?? 0) - (b.open?.startedAt ?? 0) || compareText(a.file, b.file),
    );
    // Counts are checked on the records as delivered, before decoding.
    this.checkLatest(file, ordered[ordered.length - 1] as SpoolInstance, ordered.length, jest);
    for (const instance of ordered) {
      for (const problem of instance.problems) this.addFileReason(file, problem);
      const instanceId = instance.open?.instance ?? instance.file;
      const worker = instance.open?.worker ?? '?';
      if (instance.open) this.workers.add(`${instance.open.pid}:${worker}`);
      for (const group of instance.groups)
        this.groups.set(key(project, group.id), { ...group, project });
      for (const line of instance.tests) {
        const test: CollectedTest = {
          project,
          id: line.id,
          title: line.title,
          ancestors: line.ancestors,
          attempt: line.attempt,
          harm: line.harm,
          trial: line.trial,
          outcome: line.outcome,
          location: line.location
            ? {
                file: this.relativeFile(line.location.file),
                line: line.location.line,
                column: line.location.column,
              }
            : null,
          worker,
          instance: instanceId,
          pieces: [],
          digest: new ResultDigest(),
          held: this.holding ? [] : null,
          late: 0,
          lossy: line.lossy && line.lossy.length > 0 ? new Set(line.lossy) : null,
        };
        this.absorbResults(file, test, instance.file, line, false);
        this.tests.set(key(project, line.id, line.attempt), test);
      }
      for (const late of instance.lates) {
        const test = this.tests.get(key(project, late.id, late.attempt));
        // A late line of a superseded run belongs to nothing that is reported.
        if (test && test.instance === instanceId) {
          this.absorbResults(file, test, instance.file, late, true);
          for (const key of late.lossy ?? []) (test.lossy ??= new Set()).add(key);
        }
      }
    }
  }

  /** `file` relative to the run's rootDir (see relativeTestPath). */
  private relativeFile(file: string): string {
    let relative = this.relativeFiles.get(file);
    if (relative === undefined) {
      relative = relativeTestPath(this.rootDir, file);
      this.relativeFiles.set(file, relative);
    }
    return relative;
  }

  /**
   * Decodes the Results of a record and counts them; the record's place (or,
   * without one, its values) is kept to read them again for the outputs.
   */
  private absorbResults(
    file: TestFileRef,
    test: CollectedTest,
    spoolFile: string,
    line: SpooledTest | SpooledLate,
    late: boolean,
  ): void {
    for (const span of line.spans ?? []) this.absorbedBytes += span.length;
    if (this.holding && this.absorbedBytes > this.heldResultBytes) {
      // Too many to hold: every Result is read back from the spool from now on.
      this.holding = false;
      for (const known of this.tests.values()) known.held = null;
      test.held = null;
    }
    const dropped: number[] = [];
    test.pieces.push(
      line.spans
        ? { late, dropped, file: spoolFile, spans: line.spans }
        : { late, dropped, values: line.results },
    );
    const values = line.results;
    for (let position = 0; position < values.length; position += 1) {
      const value = values[position];
      let result: Result;
      try {
        result = decodeResult(value, `Result #${test.digest.count} of "${test.title}"`);
      } catch (error) {
        const problem = error instanceof SchemaError ? error.message : describeError(error);
        this.addFileReason(file, `malformed Result dropped: ${problem}`);
        dropped.push(position);
        continue;
      }
      if (result.metadata[TRUNCATED_KEY] === true) {
        this.addFileReason(
          file,
          `a Result of "${test.title}" could not travel intact and was replaced by an ERROR placeholder (${result.summary})`,
        );
      }
      // The local id for now: the public one needs every project's label (see results()).
      tagResult(result, test, test.digest.count, late, test.id, null);
      if (late) test.late += 1;
      test.digest.add(result);
      test.held?.push(result);
    }
  }

  private checkLatest(
    file: TestFileRef,
    latest: SpoolInstance,
    runs: number,
    jest?: JestFileOutcome,
  ): void {
    if (!latest.close) {
      const times = runs > 1 ? ` (Jest ran it ${runs} times)` : '';
      this.addFileReason(
        file,
        `the test file did not finish${times} — worker crash, process.exit or kill; Results recorded before that are kept`,
      );
      return;
    }
    const delivered =
      latest.tests.reduce((n, t) => n + t.results.length, 0) +
      latest.lates.reduce((n, l) => n + l.results.length, 0);
    if (latest.close.tests !== latest.tests.length || latest.close.results !== delivered) {
      this.addFileReason(
        file,
        `transport count mismatch (expected ${latest.close.tests} tests / ${latest.close.results} Results, received ${latest.tests.length} / ${delivered})`,
      );
    }
    if (jest) {
      const finished = new Set(
        latest.tests.filter((t) => t.outcome !== 'interrupted').map((t) => t.id),
      ).size;
      if (finished < jest.ranTests) {
        this.addFileReason(
          file,
          `Jest ran ${jest.ranTests} tests but RAMPART received ${finished}`,
        );
      }
    }
  }

  /** The final attempt of each test, in no particular order. */
  private finalAttempts(): CollectedTest[] {
    const latest = new Map<string, CollectedTest>();
    for (const test of this.tests.values()) {
      const known = latest.get(key(test.project, test.id));
      if (!known || known.attempt < test.attempt) latest.set(key(test.project, test.id), test);
    }
    return [...latest.values()];
  }

  /** `tests` sorted by public id. */
  private sortedById(tests: CollectedTest[], labels: Map<string, string>): CollectedTest[] {
    return tests
      .map((test) => ({ test, id: this.publicId(test.project, test.id, labels) }))
      .sort((a, b) => compareText(a.id, b.id))
      .map(({ test }) => test);
  }

  /** Warnings for harm-tagged tests without Results, for late Results and for projects told apart by id only. */
  warnings(): string[] {
    const warnings: string[] = [];
    const labels = this.labels();
    const finals = this.finalAttempts();
    const silentHarm = (test: CollectedTest) =>
      test.harm !== null && test.digest.count === 0 && test.outcome !== 'interrupted';
    // Names are built, and tests sorted by public id, only for the tests warned about.
    const warned = finals.filter((test) => silentHarm(test) || test.late > 0);
    const fullName = (test: CollectedTest) => [...test.ancestors, test.title].join(' ');
    // Names that occur in several projects are told apart by the project's label.
    const shared =
      warned.length === 0
        ? new Set<string>()
        : namesInSeveralProjects(
            finals.map((test) => ({
              name: fullName(test),
              project: this.labelOf(test.project, labels),
            })),
          );
    for (const test of this.sortedById(warned, labels)) {
      const label = this.labelOf(test.project, labels);
      const name =
        label !== null && shared.has(fullName(test))
          ? qualified(label, fullName(test))
          : fullName(test);
      if (silentHarm(test)) {
        warnings.push(
          `Test ${name} is marked harm but recorded no results — did you forget recordResult() or to run an attack/probe?`,
        );
      }
      if (test.late > 0) {
        warnings.push(
          `Test ${name} recorded ${test.late} Result(s) after it finished; they are reported under that test (metadata ${RESULT_TAGS.late}).`,
        );
      }
    }
    // Upstream's warning, with the test id for the pytest node id; every attempt counts.
    const lossy = new Map<string, Set<string>>();
    for (const test of this.tests.values()) {
      if (test.lossy === null) continue;
      const id = this.publicId(test.project, test.id, labels);
      const keys = lossy.get(id) ?? new Set<string>();
      for (const k of test.lossy) keys.add(k);
      lossy.set(id, keys);
    }
    for (const [id, keys] of [...lossy].sort(([a], [b]) => compareText(a, b))) {
      warnings.push(
        `Sanitized ${keys.size} non-serializable metadata key(s) for ${id} in result.metadata: ${[...keys].join(', ')}`,
      );
    }
    if (this.multiProject) {
      for (const names of projectLabels(this.projects.values(), this.rootDir).ambiguous) {
        const list = `${names.slice(0, -1).join(', ')} and ${names[names.length - 1] ?? ''}`;
        warnings.push(
          `Jest projects ${list} would share a label (their displayName, or their rootDir when they have none); their test ids are told apart by Jest's project id. Give each project a distinct displayName for readable ids.`,
        );
      }
    }
    return warnings;
  }

  /**
   * The Results of the run, read again from the spool one at a time in
   * report order (test id, attempt, index, worker), with the counts of all.
   * The spool must stay until the outputs are written.
   */
  resultSource(): ResultSource {
    const labels = this.labels();
    const ordered = [...this.tests.values()]
      .map((test) => ({
        test,
        id: this.publicId(test.project, test.id, labels),
        label: this.labelOf(test.project, labels),
      }))
      .sort(
        (a, b) =>
          compareText(a.id, b.id) ||
          a.test.attempt - b.test.attempt ||
          compareText(a.test.worker, b.test.worker),
      );
    const digest = new ResultDigest();
    for (const { test, label } of ordered) {
      digest.merge(test.digest);
      if (label !== null && test.digest.count > 0) digest.addTestName(test.title, label);
    }
    return {
      digest,
      results: (harmCategory?: string) => ({
        [Symbol.iterator]: () => readResults(ordered, harmCategory),
      }),
    };
  }

  /** Tagged Results in report order, in one array (see {@link resultSource}). */
  results(): Result[] {
    return [...this.resultSource().results()];
  }

  /** Trial-group verdicts keyed by public group id: each clone classified by its final attempt. */
  trialGroups(): Record<string, TrialGroupResult> {
    const labels = this.labels();
    const clones = new Map<string, Array<ResultDigest | undefined>>();
    for (const [groupKey, group] of this.groups)
      clones.set(groupKey, new Array<ResultDigest | undefined>(group.n).fill(undefined));
    for (const test of this.finalAttempts()) {
      const trial = test.trial;
      const slots = trial ? clones.get(key(test.project, trial.group)) : undefined;
      if (trial && slots && trial.index < slots.length) slots[trial.index] = test.digest;
    }
    const groups = [...this.groups.entries()].map(([groupKey, group]) => ({
      groupKey,
      group,
      id: this.publicId(group.project, group.id, labels),
    }));
    const verdicts: Record<string, TrialGroupResult> = {};
    for (const { groupKey, group, id } of groups.sort((a, b) => compareText(a.id, b.id))) {
      const verdict = classifyTrialClones(
        clones.get(groupKey) ?? [],
        group.threshold,
        group.title,
        group.confidence ?? null,
      );
      const project = this.labelOf(group.project, labels);
      const noResultReason =
        verdict.total > 0 && verdict.noResult === verdict.total
          ? this.noResultReason(group, clones.get(groupKey) ?? [])
          : null;
      verdicts[id] =
        project === null && noResultReason === null
          ? verdict
          : new TrialGroupResult({ ...verdict, project, noResultReason });
    }
    return verdicts;
  }

  /**
   * Why the clones of a group recorded nothing, counted by cause: ran and
   * recorded none, filtered out by -t, skipped, or never reported by Jest
   * (docs/reporter.md, "Trial groups without a Result").
   */
  private noResultReason(
    group: PlannedGroup & { project: string },
    clones: ReadonlyArray<ResultDigest | undefined>,
  ): string {
    // A clone's id is its group's id with the clone's title in place of the group's.
    const base = group.id.endsWith(group.title) ? group.id.slice(0, -group.title.length) : null;
    const counts = { ran: 0, filtered: 0, skipped: 0, unknown: 0 };
    clones.forEach((results, index) => {
      if (results !== undefined) {
        counts.ran += 1;
        return;
      }
      const fullName =
        base === null
          ? undefined
          : this.notRun.get(key(group.project, `${base}${trialCloneTitle(group.title, index)}`));
      if (fullName === undefined) counts.unknown += 1;
      else if (this.testNamePattern && !this.testNamePattern.test(fullName)) counts.filtered += 1;
      else counts.skipped += 1;
    });
    const parts = [
      counts.ran > 0 ? `${counts.ran} ran and recorded none` : '',
      counts.filtered > 0 ? `${counts.filtered} filtered out by -t (testNamePattern)` : '',
      counts.skipped > 0 ? `${counts.skipped} skipped` : '',
      counts.unknown > 0 ? `${counts.unknown} did not run` : '',
    ].filter((part) => part.length > 0);
    return parts.join(', ');
  }

  /** The run report. `metadata` gets the incomplete keys when incomplete. */
  buildReport(options: {
    durationSeconds: number;
    metadata: Record<string, unknown>;
    /** Prices per model: the usage totals get a cost estimate. */
    modelPrices?: ModelPrices | null;
  }): TestRunReport {
    const metadata: Record<string, unknown> = { ...options.metadata };
    const foreign = this.filesWithoutRampart();
    if (foreign.length > 0) metadata[FILES_WITHOUT_RAMPART_KEY] = filesWithoutRampartEntry(foreign);
    const reasons = this.incompleteReasons;
    if (reasons.length > 0) {
      metadata.incomplete = true;
      metadata.incomplete_reasons = reasons;
    }
    const source = this.resultSource();
    const usage = source.digest.modelUsage();
    if (usage)
      metadata[MODEL_USAGE_KEY] = options.modelPrices
        ? { ...usage, cost_estimate: costEstimate(usage, options.modelPrices) }
        : usage;
    return new TestRunReport({
      source,
      durationSeconds: options.durationSeconds,
      metadata,
      trialGroups: this.trialGroups(),
    });
  }
}

/** Tags a decoded Result for the report: its test, index, worker, attempt, place, lateness and project. */
function tagResult(
  result: Result,
  test: CollectedTest,
  index: number,
  late: boolean,
  id: string,
  label: string | null,
): void {
  result.harmCategory ??= test.harm;
  const tags = result.metadata;
  tags[RESULT_TAGS.testName] = test.title;
  tags[RESULT_TAGS.testId] = id;
  tags[RESULT_TAGS.index] = index;
  tags[RESULT_TAGS.worker] = test.worker;
  tags[RESULT_TAGS.attempt] = test.attempt;
  const location = test.location;
  // A copy of its own per Result, built as a literal: a spread copy costs
  // more (docs/performance-analysis.md, "What keeps the reporter cheap").
  if (location)
    tags[RESULT_TAGS.location] = {
      file: location.file,
      line: location.line,
      column: location.column,
    };
  if (late) tags[RESULT_TAGS.late] = true;
  if (label !== null) tags[RESULT_TAGS.project] = label;
}

/**
 * The Results of `tests` decoded again, one spool line at a time; those
 * that did not decode on arrival are skipped again (the run already says so),
 * so every index is the one counted then. With a category, a Result of
 * another one is recognised before it is decoded.
 */
function* readResults(
  tests: ReadonlyArray<{ test: CollectedTest; id: string; label: string | null }>,
  harmCategory: string | undefined,
): Generator<Result> {
  for (const { test, id, label } of tests) {
    if (harmCategory !== undefined && !test.digest.categories.has(harmCategory)) continue;
    if (test.held) {
      for (const result of test.held) {
        result.metadata[RESULT_TAGS.testId] = id;
        if (label !== null) result.metadata[RESULT_TAGS.project] = label;
        if (harmCategory === undefined || categoryKey(result) === harmCategory) yield result;
      }
      continue;
    }
    let index = 0;
    for (const piece of test.pieces) {
      const values = 'values' in piece ? piece.values : readSpoolResults(piece.file, piece.spans);
      let position = -1;
      for (const value of values) {
        position += 1;
        if (piece.dropped.includes(position)) continue;
        const at = index;
        index += 1;
        if (harmCategory !== undefined && wireCategoryKey(value, test.harm) !== harmCategory)
          continue;
        let result: Result;
        try {
          result = decodeResult(value, `Result #${at} of "${test.title}"`);
        } catch (error) {
          // It decoded when it arrived: the spool changed since.
          throw new Error(
            `RAMPART could not read a Result of "${test.title}" again: ${describeError(error)}`,
          );
        }
        tagResult(result, test, at, piece.late, id, label);
        if (harmCategory === undefined || categoryKey(result) === harmCategory) yield result;
      }
    }
  }
}

/** The category key a serialised Result will have once decoded and tagged (see decodeResult). */
function wireCategoryKey(value: unknown, testHarm: string | null): string {
  const harm =
    value !== null && typeof value === 'object'
      ? (value as { harm_category?: unknown }).harm_category
      : undefined;
  const category = typeof harm === 'string' && harm.length > 0 ? harm : testHarm;
  return category ? category : UNCATEGORIZED;
}
