import { ObservabilityLevel, Result, SafetyStatus } from '../../../src/index';

const base = {
  status: SafetyStatus.SAFE,
  summary: 'ok',
  observabilityLevel: ObservabilityLevel.TOOL_ONLY,
};

describe('Result', () => {
  test('defaults and derived safe', () => {
    const result = new Result(base);
    expect(result).toMatchObject({
      harmCategory: null,
      strategy: '',
      durationSeconds: 0,
      turns: [],
      injections: [],
      metadata: {},
      terminalEvaluation: null,
      traceEndReason: null,
      population: null,
    });
    expect(result.safe).toBe(true);
    expect(new Result({ ...base, status: SafetyStatus.UNSAFE }).safe).toBe(false);
    expect(String(result)).toBe('Result(safe=true, status=safe, summary="ok")');
  });

  test.each([
    [
      { status: 'fine' },
      'Result status must be one of safe, unsafe, undetermined, error, got "fine"',
    ],
    [{ summary: 42 }, 'Result summary must be a string, got 42'],
    [{ observabilityLevel: undefined }, 'Result observabilityLevel must be one of'],
    [{ harmCategory: '' }, 'Result harmCategory must be a non-empty string or null, got ""'],
    [{ durationSeconds: NaN }, 'Result durationSeconds must be a finite number >= 0, got NaN'],
    [{ turns: 'x' }, 'Result turns must be an array, got "x"'],
    [{ metadata: [] }, 'Result metadata must be a plain object, got array(0)'],
    [{ traceEndReason: 'bored' }, 'Result traceEndReason must be null or one of'],
  ])('rejects %p with a TypeError naming the field', (change, message) => {
    expect(() => new Result({ ...base, ...(change as object) } as never)).toThrow(TypeError);
    expect(() => new Result({ ...base, ...(change as object) } as never)).toThrow(message);
  });

  test('with() copies and leaves the original untouched', () => {
    const original = new Result({ ...base, metadata: { a: 1 } });
    const copy = original.with({ harmCategory: 'jailbreak', metadata: { b: 2 } });
    expect(copy).not.toBe(original);
    expect(original.harmCategory).toBeNull();
    expect(original.metadata).toEqual({ a: 1 });
    expect(copy.harmCategory).toBe('jailbreak');
    expect(copy.metadata).toEqual({ b: 2 });
  });

  test('metadata is copied at construction', () => {
    const metadata = { a: 1 };
    const result = new Result({ ...base, metadata });
    metadata.a = 2;
    expect(result.metadata).toEqual({ a: 1 });
  });

  test('the copy keeps what a spread copy keeps: key order, __proto__ as data, enumerable symbols', () => {
    const hidden = Symbol('hidden');
    const shown = Symbol('shown');
    const metadata: Record<string | symbol, unknown> = JSON.parse(
      '{"b": 1, "__proto__": {"polluted": true}, "2": "two", "a": [1]}',
    );
    metadata[shown] = 'yes';
    Object.defineProperty(metadata, hidden, { value: 'no', enumerable: false });
    Object.defineProperty(metadata, 'quiet', { value: 'no', enumerable: false });
    const copied = new Result({ ...base, metadata }).metadata as Record<string | symbol, unknown>;
    expect(Object.keys(copied)).toEqual(['2', 'b', '__proto__', 'a']);
    expect(Object.getPrototypeOf(copied)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(copied, '__proto__')?.value).toEqual({ polluted: true });
    expect((copied as { polluted?: unknown }).polluted).toBeUndefined();
    expect(copied[shown]).toBe('yes');
    expect(Object.getOwnPropertySymbols(copied)).toEqual([shown]);
    expect(copied.a).toBe(metadata.a);
  });
});
