/**
 * How the CI formats (JUnit, GitHub Actions, SARIF) name a Result: its
 * test's title, with ` #i` (1-based) when the test attempt recorded several
 * Results and ` (attempt n)` for a retry, and the file it belongs to. Read
 * from the Results in report order with one Result of look-ahead, so the
 * formats can stream (docs/ci-formats.md).
 */
import type { Result } from '../model/result';
import { RESULT_TAGS, type TestLocation, testLocationOf } from '../model/result-tags';

/** A Result with the names the CI formats show. */
export interface NamedResult {
  result: Result;
  /** `<test title>[ #i][ (attempt n)]`; `(unattributed Result)` without a title. */
  name: string;
  /** The test's id (`_jest_test_id`), or '' when the Result has none. */
  testId: string;
  /** The test file relative to rootDir: from the location, else from the test id. */
  file: string;
  /** Where the test was written, when known. */
  location: TestLocation | null;
}

const text = (value: unknown): string => (typeof value === 'string' ? value : '');
const int = (value: unknown, fallback: number): number =>
  typeof value === 'number' && Number.isSafeInteger(value) ? value : fallback;

/** True when both Results come from one attempt of one (identified) test. */
function sameAttempt(a: Result, b: Result): boolean {
  const id = text(a.metadata[RESULT_TAGS.testId]);
  return (
    id !== '' &&
    id === text(b.metadata[RESULT_TAGS.testId]) &&
    int(a.metadata[RESULT_TAGS.attempt], 1) === int(b.metadata[RESULT_TAGS.attempt], 1)
  );
}

/** The file part of a test id: `[project] path::describe::title` -> `path`. */
export function fileOfTestId(testId: string): string {
  const withoutProject = testId.startsWith('[') ? testId.replace(/^\[[^\]]*\] /, '') : testId;
  return withoutProject.split('::')[0] ?? '';
}

function named(result: Result, several: boolean): NamedResult {
  const m = result.metadata;
  const testId = text(m[RESULT_TAGS.testId]);
  const title = text(m[RESULT_TAGS.testName]) || '(unattributed Result)';
  const index = int(m[RESULT_TAGS.index], 0);
  const attempt = int(m[RESULT_TAGS.attempt], 1);
  const location = testLocationOf(result);
  return {
    result,
    name: `${title}${several ? ` #${index + 1}` : ''}${attempt > 1 ? ` (attempt ${attempt})` : ''}`,
    testId,
    file: location?.file ?? fileOfTestId(testId),
    location,
  };
}

/** The Results of `results` (report order) with their names, one at a time. */
export function* namedResults(results: Iterable<Result>): Generator<NamedResult> {
  let previous: Result | undefined;
  const laterOf = (result: Result): boolean => int(result.metadata[RESULT_TAGS.index], 0) > 0;
  for (const result of results) {
    if (previous !== undefined)
      yield named(previous, laterOf(previous) || sameAttempt(previous, result));
    previous = result;
  }
  if (previous !== undefined) yield named(previous, laterOf(previous));
}
