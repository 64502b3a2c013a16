/**
 * Reporter-side aggregation of what the environments delivered: one entry per
 * test attempt, exactly once, whatever the worker layout or re-runs; every
 * reason the run is incomplete; the report and its trial-group verdicts.
 */
import type { Result } from '../core/result';
import { RESULT_TAGS, compareReportOrder, compareText } from '../core/result-tags';
import { TestRunReport } from '../core/run-report';
import { decodeResult } from '../core/trace-codec';
import { type TrialGroupResult, classifyTrialGroup } from '../core/trial-group';
import type { PlannedGroup, TestRecord } from './transport/records';
import { TRUNCATED_KEY } from './transport/result-envelope';
import type { SpoolInstance } from './transport/spool-reader';

/** What Jest itself said about a test file. */
export interface JestFileOutcome {
  /** `testExecError` message, when the file failed to run. */
  execError?: string;
  /** Tests that ran to an outcome (passed or failed). */
  ranTests: number;
}

/** One delivered test attempt; its Results are decoded and tagged once, on arrival. */
interface CollectedTest {
  id: string;
  title: string;
  ancestors: string[];
  attempt: number;
  harm: string | null;
  trial: TestRecord['trial'];
  outcome: TestRecord['outcome'];
  worker: string;
  instance: string;
  /** Tagged Results, late ones last. */
  results: Result[];
  late: number;
}

function firstLine(text: string): string {
  return (
    text
      .split('\n')
      .find((line) => line.trim().length > 0)
      ?.trim() ?? text
  );
}

/** Accumulates delivered tests and problems over a run. */
export class RunAccumulator {
  private readonly tests = new Map<string, CollectedTest>();
  private readonly groups = new Map<string, PlannedGroup>();
  private readonly reasons: string[] = [];
  private readonly workers = new Set<string>();

  /** Marks the run incomplete (identical reasons are kept once). */
  addReason(reason: string): void {
    if (!this.reasons.includes(reason)) this.reasons.push(reason);
  }

  /** Reasons the run is incomplete, in the order found. */
  get incompleteReasons(): string[] {
    return [...this.reasons];
  }

  /** Number of distinct workers that delivered records. */
  get workerCount(): number {
    return this.workers.size;
  }

  /**
   * Absorbs everything the environment instances of one test file wrote.
   * When Jest re-ran the file (after a worker crash), each test attempt is
   * taken from the latest instance that delivered it, so nothing is counted twice.
   */
  addFile(label: string, instances: readonly SpoolInstance[], jest?: JestFileOutcome): void {
    if (jest?.execError)
      this.addReason(`${label}: test file failed to run: ${firstLine(jest.execError)}`);
    if (instances.length === 0) return; // not a rampart/env file, or it failed before the environment existed
    const ordered = [...instances].sort(
      (a, b) => (a.open?.startedAt ?? 0) - (b.open?.startedAt ?? 0) || compareText(a.file, b.file),
    );
    // Counts are checked on the records as delivered, before decoding.
    this.checkLatest(label, ordered[ordered.length - 1] as SpoolInstance, ordered.length, jest);
    for (const instance of ordered) {
      for (const problem of instance.problems) this.addReason(`${label}: ${problem}`);
      const instanceId = instance.open?.instance ?? instance.file;
      const worker = instance.open?.worker ?? '?';
      if (instance.open) this.workers.add(`${instance.open.pid}:${worker}`);
      for (const group of instance.groups) this.groups.set(group.id, group);
      for (const record of instance.tests) {
        const test: CollectedTest = {
          id: record.id,
          title: record.title,
          ancestors: record.ancestors,
          attempt: record.attempt,
          harm: record.harm,
          trial: record.trial,
          outcome: record.outcome,
          worker,
          instance: instanceId,
          results: [],
          late: 0,
        };
        this.absorbResults(label, test, record.results, false);
        this.tests.set(`${record.id}\u0000${record.attempt}`, test);
      }
      for (const late of instance.lates) {
        const test = this.tests.get(`${late.id}\u0000${late.attempt}`);
        // A late record of a superseded run belongs to nothing that is reported.
        if (test && test.instance === instanceId)
          this.absorbResults(label, test, late.results, true);
      }
    }
  }

