/**
 * Per-test-file collection state, driven by the environment's circus events:
 * which test is running, the Results each test attempt recorded, and the
 * spool the Results leave through. What the file defines (scopes, ids, trial
 * groups) is kept by FileDefinitions. Structural circus types only; no Jest
 * import.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { CollectorHost, TestLimits } from '../model/collector';
import { describeError } from '../model/value-description';
import type { CircusEvent, CircusState, CircusTestEntry } from './circus-types';
import type { JestProject } from './project-identity';
import { FileDefinitions } from './file-definitions';
import type { ScopeBridge } from './scope-bridge';
import { callWithoutFramesOf } from './own-frames';
import { relativeTestPath } from './test-identity';
import type { RunChannel } from './transport/channel';
import type { TestLine } from './transport/spool-format';
import { serializeWithResults } from './transport/spool-format';
import { envelopeResult } from './transport/result-envelope';
import { SpoolWriter } from './transport/spool-writer';

/** Options of {@link FileRun}. */
export interface FileRunOptions {
  testPath: string;
  /** The Jest project running the file; test ids are relative to its rootDir. */
  project: JestProject;
  /** The reporter's channel; undefined when no rampart reporter runs. */
  channel: RunChannel | undefined;
  /** Where problems the user must see are printed. */
  warn: (message: string) => void;
}

function isGeneratorFunction(fn: unknown): boolean {
  return (
    typeof fn === 'function' &&
    (fn as { constructor?: { name?: string } }).constructor?.name === 'GeneratorFunction'
  );
}

/** Which test (of which file) the running code belongs to. */
interface TestScope {
  run: FileRun;
  entry: CircusTestEntry;
}

/**
 * One storage for the whole process: each AsyncLocalStorage in use adds work
 * to every promise created afterwards, so one per test file would make a
 * worker slower with every file it runs.
 */
const testScope = new AsyncLocalStorage<TestScope>();

/** Longest spool line, in UTF-16 units; a test's Results are split over several lines beyond it. */
const MAX_LINE_CHARS = 64 * 1024 * 1024;

/** Splits serialised Results into batches whose total length stays within `max` (at least one each). */
export function batchBySize(items: readonly string[], max: number): string[][] {
  const batches: string[][] = [[]];
  let size = 0;
  for (const item of items) {
    const current = batches[batches.length - 1] as string[];
    if (current.length > 0 && size + item.length > max) {
      batches.push([item]);
      size = item.length;
    } else {
      current.push(item);
      size += item.length;
    }
  }
  return batches;
}

/** Collection state of one test file (one environment instance). */
export class FileRun {
  private readonly relativePath: string;
  private readonly definitions: FileDefinitions;
  private readonly open = new Map<CircusTestEntry, unknown[]>();
  /** Strong, as circus's own state holds every entry of the file anyway (and cheaper than weak). */
  private readonly finished = new Set<CircusTestEntry>();
  private running: CircusTestEntry | null = null;
  /** Per test: the signal that aborts its executions when it ends, and its deadline. */
  private readonly limits = new Map<
    CircusTestEntry,
    { controller: AbortController; deadline: number | null }
  >();
  private testTimeout: number | null = null;
  private writer: SpoolWriter | null = null;
  private readonly counts = { tests: 0, results: 0 };
  private ended = false;

  constructor(private readonly options: FileRunOptions) {
    this.relativePath = relativeTestPath(options.project.rootDir, options.testPath);
    this.definitions = new FileDefinitions(this.relativePath);
    if (options.channel)
      this.writer = new SpoolWriter(options.channel, options.testPath, options.project);
  }

  /** Installed on the sandbox global for harm() and trial(). */
  get scopeBridge(): ScopeBridge {
    return this.definitions.scopeBridge;
  }

  /** Installed on the sandbox global for recordResult() and the collection handler. */
  readonly collectorHost: CollectorHost = {
    deliver: (result) => this.deliver(result),
    testLimits: () => this.testLimits(),
  };

