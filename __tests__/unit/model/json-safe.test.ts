import { toJsonSafe } from '../../../src/trace';
import { jsonString, toJsonSafeRecord } from '../../../src/model/json-safe';

describe('toJsonSafe', () => {
  test('plain JSON passes through', () => {
    const value = { a: [1, 'two', true, null], b: { c: 1.5 } };
    expect(toJsonSafe(value)).toEqual(value);
  });

  test('hostile values become JSON without throwing', () => {
    const circular: Record<string, unknown> = { name: 'loop' };
    circular.self = circular;
    const value = {
      circular,
      big: 12345678901234567890n,
      fn: function namedFn() {},
      sym: Symbol('s'),
      nan: NaN,
      inf: -Infinity,
      undef: undefined,
      surrogate: 'a\uD800b',
      date: new Date(0),
      bad: new Date('nope'),
      err: new TypeError('boom'),
      map: new Map([['k', 1]]),
      set: new Set([1]),
      bytes: new Uint8Array(3),
    };
    const safe = toJsonSafe(value) as Record<string, unknown>;
    expect(safe).toEqual({
      circular: { name: 'loop', self: '[Circular]' },
      big: '12345678901234567890',
      fn: '[Function: namedFn]',
      sym: 'Symbol(s)',
      nan: null,
      inf: null,
      surrogate: 'a\uFFFDb',
      date: '1970-01-01T00:00:00.000Z',
      bad: null,
      err: { name: 'TypeError', message: 'boom' },
      map: [['k', 1]],
      set: [1],
      bytes: '[Uint8Array 3 bytes]',
    });
    expect(() => JSON.stringify(safe)).not.toThrow();
  });

  test('shared (non-circular) references are kept', () => {
    const shared = { x: 1 };
    expect(toJsonSafe({ a: shared, b: shared })).toEqual({ a: { x: 1 }, b: { x: 1 } });
  });

  test('__proto__ and constructor keys stay data and never pollute prototypes', () => {
    const hostile = JSON.parse(
      '{"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}}',
    );
    const safe = toJsonSafe(hostile) as Record<string, unknown>;
    expect(Object.getPrototypeOf(safe)).toBe(Object.prototype);
    expect(Object.keys(safe)).toEqual(['__proto__', 'constructor']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(JSON.parse(JSON.stringify(safe))).toEqual(hostile);
  });

  test('throwing getters and revoked proxies are reported, not thrown', () => {
    const getter = Object.defineProperty({}, 'secret', {
      enumerable: true,
      get() {
        throw new Error('no access');
      },
    });
    const { proxy, revoke } = Proxy.revocable({}, {});
    revoke();
    expect(toJsonSafe({ getter, proxy })).toEqual({
      getter: { secret: '[Unreadable: no access]' },
      proxy: expect.stringMatching(/^\[Unreadable: /),
    });
  });

  test('deep nesting is cut', () => {
    let deep: Record<string, unknown> = {};
    const root = deep;
    for (let i = 0; i < 100; i += 1) deep = (deep.next = {}) as Record<string, unknown>;
    expect(JSON.stringify(toJsonSafe(root))).toContain('[Max depth]');
  });

  test('a toJSON that throws is reported', () => {
    expect(
      toJsonSafe({
        toJSON() {
          throw new Error('nope');
        },
      }),
    ).toBe('[Unreadable: nope]');
  });
});

describe('lossy keys', () => {
  test('the top-level keys whose values could not be represented as JSON are reported once, in order', () => {
    const circular: Record<string, unknown> = {};
    circular.self = circular;
    let deep: Record<string, unknown> = {};
    const root = deep;
    for (let i = 0; i < 40; i += 1) deep = deep.next = {};
    const lossy = { keys: [] as string[] };
    const converted = toJsonSafeRecord(
      {
        ok: 1,
        callback: () => 1,
        nested: { fn() {}, also: Symbol('s') },
        circular,
        deep: root,
        getter: Object.defineProperty({}, 'x', {
          enumerable: true,
          get() {
            throw new Error('no');
          },
        }),
        big: 10n,
        nan: NaN,
        list: [1, 'two'],
      },
      lossy,
    );
    expect(lossy.keys).toEqual(['callback', 'nested', 'circular', 'deep', 'getter']);
    expect(converted.callback).toBe('[Function: callback]');
  });

  test('nothing to report for plain JSON', () => {
    const lossy = { keys: [] as string[] };
    toJsonSafeRecord({ a: [1, { b: 'c' }], d: null, e: new Date(0) }, lossy);
    expect(lossy.keys).toEqual([]);
  });
});

describe('jsonString', () => {
  it.each([
    [''],
    ['plain text'],
    ['quote " and backslash \\'],
    ['controls \n \t \u0000 \u001f'],
    ['a pair \ud83d\ude00 and a lone \ud800 and \udfff'],
    ['separators \u2028 \u2029 and DEL \u007f'],
  ])('writes %j as JSON.stringify does', (text) => {
    expect(jsonString(text)).toBe(JSON.stringify(text));
  });
});
