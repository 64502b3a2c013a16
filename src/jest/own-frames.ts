/**
 * What a user sees of a failing test's stack: the body of every test runs
 * inside RAMPART's attribution wrapper (file-run.ts), whose frames would
 * otherwise show between the user's line and Jest's own (which Jest hides).
 * They are taken out of whatever the body throws or rejects with, so a
 * failing `toBeSafe()` points at the user's test line only
 * (docs/writing-tests.md, "Matchers").
 */

/** `stack` without the lines of frames in `files`; other text is kept as is. */
export function withoutFramesOf(stack: string, files: readonly string[]): string {
  return stack
    .split('\n')
    .filter((line) => !(/^\s+at /.test(line) && files.some((file) => line.includes(file))))
    .join('\n');
}

/** Takes the frames of `files` out of a thrown value's stack (any realm: checked by shape). */
export function stripFrames(thrown: unknown, files: readonly string[]): void {
  if (thrown === null || typeof thrown !== 'object') return;
  try {
    const { stack } = thrown as { stack?: unknown };
    if (typeof stack === 'string' && files.some((file) => stack.includes(file)))
      (thrown as { stack: string }).stack = withoutFramesOf(stack, files);
  } catch {
    // A frozen error or a throwing getter: its stack stays as it is.
  }
}

/**
 * Calls `body`; what it throws, or the promise it returns rejects with, loses
 * the frames of `file` (the caller's own source file) and of this one.
 */
export function callWithoutFramesOf<T>(file: string, body: () => T): T {
  const files = [file, __filename];
  let value: T;
  try {
    value = body();
  } catch (error) {
    stripFrames(error, files);
    throw error;
  }
  if (
    value !== null &&
    typeof value === 'object' &&
    typeof (value as { then?: unknown }).then === 'function'
  ) {
    return (value as unknown as PromiseLike<unknown>).then(undefined, (error: unknown) => {
      stripFrames(error, files);
      throw error;
    }) as unknown as T;
  }
  return value;
}
