import { ValueChecks, argumentChecks } from '../../../src/model/value-checks';

const refused = (check: () => unknown): string => {
  try {
    check();
  } catch (error) {
    expect(error).toBeInstanceOf(TypeError);
    return (error as Error).message;
  }
  throw new Error('the check passed');
};

test.each<[string, () => unknown, string]>([
  ['integer', () => argumentChecks.integer(1.5, 'n', 1), 'n must be an integer >= 1, got 1.5'],
  [
    'integer, unsafe',
    () => argumentChecks.integer(2 ** 60, 'n'),
    `n must be an integer >= 0, got ${2 ** 60}`,
  ],
  [
    'integer with its own words',
    () => argumentChecks.integer(0, 'o', 1, 'a positive integer (bytes)'),
    'o must be a positive integer (bytes), got 0',
  ],
  [
    'anyInteger',
    () => argumentChecks.anyInteger('3', 'shift'),
    'shift must be an integer, got "3"',
  ],
  [
    'ratio',
    () => argumentChecks.ratio(1.5, 'threshold'),
    'threshold must be a number in [0, 1], got 1.5',
  ],
  [
    'ratio, NaN',
    () => argumentChecks.ratio(NaN, 'threshold'),
    'threshold must be a number in [0, 1], got NaN',
  ],
  [
    'nonNegative',
    () => argumentChecks.nonNegative(Infinity, 'ms'),
    'ms must be a finite number >= 0, got Infinity',
  ],
  ['finite', () => argumentChecks.finite(null, 'p'), 'p must be a finite number, got null'],
  [
    'nonEmptyString',
    () => argumentChecks.nonEmptyString('', 'name'),
    'name must be a non-empty string, got ""',
  ],
  [
    'nonBlankString',
    () => argumentChecks.nonBlankString('  ', 'title'),
    'title must be a non-empty string, got "  "',
  ],
  ['boolean', () => argumentChecks.boolean('yes', 'json'), 'json must be true or false, got "yes"'],
  ['array', () => argumentChecks.array({}, 'list'), 'list must be an array, got {}'],
  ['object', () => argumentChecks.object([], 'options'), 'options must be an object, got array(0)'],
  [
    'enumValue',
    () => argumentChecks.enumValue({ A: 'a', B: 'b' }, 'c', 'kind'),
    'kind must be one of a, b, got "c"',
  ],
])('%s: "<what> must be <expected>, got <value>"', (_name, check, message) => {
  expect(refused(check)).toBe(message);
});

test('a passing check returns the value, narrowed', () => {
  const n: number = argumentChecks.integer(3, 'n', 1);
  const rate: number = argumentChecks.ratio(0, 'rate');
  const name: string = argumentChecks.nonBlankString(' x ', 'name');
  expect([n, rate, name]).toEqual([3, 0, ' x ']);
});

test("a reader's checks throw the reader's error", () => {
  class ReadError extends Error {}
  const fields = new ValueChecks((message) => new ReadError(message));
  expect(() => fields.integer(-1, '$.total_runs')).toThrow(ReadError);
  expect(() => fields.strings(['a', 1], '$.files')).toThrow('$.files[1] must be a string, got 1');
});
