/**
 * The spool format, versioned, shared by the writer (environment, in the
 * worker) and the reader (reporter, in the parent): spool lines, one JSON
 * object each; one file per environment instance; one writer per file.
 * ("Record" is kept for what tests record: Results, and trace records.)
 *
 *   open  -> plan -> (test more*)* / late* -> close
 *
 * A test whose Results do not fit one line continues in `more` lines.
 * Stray files (one `stray` line per uncollectable Result) share the version.
 */
import { describeError } from '../../model/value-description';

/** Format version written in every `open` line. */
export const SPOOL_VERSION = 'rampart.jest.spool.v4';

/** The Jest project a spool file belongs to (see project-identity.ts). */
export interface SpoolProject {
  id: string;
  displayName: string | null;
  rootDir: string;
}

/** First line: who writes this file. */
export interface OpenLine {
  type: 'open';
  v: typeof SPOOL_VERSION;
  testPath: string;
  project: SpoolProject;
  /** Unique per environment instance (a re-run of the file gets a new one). */
  instance: string;
  pid: number;
  worker: string;
  startedAt: number;
}

/** A trial group declared in the file. */
export interface PlannedGroup {
  id: string;
  title: string;
  n: number;
  threshold: number;
  /** The confidence level of `trial(n, { confidence })`; absent or null for the plain rule. */
  confidence?: number | null;
}

/** Written once the file's tests are defined. */
export interface PlanLine {
  type: 'plan';
  groups: PlannedGroup[];
}

/** Trial membership of one test. */
export interface TrialMembership {
  group: string;
  index: number;
}

/** One finished test attempt with its Results (canonical JSON objects). */
export interface TestLine {
  type: 'test';
  id: string;
  title: string;
  ancestors: string[];
  /** 1-based attempt (jest.retryTimes). */
  attempt: number;
  harm: string | null;
  trial: TrialMembership | null;
  outcome: 'passed' | 'failed' | 'interrupted';
  /** Where the test was written: absolute file, 1-based line and column; null when unknown. */
  location: { file: string; line: number; column: number } | null;
  /** Metadata keys of these Results that could not be represented as JSON; absent when none. */
  lossy?: string[];
  results: unknown[];
}

/** Results recorded by a test after it finished (async work that outlived it). */
export interface LateLine {
  type: 'late';
  id: string;
  attempt: number;
  /** As in {@link TestLine}. */
  lossy?: string[];
  results: unknown[];
}

/** More Results of the test line just before it (long lines are split). */
export interface MoreLine {
  type: 'more';
  id: string;
  attempt: number;
  results: unknown[];
}

/** Last line: what the file delivered, for reconciliation. */
export interface CloseLine {
  type: 'close';
  tests: number;
  results: number;
}

/**
 * A Result recorded in a running test of an environment without RAMPART
 * collection (written from the test's sandbox into the run's `stray`
 * directory, never into a test file's spool): it cannot be reported, and the
 * run is incomplete.
 */
export interface StrayLine {
  type: 'stray';
  v: typeof SPOOL_VERSION;
  testPath: string;
  /** Jest's name of the running test (`expect.getState().currentTestName`). */
  test: string;
}

/** Any spool line. */
export type SpoolLine = OpenLine | PlanLine | TestLine | MoreLine | LateLine | CloseLine;

/** Raised for a line that is not a valid spool line. */
export class SpoolFormatError extends Error {
  override name = 'SpoolFormatError';
}

function check(condition: boolean, message: string): asserts condition {
  if (!condition) throw new SpoolFormatError(message);
}

const isStr = (v: unknown): v is string => typeof v === 'string';
const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v);
const isLossy = (v: unknown): boolean =>
  v === undefined || (Array.isArray(v) && v.every((key) => typeof key === 'string'));
