import * as vm from 'node:vm';
import { describeError, describeValue, errorParts } from '../../../src/model/value-description';

describe('describeValue', () => {
  test.each<[unknown, string]>([
    ['fine', '"fine"'],
    [1.5, '1.5'],
    [NaN, 'NaN'],
    [10n, '10n'],
    [null, 'null'],
    [undefined, 'undefined'],
    [Symbol('s'), 'Symbol(s)'],
    [function named() {}, 'function named'],
    [[1, 2, 3], 'array(3)'],
    [new Date(0), 'object Date'],
    [new Map(), 'object Map'],
    [{}, '{}'],
  ])('%p is %s', (value, text) => {
    expect(describeValue(value)).toBe(text);
  });

  test('a plain object shows its first members, shallowly', () => {
    expect(describeValue({ nextPromt: () => null, n: 3, list: [1], inner: { a: 1 } })).toBe(
      '{ nextPromt: function nextPromt, n: 3, list: array(1), inner: {…} }',
    );
  });

  test('a class instance is named by its class; one from another realm too', () => {
    class Judge {
      objective = 'x';
    }
    expect(describeValue(new Judge())).toBe('Judge { objective: "x" }');
    expect(describeValue(vm.runInNewContext('({ a: 1 })'))).toBe('{ a: 1 }');
  });

  test('hostile keys and values are quoted, escaped and bounded', () => {
    const text = describeValue({ 'a\u001b[2Jb': 'x'.repeat(100), ['\u2028']: 1 });
    expect(text).toBe('{ "a\\u001b[2Jb": "xxxxxxxxxxxxxxxxxxxxxxx…", "\\u2028": 1 }');
    const many = Object.fromEntries(Array.from({ length: 100 }, (_, i) => [`key${i}`, i]));
    expect(describeValue(many)).toHaveLength(80);
    expect(describeValue(many).endsWith('…')).toBe(true);
  });

  test('a value that cannot be read is still described', () => {
    const { proxy, revoke } = Proxy.revocable({}, {});
    revoke();
    expect(describeValue(proxy)).toBe('<unprintable value>');
    const throwing = {
      get boom(): never {
        throw new Error('no');
      },
    };
    expect(describeValue(throwing)).toBe('<unprintable value>');
  });
});

describe('errorParts and describeError', () => {
  test('an Error: its name and message', () => {
    expect(errorParts(new TypeError('bad'))).toEqual({ name: 'TypeError', message: 'bad' });
    expect(describeError(new RangeError('far'))).toBe('RangeError: far');
  });

  test('an Error of another realm, and a subclass without its own name', () => {
    const foreign = vm.runInNewContext('new TypeError("elsewhere")') as unknown;
    expect(describeError(foreign)).toBe('TypeError: elsewhere');
    class Nameless extends Error {}
    const error = new Nameless('m');
    error.name = '';
    expect(errorParts(error)).toEqual({ name: 'Nameless', message: 'm' });
  });

  test('a thrown string, number, null: as they are', () => {
    expect(errorParts('boom')).toEqual({ name: 'Error', message: 'boom' });
    expect(describeError('boom')).toBe('boom');
    expect(errorParts(42)).toEqual({ name: 'number', message: '42' });
    expect(describeError(null)).toBe('null');
  });

  test('a thrown plain object is described, never "[object Object]"', () => {
    expect(errorParts({ code: 'E_AGENT', status: 503 })).toEqual({
      name: 'object',
      message: '{ code: "E_AGENT", status: 503 }',
    });
    expect(describeError({ code: 'E_AGENT' })).toBe('{ code: "E_AGENT" }');
    expect(describeError({ message: 'from Jest' })).toBe('Error: from Jest');
  });

  test('never throws', () => {
    const hostile = new Proxy(
      {},
      {
        get() {
          throw new Error('no');
        },
      },
    );
    expect(describeError(hostile)).toBe('<unprintable error>');
    expect(errorParts(hostile)).toEqual({ name: 'Error', message: '<unprintable error>' });
  });
});