  /** Decodes serialised Results and tags them for the report (no copies: they are ours). */
  private absorbResults(
    label: string,
    test: CollectedTest,
    values: readonly unknown[],
    late: boolean,
  ): void {
    for (const value of values) {
      let result: Result;
      try {
        result = decodeResult(value, `Result #${test.results.length} of "${test.title}"`);
      } catch (error) {
        this.addReason(`${label}: malformed Result dropped: ${(error as Error).message}`);
        continue;
      }
      if (result.metadata[TRUNCATED_KEY] === true) {
        this.addReason(
          `${label}: a Result of "${test.title}" could not travel intact and was replaced by an ERROR placeholder (${result.summary})`,
        );
      }
      result.harmCategory ??= test.harm;
      const tags = result.metadata;
      tags[RESULT_TAGS.testName] = test.title;
      tags[RESULT_TAGS.testId] = test.id;
      tags[RESULT_TAGS.index] = test.results.length;
      tags[RESULT_TAGS.worker] = test.worker;
      tags[RESULT_TAGS.attempt] = test.attempt;
      if (late) {
        tags[RESULT_TAGS.late] = true;
        test.late += 1;
      }
      test.results.push(result);
    }
  }

  private checkLatest(
    label: string,
    latest: SpoolInstance,
    runs: number,
    jest?: JestFileOutcome,
  ): void {
    if (!latest.close) {
      const times = runs > 1 ? ` (Jest ran it ${runs} times)` : '';
      this.addReason(
        `${label}: the test file did not finish${times} — worker crash, process.exit or kill; Results recorded before that are kept`,
      );
      return;
    }
    const delivered =
      latest.tests.reduce((n, t) => n + t.results.length, 0) +
      latest.lates.reduce((n, l) => n + l.results.length, 0);
    if (latest.close.tests !== latest.tests.length || latest.close.results !== delivered) {
      this.addReason(
        `${label}: transport count mismatch (expected ${latest.close.tests} tests / ${latest.close.results} Results, received ${latest.tests.length} / ${delivered})`,
      );
    }
    if (jest) {
      const finished = new Set(
        latest.tests.filter((t) => t.outcome !== 'interrupted').map((t) => t.id),
      ).size;
      if (finished < jest.ranTests) {
        this.addReason(
          `${label}: Jest ran ${jest.ranTests} tests but RAMPART received ${finished}`,
        );
      }
    }
  }

  /** Final-attempt tests, sorted by id. */
  private finalAttempts(): CollectedTest[] {
    const latest = new Map<string, CollectedTest>();
    for (const test of this.tests.values()) {
      const known = latest.get(test.id);
      if (!known || known.attempt < test.attempt) latest.set(test.id, test);
    }
    return [...latest.values()].sort((a, b) => compareText(a.id, b.id));
  }

  /** Warnings for harm-tagged tests without Results and for late Results. */
  warnings(): string[] {
    const warnings: string[] = [];
    for (const test of this.finalAttempts()) {
      const fullName = [...test.ancestors, test.title].join(' ');
      if (test.harm !== null && test.results.length === 0 && test.outcome !== 'interrupted') {
        warnings.push(
          `Test ${fullName} is marked harm but recorded no results — did you forget recordResult() or to run an attack/probe?`,
        );
      }
      if (test.late > 0) {
        warnings.push(
          `Test ${fullName} recorded ${test.late} Result(s) after it finished; they are reported under that test (metadata ${RESULT_TAGS.late}).`,
        );
      }
    }
    return warnings;
  }

  /** Tagged Results in report order: test id, attempt, index, worker. */
  results(): Result[] {
    return [...this.tests.values()].flatMap((test) => test.results).sort(compareReportOrder);
  }

  /** Trial-group verdicts: each clone classified by its final attempt. */
  trialGroups(): Record<string, TrialGroupResult> {
    const clones = new Map<string, Array<Result[] | undefined>>();
    for (const group of this.groups.values())
      clones.set(group.id, new Array<Result[] | undefined>(group.n).fill(undefined));
    for (const test of this.finalAttempts()) {
      const trial = test.trial;
      const slots = trial ? clones.get(trial.group) : undefined;
      if (trial && slots && trial.index < slots.length) slots[trial.index] = test.results;
    }
    const verdicts: Record<string, TrialGroupResult> = {};
    for (const group of [...this.groups.values()].sort((a, b) => compareText(a.id, b.id))) {
      verdicts[group.id] = classifyTrialGroup(
        clones.get(group.id) ?? [],
        group.threshold,
        group.title,
      );
    }
    return verdicts;
  }

  /** The run report. `metadata` gets the incomplete keys when incomplete. */
  buildReport(options: {
    durationSeconds: number;
    metadata: Record<string, unknown>;
  }): TestRunReport {
    const metadata: Record<string, unknown> = { ...options.metadata };
    if (this.reasons.length > 0) {
      metadata.incomplete = true;
      metadata.incomplete_reasons = [...this.reasons];
    }
    return new TestRunReport({
      results: this.results(),
      durationSeconds: options.durationSeconds,
      metadata,
      trialGroups: this.trialGroups(),
    });
  }
}