  /**
   * The running test's limits: its executions end before its timeout and are
   * aborted when it ends (docs/real-endpoints.md, "Timeouts").
   */
  private testLimits(): TestLimits | undefined {
    const scope = testScope.getStore();
    if (scope && scope.run !== this) return undefined;
    const entry = scope?.entry ?? this.running;
    if (!entry || this.finished.has(entry)) return undefined;
    const { controller, deadline } = this.limitsOf(entry);
    return { signal: controller.signal, deadline };
  }

  /** Made when an execution first asks (most tests never do): no signal per test otherwise. */
  private limitsOf(entry: CircusTestEntry): {
    controller: AbortController;
    deadline: number | null;
  } {
    let limits = this.limits.get(entry);
    if (!limits) {
      const timeout = entry.timeout || this.testTimeout;
      // circus stamps the test's start (test_start); a Jest 29 concurrent body asks before it.
      const start = typeof entry.startedAt === 'number' ? entry.startedAt : Date.now();
      limits = {
        controller: new AbortController(),
        deadline: typeof timeout === 'number' && timeout > 0 ? start + timeout : null,
      };
      this.limits.set(entry, limits);
    }
    return limits;
  }

  /** The circus event reducer. Never throws: a RAMPART problem must not break the test file. */
  handle(event: CircusEvent, state: CircusState): void {
    try {
      this.reduce(event, state);
    } catch (error) {
      this.fail(
        `RAMPART failed on the ${event.name} event of ${this.relativePath}: ${describeError(error)}`,
      );
    }
  }

  private reduce(event: CircusEvent, state: CircusState): void {
    if (typeof state.testTimeout === 'number') this.testTimeout = state.testTimeout;
    switch (event.name) {
      case 'add_test': {
        const children = state.currentDescribeBlock.children;
        const entry = children[children.length - 1];
        if (entry?.type === 'test') {
          this.definitions.define(entry);
          this.attributeBody(entry);
        }
        break;
      }
      case 'run_start':
        this.writePlan();
        break;
      case 'test_start':
        if (event.test) this.startTest(event.test);
        break;
      case 'test_done':
        if (event.test) this.finishTest(event.test);
        break;
      case 'test_skip':
      case 'test_todo':
        // circus starts a test before it decides to skip it (test.skip, -t, .only
        // elsewhere): a test that never ran is no test line, so the reporter can
        // tell a skipped trial clone from one that ran and recorded nothing.
        if (event.test) this.skipTest(event.test);
        break;
      default:
        break;
    }
  }

  /**
   * Runs the test body inside an AsyncLocalStorage scope naming its entry, so
   * Results are attributed to the right test under test.concurrent and from
   * async work that outlives the test.
   */
  private attributeBody(entry: CircusTestEntry): void {
    const fn = entry.fn;
    if (typeof fn !== 'function' || isGeneratorFunction(fn)) return;
    const scope: TestScope = { run: this, entry };
    const attributed = function (this: unknown, ...args: never[]): unknown {
      // This file's frames are RAMPART's, not the user's: out of what the body throws.
      return testScope.run(scope, () =>
        callWithoutFramesOf(__filename, () => fn.apply(this, args)),
      );
    };
    // circus detects done-callback tests by arity (the wrapper's is 0, as most bodies').
    if (fn.length !== attributed.length)
      Object.defineProperty(attributed, 'length', { value: fn.length });
    entry.fn = attributed;
  }

  private writePlan(): void {
    const groups = this.definitions.plannedGroups();
    if (!this.writer || groups.length === 0) return;
    this.guardWrite(() => this.writer?.writePlan({ type: 'plan', groups }));
  }

  private startTest(entry: CircusTestEntry): void {
    this.running = entry;
    if (!this.open.has(entry)) this.open.set(entry, []);
  }

  private skipTest(entry: CircusTestEntry): void {
    if (this.running === entry) this.running = null;
    // A body that never ran recorded nothing; anything already there is kept.
    if (this.open.get(entry)?.length === 0) this.open.delete(entry);
  }

