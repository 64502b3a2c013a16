/**
 * Metadata keys the runner integration writes on every collected Result, and
 * the report order they define. Shared by a live run and by `rampart merge`,
 * so both order Results the same way.
 */
import type { Result } from './result';

/** Bookkeeping keys in `Result.metadata` (user keys are kept beside them). */
export const RESULT_TAGS = {
  /** The test title as run (trial clones include ` [trial-i]`). */
  testName: '_jest_test_name',
  /**
   * Stable id: path relative to the project's rootDir :: ancestor titles ::
   * title; `[<project>] ` in front in a multi-project run.
   */
  testId: '_jest_test_id',
  /** Label of the Jest project that ran the test (multi-project runs only). */
  project: '_jest_project',
  /** 0-based position within its test attempt. */
  index: '_rampart_result_index',
  /** Jest worker that ran the test. */
  worker: '_rampart_source_worker',
  /** 1-based attempt (jest.retryTimes). */
  attempt: '_rampart_attempt',
  /** Recorded after its test had finished. */
  late: '_rampart_late',
  /** Where the test was written: `{ file, line, column }`, file relative to rootDir. */
  location: '_jest_test_location',
} as const;

/**
 * Where a test was written (its `test()` call): file relative to the run's
 * rootDir with forward slashes, 1-based line and column.
 */
export interface TestLocation {
  file: string;
  line: number;
  column: number;
}

/** The location tag of a Result, or null when it has none (or a malformed one). */
export function testLocationOf(result: Result): TestLocation | null {
  const value = result.metadata[RESULT_TAGS.location] as Partial<TestLocation> | null | undefined;
  if (value === null || typeof value !== 'object') return null;
  const { file, line, column } = value;
  return typeof file === 'string' &&
    file.length > 0 &&
    Number.isSafeInteger(line) &&
    Number.isSafeInteger(column)
    ? { file, line: line as number, column: column as number }
    : null;
}

const text = (value: unknown): string => (typeof value === 'string' ? value : '');
const number = (value: unknown, fallback: number): number =>
  typeof value === 'number' ? value : fallback;
/** Code-unit order of two strings (locale-independent, so reports are the same everywhere). */
export const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Report order: test id, attempt, index within the attempt, worker. Independent of arrival order. */
export function compareReportOrder(a: Result, b: Result): number {
  const ma = a.metadata;
  const mb = b.metadata;
  return (
    compareText(text(ma[RESULT_TAGS.testId]), text(mb[RESULT_TAGS.testId])) ||
    number(ma[RESULT_TAGS.attempt], 1) - number(mb[RESULT_TAGS.attempt], 1) ||
    number(ma[RESULT_TAGS.index], 0) - number(mb[RESULT_TAGS.index], 0) ||
    compareText(text(ma[RESULT_TAGS.worker]), text(mb[RESULT_TAGS.worker]))
  );
}