const isPositiveInt = (v: unknown): v is number => isInt(v) && v >= 1;
const isLocation = (v: unknown): boolean => {
  const l = v as { file?: unknown; line?: unknown; column?: unknown } | null;
  return (
    l === null ||
    (typeof l === 'object' && isStr(l.file) && isPositiveInt(l.line) && isPositiveInt(l.column))
  );
};
const isProject = (v: unknown): v is SpoolProject => {
  const p = v as Partial<SpoolProject> | null;
  return (
    p !== null &&
    typeof p === 'object' &&
    isStr(p.id) &&
    isStr(p.rootDir) &&
    (p.displayName === null || isStr(p.displayName))
  );
};

/** Parses and validates one line. */
export function parseSpoolLine(line: string): SpoolLine {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (error) {
    throw new SpoolFormatError(`invalid JSON (${describeError(error)})`);
  }
  check(value !== null && typeof value === 'object' && !Array.isArray(value), 'not an object');
  const r = value as Record<string, unknown>;
  switch (r.type) {
    case 'open':
      check(r.v === SPOOL_VERSION, `unsupported spool version ${JSON.stringify(r.v)}`);
      check(
        isStr(r.testPath) && isStr(r.instance) && isInt(r.pid) && isStr(r.worker),
        'malformed open record',
      );
      check(typeof r.startedAt === 'number', 'malformed open record');
      check(isProject(r.project), 'malformed open record project');
      return r as unknown as OpenLine;
    case 'plan':
      check(Array.isArray(r.groups), 'malformed plan record');
      for (const g of r.groups as unknown[]) {
        const group = g as Record<string, unknown>;
        check(
          group !== null &&
            isStr(group.id) &&
            isStr(group.title) &&
            isInt(group.n) &&
            typeof group.threshold === 'number' &&
            (group.confidence === undefined ||
              group.confidence === null ||
              (typeof group.confidence === 'number' &&
                group.confidence > 0 &&
                group.confidence < 1)),
          'malformed trial group in plan record',
        );
      }
      return r as unknown as PlanLine;
    case 'test': {
      check(
        isStr(r.id) && isStr(r.title) && Array.isArray(r.ancestors) && isInt(r.attempt),
        'malformed test record',
      );
      check(r.harm === null || isStr(r.harm), 'malformed test record harm');
      const trial = r.trial as Record<string, unknown> | null;
      check(
        trial === null || (typeof trial === 'object' && isStr(trial.group) && isInt(trial.index)),
        'malformed test record trial',
      );
      check(
        r.outcome === 'passed' || r.outcome === 'failed' || r.outcome === 'interrupted',
        'malformed test record outcome',
      );
      check(isLocation(r.location), 'malformed test record location');
      check(Array.isArray(r.results), 'malformed test record results');
      check(isLossy(r.lossy), 'malformed test record lossy keys');
      return r as unknown as TestLine;
    }
    case 'late':
    case 'more':
      check(
        isStr(r.id) && isInt(r.attempt) && Array.isArray(r.results) && isLossy(r.lossy),
        `malformed ${r.type} record`,
      );
      return r as unknown as LateLine | MoreLine;
    case 'close':
      check(isInt(r.tests) && isInt(r.results), 'malformed close record');
      return r as unknown as CloseLine;
    default:
      throw new SpoolFormatError(`unknown record type ${JSON.stringify(r.type)}`);
  }
}

/** Parses and validates one line of a stray file. */
export function parseStrayLine(line: string): StrayLine {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (error) {
    throw new SpoolFormatError(`invalid JSON (${describeError(error)})`);
  }
  const r = (value ?? {}) as Record<string, unknown>;
  check(r.type === 'stray' && r.v === SPOOL_VERSION, 'not a stray record of this version');
  check(isStr(r.testPath) && isStr(r.test), 'malformed stray record');
  return r as unknown as StrayLine;
}

/**
 * Serialises a line whose `results` are already JSON texts, without parsing
 * and re-stringifying them (they can be large).
 */
export function serializeWithResults(
  line: Omit<TestLine, 'results'> | Omit<LateLine, 'results'> | Omit<MoreLine, 'results'>,
  resultJson: readonly string[],
): string {
  const head = JSON.stringify(line);
  return `${head.slice(0, -1)},"results":[${resultJson.join(',')}]}`;
}
