/** onFirstUse and lazyExports: names declared from a layer's stand-in become getters that load the layer on first read. */
import { lazyExports, onFirstUse } from '../../../src/model/lazy-exports';

interface Layer {
  a: number;
  b: () => string;
  c: number;
}

function counted(): { load: () => Layer; loads: () => number } {
  let loads = 0;
  return {
    load: () => {
      loads += 1;
      return { a: 1, b: () => 'b', c: 3 };
    },
    loads: () => loads,
  };
}

test('the layer is loaded on the first read of one of its names, once', () => {
  const layer = counted();
  const { a, b } = onFirstUse(layer.load);
  const target: Record<string, unknown> = { a, b };
  lazyExports(target);
  expect(layer.loads()).toBe(0);
  expect(Object.keys(target)).toEqual(['a', 'b']);
  expect(typeof target['b']).toBe('function');
  expect(target['a']).toBe(1);
  expect(layer.loads()).toBe(1);
  expect(target).not.toHaveProperty('c');
});

test('each stand-in loads its own layer only', () => {
  const first = counted();
  const second = counted();
  const target: Record<string, unknown> = {
    a: onFirstUse(first.load).a,
    c: onFirstUse(second.load).c,
  };
  lazyExports(target);
  expect(target['c']).toBe(3);
  expect([first.loads(), second.loads()]).toEqual([0, 1]);
});

test('other names of the module are left as they are, getters unread', () => {
  const layer = counted();
  const target: Record<string, unknown> = { own: 'value', a: onFirstUse(layer.load).a };
  let reads = 0;
  Object.defineProperty(target, 'eager', {
    enumerable: true,
    get: () => {
      reads += 1;
      return 'eager';
    },
  });
  lazyExports(target);
  expect(reads).toBe(0);
  expect(Object.getOwnPropertyDescriptor(target, 'own')).toMatchObject({ value: 'value' });
  expect(target['eager']).toBe('eager');
  expect(target['a']).toBe(1);
});

test('a stand-in is read by name only', () => {
  const standIn = onFirstUse(counted().load) as unknown as Record<symbol, unknown>;
  expect(() => standIn[Symbol.iterator]).toThrow('a layer is read by name only');
});
