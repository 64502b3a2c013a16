/** lazyExports: names declared on a module become getters that load their layer on first read. */
import { lazyExports } from '../../../src/model/lazy-exports';

test('the layer is loaded on the first read of one of its names, once', () => {
  const target: Record<string, unknown> = { a: undefined, b: undefined };
  let loads = 0;
  lazyExports(target, () => {
    loads += 1;
    return { a: 1, b: 2, c: 3 };
  }, ['a', 'b']);
  expect(loads).toBe(0);
  expect(Object.keys(target)).toEqual(['a', 'b']);
  expect(target['b']).toBe(2);
  expect(target['a']).toBe(1);
  expect(loads).toBe(1);
  expect(target).not.toHaveProperty('c');
});

test('a name the module did not declare first throws', () => {
  expect(() => lazyExports({ a: undefined }, () => ({ a: 1, b: 2 }), ['a', 'b'])).toThrow(
    'lazy export b must be declared by the module first (export let)',
  );
});