  private deliver(result: unknown): boolean {
    const scope = testScope.getStore();
    // Async work of another file's test (same worker) does not belong here.
    if (scope && scope.run !== this) return false;
    const entry = scope?.entry ?? this.running;
    if (!entry || this.ended) return false;
    if (!this.writer) return true; // no reporter: nothing to aggregate
    const buffer = this.open.get(entry);
    if (buffer) buffer.push(result);
    else if (this.finished.has(entry)) this.writeTest(entry, [result], 'late');
    // Jest 29 starts concurrent bodies before their test_start.
    else this.open.set(entry, [result]);
    return true;
  }

  private finishTest(entry: CircusTestEntry): void {
    if (this.running === entry) this.running = null;
    // Executions still running (the test timed out, or did not await them) stop and clean up.
    const limits = this.limits.get(entry);
    if (limits) {
      limits.controller.abort(new Error('the test ended'));
      this.limits.delete(entry);
    }
    const results = this.open.get(entry) ?? [];
    this.open.delete(entry);
    this.finished.add(entry);
    const passed = (entry.errors.length === 0) !== (entry.failing === true);
    this.writeTest(entry, results, passed ? 'passed' : 'failed');
  }

  private writeTest(
    entry: CircusTestEntry,
    results: unknown[],
    outcome: TestLine['outcome'] | 'late',
  ): void {
    const writer = this.writer;
    if (!writer) return;
    this.guardWrite(() => {
      const definition = this.definitions.of(entry);
      const limit = this.options.channel?.maxResultBytes ?? 0;
      let lossyKeys: Set<string> | null = null;
      const json = results.map((result, index) => {
        const enveloped = envelopeResult(result, { testName: definition.title, index }, limit);
        if (enveloped.lossyKeys.length > 0) {
          lossyKeys ??= new Set<string>();
          for (const key of enveloped.lossyKeys) lossyKeys.add(key);
        }
        return enveloped.json;
      });
      const lossy = lossyKeys ? { lossy: [...lossyKeys] } : {};
      const attempt = Math.max(entry.invocations, 1);
      const [first = [], ...rest] = batchBySize(json, MAX_LINE_CHARS);
      writer.writeLine(
        outcome === 'late'
          ? serializeWithResults({ type: 'late', id: definition.id, attempt, ...lossy }, first)
          : serializeWithResults(
              {
                type: 'test',
                id: definition.id,
                title: definition.title,
                ancestors: definition.ancestors,
                attempt,
                harm: definition.harm,
                trial: definition.trial,
                outcome,
                location: definition.location,
                ...lossy,
              },
              first,
            ),
      );
      for (const batch of rest) {
        writer.writeLine(serializeWithResults({ type: 'more', id: definition.id, attempt }, batch));
      }
      if (outcome !== 'late') this.counts.tests += 1;
      this.counts.results += json.length;
    });
  }

  /** Called from the environment's teardown: flush what is left, close the spool. */
  finish(): void {
    if (this.ended) return;
    this.flushOpenTests();
    this.ended = true;
    this.guardWrite(() => this.writer?.close(this.counts));
  }

  /**
   * The process is exiting in the middle of the file (process.exit in a
   * test): write what the running tests recorded, but no close record, so the
   * reporter keeps these Results and still marks the file unfinished.
   */
  interrupt(): void {
    if (this.ended) return;
    this.flushOpenTests();
    this.ended = true;
  }

  private flushOpenTests(): void {
    for (const entry of [...this.open.keys()]) {
      const results = this.open.get(entry) ?? [];
      this.open.delete(entry);
      this.writeTest(entry, results, 'interrupted');
    }
  }

  private guardWrite(write: () => void): void {
    if (!this.writer) return;
    try {
      write();
    } catch (error) {
      this.fail(`RAMPART could not write Results of ${this.relativePath}: ${describeError(error)}`);
    }
  }

  /** Stops writing: without its close line the reporter marks this file incomplete. */
  private fail(message: string): void {
    this.writer = null;
    this.options.warn(`${message}. The run will be reported as incomplete.`);
  }
}
