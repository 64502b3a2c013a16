import { wrapDefinitionApi } from '../../../src/jest/test-api';

// A stand-in for Jest's `test`: records each definition with the scope open at that time.
function fakeJest() {
  const defined: Array<{ name: string; scope: string[] }> = [];
  const scope: string[] = [];
  const define = (kind: string) => (name: string) =>
    void defined.push({ name: `${kind}:${name}`, scope: [...scope] });
  const test = Object.assign(define('test'), {
    only: define('only'),
    concurrent: Object.assign(define('concurrent'), { only: define('concurrent.only') }),
    each: (table: unknown[]) => (name: string) =>
      table.forEach((row) => define('each')(`${name}:${String(row)}`)),
  });
  return { defined, scope, test };
}

describe('wrapDefinitionApi', () => {
  test('every chain runs inside the scope: calls, modifiers, nested modifiers and each row binders', () => {
    const { defined, scope, test } = fakeJest();
    const wrapped = wrapDefinitionApi(test, (define) => {
      scope.push('S');
      try {
        return define();
      } finally {
        scope.pop();
      }
    });
    wrapped('a');
    wrapped.only('b');
    wrapped.concurrent.only('c');
    wrapped.each([1, 2])('d');
    test('outside');
    expect(defined).toEqual([
      { name: 'test:a', scope: ['S'] },
      { name: 'only:b', scope: ['S'] },
      { name: 'concurrent.only:c', scope: ['S'] },
      { name: 'each:d:1', scope: ['S'] },
      { name: 'each:d:2', scope: ['S'] },
      { name: 'test:outside', scope: [] },
    ]);
  });

  test('a repeating runner repeats each definition (how trial clones tests)', () => {
    const { defined, test } = fakeJest();
    const wrapped = wrapDefinitionApi(test, (define) => {
      let last;
      for (let i = 0; i < 3; i += 1) last = define();
      return last as never;
    });
    wrapped('t');
    wrapped.each(['x'])('e');
    expect(defined.map((d) => d.name)).toEqual([
      'test:t',
      'test:t',
      'test:t',
      'each:e:x',
      'each:e:x',
      'each:e:x',
    ]);
  });

  test('the scope closes even when a definition throws', () => {
    const { scope, test } = fakeJest();
    const wrapped = wrapDefinitionApi(
      Object.assign(() => {
        throw new Error('bad definition');
      }, test),
      (define) => {
        scope.push('S');
        try {
          return define();
        } finally {
          scope.pop();
        }
      },
    );
    expect(() => wrapped('x')).toThrow('bad definition');
    expect(scope).toEqual([]);
  });
});
